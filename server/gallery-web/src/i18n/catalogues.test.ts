import { describe, expect, it } from 'vitest';
import en from './en.json';
import pl from './pl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaf(tree: unknown, key: string): string {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined), tree);
  return typeof value === 'string' ? value : '';
}

const variables = (text: string) => [...new Set(text.match(/\{\{\w+\}\}/g) ?? [])].sort();

describe('gallery page catalogues', () => {
  it('have exactly the same keys in English and Polish', () => {
    expect(keys(pl).sort()).toEqual(keys(en).sort());
  });

  it('give every plural all of one, few, many and other', () => {
    for (const tree of [en, pl]) {
      const all = keys(tree);
      for (const stem of all.filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4))) {
        for (const form of ['few', 'many', 'other']) expect(all, stem).toContain(`${stem}_${form}`);
      }
    }
  });

  it('pick the right Polish form: 1 zdjęcie, 3 zdjęcia, 5 zdjęć, 22 zdjęcia', () => {
    const rules = new Intl.PluralRules('pl');
    const say = (n: number) => leaf(pl, `common.photos_${rules.select(n)}`).replace('{{count}}', String(n));
    expect([1, 3, 5, 22, 12].map(say)).toEqual(['1 zdjęcie', '3 zdjęcia', '5 zdjęć', '22 zdjęcia', '12 zdjęć']);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      expect(leaf(en, key).trim(), key).not.toBe('');
      expect(leaf(pl, key).trim(), key).not.toBe('');
      expect(variables(leaf(pl, key)), key).toEqual(variables(leaf(en, key)));
    }
  });
});
