// The markups as a numbered list beside the picture: each with its comment (a text field for
// the reviewer, plain text for the retoucher), a click selects it on the picture. The names
// ("Pin 2", "Arrow 1") are the ones the shapes have, so "see pin 2" means the same on both.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Markup } from '../../../../../shared/retouch/markup';
import { markupInk, pinText } from './colors';
import { markupNames, nameKey } from './names';
import './markup.css';

export interface MarkupListProps {
  markups: readonly Markup[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** The retoucher's view: comments shown, not edited. */
  readOnly?: boolean;
  /** Required unless readOnly: the list with one comment changed. */
  onChange?: (markups: Markup[]) => void;
  /** Shows a remove button on each row (the editor's Delete key does the same for the selected one). */
  onRemove?: (id: string) => void;
}

export function MarkupList({ markups, selectedId, onSelect, readOnly = false, onChange, onRemove }: MarkupListProps) {
  const { t } = useTranslation();
  const names = markupNames(markups);
  const selectedRow = useRef<HTMLLIElement>(null);
  // A markup selected on the picture scrolls into view in the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the selection
  useEffect(() => {
    selectedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  if (markups.length === 0) {
    return <p className="markup-list__empty">{readOnly ? t('retouch.markup.list.emptyReadOnly') : t('retouch.markup.list.empty')}</p>;
  }
  const setComment = (id: string, comment: string) => onChange?.(markups.map((m) => (m.id === id ? { ...m, comment } : m)));
  return (
    <ol className="markup-list" aria-label={t('retouch.markup.list.label')}>
      {markups.map((m) => {
        const name = names.get(m.id);
        const label = name ? t(...nameKey(name)) : m.kind;
        const selected = m.id === selectedId;
        const commentId = `markup-comment-${m.id}`;
        return (
          <li key={m.id} ref={selected ? selectedRow : undefined} className="markup-list__item" data-selected={selected || undefined}>
            <div className="markup-list__head">
              <button
                type="button"
                className="markup-list__select"
                aria-pressed={selected}
                aria-label={t('retouch.markup.list.show', { name: label })}
                onClick={() => onSelect(selected ? null : m.id)}
              >
                <Badge markup={m} />
                <span className="markup-list__name">{label}</span>
              </button>
              {onRemove && !readOnly ? (
                <button type="button" className="link-button markup-list__remove" onClick={() => onRemove(m.id)}>
                  {t('retouch.markup.list.remove', { name: label })}
                </button>
              ) : null}
            </div>
            {readOnly ? (
              <p className={m.comment ? 'markup-list__comment' : 'markup-list__comment markup-list__comment--none'}>
                {m.comment || t('retouch.markup.list.noComment')}
              </p>
            ) : (
              <>
                <label className="visually-hidden" htmlFor={commentId}>
                  {t('retouch.markup.list.comment', { name: label })}
                </label>
                <textarea
                  id={commentId}
                  className="markup-list__textarea"
                  rows={2}
                  maxLength={2000}
                  value={m.comment}
                  placeholder={t('retouch.markup.list.placeholder')}
                  onFocus={() => selectedId !== m.id && onSelect(m.id)}
                  onChange={(e) => setComment(m.id, e.currentTarget.value)}
                />
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The pin's number in its colour, or a small mark of the kind in its colour. */
function Badge({ markup }: { markup: Markup }) {
  const ink = markupInk[markup.color];
  if (markup.kind === 'pin')
    return (
      <span className="markup-badge markup-badge--pin" style={{ background: ink, color: pinText[markup.color] }} aria-hidden="true">
        {markup.n}
      </span>
    );
  const path = { freehand: 'M3 13c3-1 3-6 6-6s2 4 5 4', arrow: 'M3 15L15 3 M8 3h7v7', circle: 'M9 3a6 5 0 1 0 0.01 0' }[markup.kind];
  return (
    <span className="markup-badge" aria-hidden="true">
      <svg width="18" height="18" viewBox="0 0 18 18" fill="none" stroke={ink} strokeWidth="2.2" strokeLinecap="round">
        <path d={path} />
      </svg>
    </span>
  );
}
