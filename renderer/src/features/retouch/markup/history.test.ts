import { describe, expect, it } from 'vitest';
import type { Markup } from '../../../../../shared/retouch/markup';
import { emptyHistory, record, redo, undo } from './history';

const pin = (id: string, n: number, comment = ''): Markup => ({ id, kind: 'pin', n, at: { x: 0.5, y: 0.5 }, comment, color: 'red' });

describe('markup undo and redo', () => {
  it('undoes an add, then redoes it', () => {
    const before: Markup[] = [pin('a', 1)];
    const after = [...before, pin('b', 2)];
    const history = record(emptyHistory, before);
    const undone = undo(history, after);
    expect(undone?.markups).toEqual(before);
    const redone = undone && redo(undone.history, undone.markups);
    expect(redone?.markups).toEqual(after);
    expect(redone && undo(redone.history, redone.markups)?.markups).toEqual(before);
  });

  it('brings a deleted markup back with its pin number and comment, keeping comments typed since on the others', () => {
    const before = [pin('a', 1), pin('b', 2, 'too dark')];
    const afterDelete = [pin('b', 1, 'too dark')]; // a deleted, b renumbered
    const typed = [pin('b', 1, 'too dark, lift the shadows')];
    const undone = undo(record(emptyHistory, before), typed);
    expect(undone?.markups).toEqual([pin('a', 1), pin('b', 2, 'too dark, lift the shadows')]);
    expect(afterDelete).toHaveLength(1);
  });

  it('has nothing to undo or redo when empty, and a new change clears redo', () => {
    expect(undo(emptyHistory, [])).toBeNull();
    expect(redo(emptyHistory, [])).toBeNull();
    const undone = undo(record(emptyHistory, []), [pin('a', 1)]);
    expect(undone?.history.future).toHaveLength(1);
    expect(undone && record(undone.history, []).future).toEqual([]);
  });

  it('keeps at most 100 steps', () => {
    let history = emptyHistory;
    for (let i = 0; i < 150; i += 1) history = record(history, [pin(`p${i}`, 1)]);
    expect(history.past).toHaveLength(100);
    expect(history.past[0]?.[0]?.id).toBe('p50');
  });
});
