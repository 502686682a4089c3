import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetouchDetail } from '../../../../shared/schemas/retouch-desk';
import { MarkupList } from './markup';
import { useRetouch } from './retouch-store';
import type { ReviewDraft } from './review-draft';

/** The reviewer's verdict on the version shown: the markups' comments, a comment, Approve or Send back. */
export function ReviewForm({ round, draft }: { round: number; draft: ReviewDraft }) {
  const { t } = useTranslation();
  const id = useId();
  const busy = useRetouch((s) => s.busy);
  return (
    <section className="card retouch-review__form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('retouch.review.title', { n: round })}</h2>
      <p className="muted">{t('retouch.review.hint')}</p>
      <MarkupList markups={draft.markups} selectedId={draft.selectedId} onSelect={draft.setSelectedId} onChange={draft.setMarkups} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('retouch.review.comment')}</label>
        <textarea id={`${id}-comment`} rows={3} value={draft.comment} onChange={(e) => draft.setComment(e.target.value)} />
      </div>
      <div className="retouch-review__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null}
          onClick={() => void useRetouch.getState().approve(draft.comment)}
        >
          {t('retouch.review.approve')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy !== null}
          onClick={() => void useRetouch.getState().reject(draft.markups, draft.comment)}
        >
          {t('retouch.review.reject', { count: draft.markups.length })}
        </button>
      </div>
    </section>
  );
}

/** What the reviewer asked for in a round (the retoucher's view): the comment and the markups' comments. */
export function ReviewNotes({ detail, round, draft }: { detail: RetouchDetail; round: number; draft: ReviewDraft }) {
  const { t } = useTranslation();
  const id = useId();
  const markups = detail.view.markups[String(round)] ?? [];
  const comment = detail.view.task.rounds.find((r) => r.n === round)?.review?.comment ?? null;
  if (markups.length === 0 && !comment) return null;
  return (
    <section className="card retouch-notes" aria-labelledby={`${id}-notes`}>
      <h2 id={`${id}-notes`}>{t('retouch.review.notesTitle', { n: round })}</h2>
      {comment ? <p className="retouch-brief__text">{comment}</p> : null}
      <MarkupList markups={markups} selectedId={draft.selectedId} onSelect={draft.setSelectedId} readOnly />
    </section>
  );
}
