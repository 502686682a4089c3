import { describe, expect, it } from 'vitest';
import en from './en.json';
import pl from './pl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translation catalogues', () => {
  it('have the same keys in English and Polish', () => {
    expect(keys(pl).sort()).toEqual(keys(en).sort());
  });

  it('have no empty strings and the same interpolation variables', () => {
    const flat = (o: unknown) =>
      Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o)]));
    const enFlat = flat(en);
    const plFlat = flat(pl);
    for (const [key, text] of Object.entries(enFlat)) {
      expect(String(text).trim(), key).not.toBe('');
      const vars = (s: unknown) => (String(s).match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(vars(plFlat[key]), key).toEqual(vars(text));
    }
  });
});
