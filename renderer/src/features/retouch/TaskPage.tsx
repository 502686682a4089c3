import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { RetouchDetail } from '../../../../shared/schemas/retouch-desk';
import { getApi } from '../../api/use-api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatTime } from '../../ui/format';
import { SyncTools } from '../orders/SyncTools';
import { DropBackPanel } from './DropBackPanel';
import { ReviewArea } from './ReviewArea';
import { ReviewForm, ReviewNotes } from './ReviewForm';
import { RoundsPanel } from './RoundsPanel';
import { useRetouch } from './retouch-store';
import { useReviewDraft } from './review-draft';
import { TaskStatePill } from './TaskPills';
import { TaskPlan } from './TaskPlan';

/** The rounds a comparison can show: 0 is the original, then every round with a version. */
export function comparableRounds(detail: RetouchDetail): number[] {
  return [0, ...detail.view.versions.map((v) => v.round)];
}

/**
 * One task: the comparison (original and versions, markups), and beside it what to do now —
 * claim or resume, drop the edited file back, review it — with the brief, the rounds and the history.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const { detail, detailState, detailError, busy, actionError, refusals } = useRetouch();
  const [openError, setOpenError] = useState<string | null>(null);
  const rounds = detail ? comparableRounds(detail) : [0];
  const latest = rounds[rounds.length - 1] ?? 0;
  const [pair, setPair] = useState<{ before: number; after: number } | null>(null);
  const taskId = detail?.view.task.id;
  // A new version arrived (or another task opened): compare the original with the latest version.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the task or its latest round changes
  useEffect(() => setPair(null), [taskId, latest]);
  const shownAfter = pair?.after ?? latest;
  const draft = useReviewDraft(taskId, shownAfter);

  if (detailState === 'loading' && !detail)
    return (
      <p className="muted page" role="status">
        {t('common.loading')}
      </p>
    );
  if (!detail)
    return (
      <section className="page">
        <button type="button" className="link-button" onClick={() => useRetouch.getState().back()}>
          ← {t('retouch.task.back')}
        </button>
        {detailError ? <ErrorNotice message={detailError.message} /> : null}
      </section>
    );

  const { view, row } = detail;
  const allowed = (name: string) => detail.actions.find((a) => a.action === name);
  const claim = allowed('claim');
  const resume = allowed('resume');
  const release = allowed('release');
  const submit = allowed('submit');
  const review = allowed('approve');
  const lease = view.task.lease;
  const shown = pair ?? { before: 0, after: latest };
  // Only the round waiting for review is reviewed; an older pair is for looking back.
  const reviewing = review?.allowed === true && shown.after === latest;

  async function open(file: 'original' | 'latest_version', how: 'editor' | 'reveal') {
    setOpenError(null);
    try {
      await getApi().call('retouch.open', { taskId: view.task.id, file, how });
    } catch (e) {
      setOpenError((e as AppError).message);
    }
  }

  return (
    <section className="page page--wide retouch-task" aria-labelledby="retouch-task-title">
      <header className="page__header retouch-task__header">
        <div>
          <button type="button" className="link-button" onClick={() => useRetouch.getState().back()}>
            ← {t('retouch.task.back')}
          </button>
          <h1 id="retouch-task-title">
            {view.photo.name} <TaskStatePill state={view.task.state} round={row.round} />
          </h1>
          <p className="muted">
            {view.photo.orderNumber ? t('retouch.task.forOrder', { number: view.photo.orderNumber }) : t('retouch.task.byHand')}
            {' · '}
            {lease && row.holder
              ? row.mine
                ? t('retouch.task.youHold', { time: formatTime(lease.expiresAt) })
                : t('retouch.task.heldBy', { holder: row.holder, time: formatTime(lease.expiresAt) })
              : t('retouch.task.nobodyHolds')}
            {row.pending ? ` · ${t('retouch.task.waitingForSync')}` : ''}
          </p>
        </div>
        <SyncTools />
      </header>

      {detail.problem ? (
        <div className="banner banner--warn retouch-task__problem" role="alert">
          <p>{detail.problem}</p>
          <button type="button" className="button button--quiet" onClick={() => void useRetouch.getState().dismissProblem()}>
            {t('retouch.task.dismiss')}
          </button>
        </div>
      ) : null}

      <div className="retouch-task__actions" role="toolbar" aria-label={t('retouch.task.actionsLabel')}>
        {claim?.allowed ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy !== null}
            onClick={() => void useRetouch.getState().claim([view.task.id])}
          >
            {t('retouch.action.claim')}
          </button>
        ) : null}
        {resume?.allowed ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy !== null}
            onClick={() => void useRetouch.getState().resume()}
          >
            {t('retouch.task.resume', { n: view.task.rounds.length + 1 })}
          </button>
        ) : null}
        {release?.allowed ? (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void useRetouch.getState().release([view.task.id])}
          >
            {t('retouch.action.release')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => void open('original', 'editor')}>
          {t('retouch.task.openInEditor')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => void open('original', 'reveal')}>
          {t('retouch.task.reveal')}
        </button>
        {view.versions.length > 0 ? (
          <button type="button" className="button button--quiet" onClick={() => void open('latest_version', 'reveal')}>
            {t('retouch.task.revealVersion')}
          </button>
        ) : null}
      </div>
      {actionError ? <ErrorNotice message={actionError.message} /> : null}
      {openError ? <ErrorNotice message={openError} /> : null}
      {refusals.map((r) => (
        <ErrorNotice key={r.taskId} message={r.reason} />
      ))}

      <div className="retouch-task__layout">
        <div className="retouch-task__main">
          <ReviewArea detail={detail} before={shown.before} after={shown.after} reviewing={reviewing} draft={draft} />
        </div>
        <aside className="retouch-task__side">
          <section className="card retouch-brief" aria-labelledby="retouch-brief-title">
            <h2 id="retouch-brief-title">{t('retouch.task.brief')}</h2>
            <p className="retouch-brief__text">
              {view.task.source.kind === 'order_photo' ? view.task.source.instructions : view.task.source.brief}
            </p>
            <TaskPlan detail={detail} />
          </section>
          {reviewing ? (
            <ReviewForm round={shown.after} draft={draft} />
          ) : shown.after > 0 ? (
            <ReviewNotes detail={detail} round={shown.after} draft={draft} />
          ) : null}
          {submit?.allowed ? (
            <section className="card">
              <DropBackPanel taskIds={[view.task.id]} compact />
            </section>
          ) : null}
          <RoundsPanel detail={detail} pair={shown} onPair={setPair} />
        </aside>
      </div>
    </section>
  );
}
