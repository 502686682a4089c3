// Every reason the delivery matcher can give (shared/delivery/match-texts.ts) has its words in
// both catalogues: English exactly as the backend says it, Polish with the same parameters.
import { describe, expect, it } from 'vitest';
import { deliveryMatchTexts } from '../../../../shared/delivery';
import en from '../../i18n/en.json';
import pl from '../../i18n/pl.json';

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

const params = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]).sort();

describe('delivery preview words', () => {
  const keys = Object.keys(deliveryMatchTexts) as (keyof typeof deliveryMatchTexts)[];

  it('has the backend’s English sentence for every row reason, with i18next parameters', () => {
    for (const key of keys) {
      expect(lookup(en, key), key).toBe(deliveryMatchTexts[key].replace(/\{(\w+)\}/g, '{{$1}}'));
    }
  });

  it('has a Polish sentence for every row reason, with the same parameters', () => {
    for (const key of keys) {
      const text = lookup(pl, key);
      expect(typeof text, key).toBe('string');
      expect(params(String(text), /\{\{(\w+)\}\}/g), key).toEqual(params(deliveryMatchTexts[key], /\{(\w+)\}/g));
    }
  });
});
