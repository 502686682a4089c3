import { describe, expect, it } from 'vitest';
import en from './en.json';
import pl from './pl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// Plural forms differ by language (English: one/other; Polish: one/few/many/other).
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const base = (list: string[]) => [...new Set(list.map((k) => k.replace(pluralSuffix, '')))].sort();

describe('translation catalogues', () => {
  it('have the same keys in English and Polish', () => {
    expect(base(keys(pl))).toEqual(base(keys(en)));
  });

  it('give Polish plurals all of one, few, many and other', () => {
    const plKeys = keys(pl);
    for (const key of plKeys.filter((k) => k.endsWith('_one'))) {
      const stem = key.replace(/_one$/, '');
      for (const form of ['few', 'many', 'other']) expect(plKeys, stem).toContain(`${stem}_${form}`);
    }
  });

  it('have no empty strings and the same interpolation variables', () => {
    const flat = (o: unknown) =>
      Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o)]));
    const enFlat = flat(en);
    const plFlat = flat(pl);
    const vars = (s: unknown) => [...new Set(String(s).match(/\{\{\w+\}\}/g) ?? [])].sort();
    for (const [key, text] of Object.entries(enFlat)) {
      expect(String(text).trim(), key).not.toBe('');
      const plKey = key in plFlat ? key : key.replace(/_one$/, '_one').replace(/_other$/, '_other');
      expect(vars(plFlat[plKey]), key).toEqual(vars(text));
    }
  });
});
