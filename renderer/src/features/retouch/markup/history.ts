// Undo and redo for the markup editor as snapshots of the markup list. A comment typed in the
// list since is not part of the editor's history (the text field has its own undo), so an undo
// keeps each remaining markup's current comment and only puts shapes, colours and pins back.
import type { Markup } from '../../../../../shared/retouch/markup';

export interface MarkupHistory {
  past: Markup[][];
  future: Markup[][];
}

export const emptyHistory: MarkupHistory = { past: [], future: [] };
const limit = 100;

/** Remember the list as it was before an editor change. */
export function record(history: MarkupHistory, before: readonly Markup[]): MarkupHistory {
  return { past: [...history.past, [...before]].slice(-limit), future: [] };
}

function withCurrentComments(restored: readonly Markup[], current: readonly Markup[]): Markup[] {
  const comments = new Map(current.map((m) => [m.id, m.comment]));
  return restored.map((m) => {
    const comment = comments.get(m.id);
    return comment === undefined || comment === m.comment ? m : { ...m, comment };
  });
}

export function undo(history: MarkupHistory, current: readonly Markup[]): { history: MarkupHistory; markups: Markup[] } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [[...current], ...history.future].slice(0, limit) },
    markups: withCurrentComments(previous, current),
  };
}

export function redo(history: MarkupHistory, current: readonly Markup[]): { history: MarkupHistory; markups: Markup[] } | null {
  const [next, ...rest] = history.future;
  if (!next) return null;
  return { history: { past: [...history.past, [...current]].slice(-limit), future: rest }, markups: withCurrentComments(next, current) };
}
