import { describe, expect, it } from 'vitest';
import type { Markup } from '../../../../../shared/retouch/markup';
import { markupNames } from './names';

const base = { comment: '', color: 'red' as const };
const markups: Markup[] = [
  { ...base, id: 'a1', kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 1, y: 1 } },
  { ...base, id: 'p', kind: 'pin', n: 4, at: { x: 0.5, y: 0.5 } },
  { ...base, id: 'a2', kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 1, y: 0 } },
  { ...base, id: 'c', kind: 'circle', center: { x: 0.5, y: 0.5 }, rx: 0.1, ry: 0.1 },
];

describe('markup names', () => {
  it('names pins by their number and the rest by their place among their kind', () => {
    const names = markupNames(markups);
    expect([...names.values()]).toEqual([
      { kind: 'arrow', n: 1 },
      { kind: 'pin', n: 4 },
      { kind: 'arrow', n: 2 },
      { kind: 'circle', n: 1 },
    ]);
  });
});
