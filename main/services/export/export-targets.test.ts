import { describe, expect, test } from 'vitest';
import { exportTargetIds } from '../../../shared/schemas/export';
import { exportTarget, exportTargets, fillStep } from './export-targets';

describe('export targets', () => {
  test('one target per id of the shared contract, each with steps', () => {
    expect(exportTargets.map((t) => t.id)).toEqual([...exportTargetIds]);
    for (const t of exportTargets) expect(t.steps.length).toBeGreaterThan(0);
  });

  test('translation keys are unique and namespaced', () => {
    const keys = exportTargets.flatMap((t) => [t.labelKey, t.summaryKey, ...t.steps.map((s) => s.key)]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^export\.[a-zA-Z]+\.[a-zA-Z0-9]+$/);
  });

  test('the Lightroom filter steps name the exact controls', () => {
    expect(exportTarget('lightroom-filter').steps.map((s) => s.text)).toContain(
      'Click Text, choose Filename in the first menu and Contains in the second.',
    );
  });

  test('placeholders are filled; an unknown one stays visible', () => {
    expect(fillStep('A smart collection called “{{title}}” with {{n}}', { title: 'Anna' })).toBe(
      'A smart collection called “Anna” with {{n}}',
    );
    const [step1] = exportTarget('lightroom-smart-collection').steps;
    expect(fillStep(step1?.text ?? '', { fileName: 'Anna.lrsmcol' })).toBe('Save the file Anna.lrsmcol where you can find it.');
  });
});
