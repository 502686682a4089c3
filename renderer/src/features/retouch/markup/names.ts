// How a markup is named in the list, in accessible names and the undo hint: pins by their
// number ("Pin 3"), the other kinds by their place among that kind ("Arrow 2"), so every
// markup has a distinct name a reviewer and a test can find.
import type { Markup, MarkupKind } from '../../../../../shared/retouch/markup';

export interface MarkupName {
  kind: MarkupKind;
  n: number;
}

export function markupNames(markups: readonly Markup[]): Map<string, MarkupName> {
  const counts: Record<MarkupKind, number> = { freehand: 0, arrow: 0, circle: 0, pin: 0 };
  const names = new Map<string, MarkupName>();
  for (const m of markups) {
    counts[m.kind] += 1;
    names.set(m.id, { kind: m.kind, n: m.kind === 'pin' ? m.n : counts[m.kind] });
  }
  return names;
}

/** The i18n key and values for a name (retouch.markup.names.*). */
export const nameKey = (name: MarkupName) => [`retouch.markup.names.${name.kind}`, { n: name.n }] as const;
