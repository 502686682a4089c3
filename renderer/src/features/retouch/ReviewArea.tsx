import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { DiffOutput, ImageSlot, RetouchDetail } from '../../../../shared/schemas/retouch-desk';
import { mediaUrl } from '../../api';
import { getApi } from '../../api/use-api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { type CompareImageSource, CompareView } from './compare';
import { MarkupEditor, MarkupLayer } from './markup';
import type { ReviewDraft } from './review-draft';

interface Props {
  detail: RetouchDetail;
  /** Rounds to compare: 0 is the original. */
  before: number;
  after: number;
  /** This person may approve or send back the version shown (it waits for review, not their own). */
  reviewing: boolean;
  /** The reviewer's markups (drawn here, listed in the review form beside). */
  draft: ReviewDraft;
}

function slotOf(detail: RetouchDetail, round: number): ImageSlot {
  if (round === 0) return detail.original;
  return detail.versions.find((v) => v.round === round)?.slot ?? { status: 'missing', message: '' };
}

function source(slot: ImageSlot, label: string): CompareImageSource | null {
  if (slot.status !== 'ready') return null;
  const { image } = slot;
  return { screenSrc: mediaUrl(image.screen), fullSrc: mediaUrl(image.full), width: image.width, height: image.height, label };
}

/**
 * The comparison of two images of a task with what goes on it: the difference overlay (asked for,
 * computed off the main thread), the markups of the round shown (read-only for the retoucher), or
 * the reviewer's markup tools (the review form beside the picture lists them).
 */
export function ReviewArea({ detail, before, after, reviewing, draft }: Props) {
  const { t } = useTranslation();
  const taskId = detail.view.task.id;
  const [diff, setDiff] = useState<DiffOutput | null>(null);
  const [diffBusy, setDiffBusy] = useState(false);
  const [diffError, setDiffError] = useState<string | null>(null);
  // Another pair (or task): the overlay was of the old pair; a new version to review starts clean.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the compared pair changes
  useEffect(() => {
    setDiff(null);
    setDiffError(null);
  }, [taskId, before, after]);

  const label = (round: number) => {
    if (round === 0) return t('retouch.rounds.original');
    const r = detail.view.task.rounds.find((x) => x.n === round);
    return r ? t('retouch.review.roundBy', { n: round, name: r.retoucher.name }) : t('retouch.rounds.version', { n: round });
  };
  const beforeSlot = slotOf(detail, before);
  const afterSlot = after > 0 ? slotOf(detail, after) : null;
  const beforeSource = source(beforeSlot, label(before));
  const afterSource = afterSlot ? source(afterSlot, label(after)) : null;
  const shownMarkups = detail.view.markups[String(after)] ?? [];

  async function showDifferences() {
    setDiffBusy(true);
    setDiffError(null);
    try {
      setDiff(await getApi().call('retouch.diff', { taskId, before, after }));
    } catch (e) {
      setDiffError((e as AppError).message);
    } finally {
      setDiffBusy(false);
    }
  }

  // Only the original so far: show it alone, as large as the comparison would be.
  if (!afterSlot || after === 0) {
    return beforeSource ? (
      <CompareView before={beforeSource} after={beforeSource} modes={['toggle']} defaultMode="toggle" />
    ) : (
      <SlotMessage slot={beforeSlot} />
    );
  }
  if (!beforeSource || !afterSource) return <SlotMessage slot={!beforeSource ? beforeSlot : afterSlot} />;

  const cropped = diff?.kind === 'cropped';
  const toolbar = (
    <button
      type="button"
      className="button button--small"
      disabled={diffBusy || cropped}
      aria-pressed={diff?.kind === 'overlay'}
      onClick={() => void showDifferences()}
    >
      {diffBusy ? t('retouch.review.diffing') : t('retouch.review.showDifferences')}
    </button>
  );

  return (
    <div className="retouch-review">
      <CompareView
        key={`${before}-${after}`}
        before={beforeSource}
        after={afterSource}
        defaultMode={cropped ? 'side-by-side' : 'slider'}
        {...(cropped ? { modes: ['side-by-side'] as const, mode: 'side-by-side' as const } : {})}
        overlay={diff?.kind === 'overlay' ? { src: mediaUrl(diff.overlay) } : null}
        defaultOverlayVisible
        toolbar={toolbar}
      >
        {reviewing ? (
          <MarkupEditor markups={draft.markups} onChange={draft.setMarkups} selectedId={draft.selectedId} onSelect={draft.setSelectedId} />
        ) : (
          <MarkupLayer markups={shownMarkups} selectedId={draft.selectedId} onSelect={draft.setSelectedId} />
        )}
      </CompareView>
      {diff?.kind === 'overlay' ? (
        <p className="muted" role="status">
          {diff.box
            ? t('retouch.review.diffSummary', {
                percent: (diff.changedFraction * 100).toFixed(diff.changedFraction < 0.01 ? 2 : 1),
                ms: Math.round(diff.ms),
              })
            : t('retouch.review.diffNone')}
          {diff.scaled ? ` ${t('retouch.review.diffScaled')}` : ''}
        </p>
      ) : null}
      {diff?.kind === 'cropped' ? (
        <p className="banner banner--warn" role="status">
          {diff.message}
        </p>
      ) : null}
      {diffError ? <ErrorNotice message={diffError} /> : null}
    </div>
  );
}

function SlotMessage({ slot }: { slot: ImageSlot }) {
  const { t } = useTranslation();
  return (
    <div className="retouch-slot" role="status">
      <p>{slot.status === 'preparing' ? slot.message || t('retouch.review.preparing') : slot.status === 'missing' ? slot.message : ''}</p>
    </div>
  );
}
