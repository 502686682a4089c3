// Every key the comparison and markup components ask for exists in both catalogues: the
// literal t('retouch.…') calls in their sources and the keys they build from values.
import { describe, expect, it } from 'vitest';
import { markupColors, markupKinds } from '../../../../../shared/retouch/markup';
import en from '../../../i18n/en.json';
import pl from '../../../i18n/pl.json';
import { markupTools } from './draft';

// The sources as text (Vite's glob: the renderer has no Node types); tests are left out.
const sources = import.meta.glob(['./*.{ts,tsx}', '../compare/*.{ts,tsx}', '!./*.test.ts', '!../compare/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

const literalKeys = Object.values(sources).flatMap((text) => [...text.matchAll(/t\('(retouch\.[\w.]+)'/g)].map((m) => m[1] as string));
const builtKeys = [
  ...['before', 'after'].map((side) => `retouch.compare.${side}`),
  ...['slider', 'sideBySide', 'toggle'].map((mode) => `retouch.compare.modes.${mode}`),
  ...markupTools.map((tool) => `retouch.markup.tools.${tool}`),
  ...markupColors.map((color) => `retouch.markup.colors.${color}`),
  ...markupKinds.map((kind) => `retouch.markup.names.${kind}`),
];

describe('review view words', () => {
  it('finds the literal keys in the sources (the scan works)', () => {
    expect(literalKeys.length).toBeGreaterThan(20);
  });
  for (const [name, catalogue] of [
    ['English', en],
    ['Polish', pl],
  ] as const) {
    it(`has every key the comparison and markup use in ${name}`, () => {
      const missing = [...new Set([...literalKeys, ...builtKeys])].filter((key) => typeof lookup(catalogue, key) !== 'string');
      expect(missing).toEqual([]);
    });
  }
});
