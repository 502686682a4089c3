// Every sentence the export service hands the UI by key (program names, summaries, steps, the
// prefix warning and remedy, the empty sentences) has an English and a Polish translation.
import { describe, expect, it } from 'vitest';
import { exportTargets, prefixRemedy, prefixWarnings } from '../main/services/export';
import en from '../renderer/src/i18n/en.json';
import pl from '../renderer/src/i18n/pl.json';
import { selectionSources } from '../shared/schemas/export';

const lookup = (catalogue: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);

describe('export translations', () => {
  const keys = [
    ...exportTargets.flatMap((t) => [t.labelKey, t.summaryKey, ...t.steps.map((s) => s.key)]),
    prefixRemedy.key,
    ...prefixWarnings(['IMG_1', 'IMG_10']).map((w) => w.key),
    ...selectionSources.map((s) => `export.empty.${s}`),
  ];

  it.each([
    ['en', en],
    ['pl', pl],
  ])('%s has every key', (_name, catalogue) => {
    for (const key of keys) expect(typeof lookup(catalogue, key), key).toBe('string');
  });

  it('keeps the English steps word for word as the service says them', () => {
    for (const t of exportTargets) for (const s of t.steps) expect(lookup(en, s.key), s.key).toBe(s.text);
  });
});
