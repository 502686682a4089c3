import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { getApi } from '../../api/use-api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DropZone } from '../delivery/DropZone';
import { type DeliveryPreview, noChoices, planDelivery } from '../delivery/delivery-plan';
import { usePrefs } from '../settings/prefs-store';
import { useRetouch } from './retouch-store';

/**
 * Edited files come back here (dropped, picked or typed): matched to the tasks by file name the way
 * delivery matches them (IMG_0412-edit.tif → IMG_0412.CR3), shown before anything is sent, then
 * attached as the next version and sent to review. `taskIds` undefined = every task I hold.
 */
export function DropBackPanel({ taskIds, compact = false }: { taskIds?: string[]; compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const canPick = usePrefs((s) => s.info?.canPickFolders ?? false);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<DeliveryPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<JobProgress | null>(null);

  useEffect(() => {
    if (!jobId) return;
    return getApi().on('job.progress', (progress) => {
      if (progress.jobId !== jobId) return;
      setJob(progress);
      if (progress.state === 'done') {
        setPreview(null);
        useRetouch.getState().changed();
      }
    });
  }, [jobId]);

  async function previewPaths(paths: string[]) {
    setBusy(true);
    setError(null);
    setJob(null);
    setJobId(null);
    try {
      setPreview(await getApi().call('retouch.dropPreview', { paths, ...(taskIds ? { taskIds } : {}) }));
    } catch (e) {
      setPreview(null);
      setError((e as AppError).message);
    } finally {
      setBusy(false);
    }
  }
  function previewTyped() {
    const path = folder.trim();
    if (!path) {
      setFolderError(t('delivery.panel.folderMissing'));
      return;
    }
    setFolderError(undefined);
    void previewPaths([path]);
  }
  async function submit(pairs: { photoId: string; path: string }[]) {
    setBusy(true);
    setError(null);
    try {
      const answer = await getApi().call('retouch.submit', { pairs: pairs.map((p) => ({ taskId: p.photoId, path: p.path })) });
      setJobId(answer.jobId);
    } catch (e) {
      setError((e as AppError).message);
    } finally {
      setBusy(false);
    }
  }

  const plan = preview ? planDelivery(preview, noChoices) : null;
  const running = job !== null && (job.state === 'running' || job.state === 'queued');

  return (
    <section className="retouch-drop" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('retouch.drop.title')}</h3>
      <p className="muted">{taskIds?.length === 1 ? t('retouch.drop.hintOne') : t('retouch.drop.hintMany')}</p>
      <DropZone
        formId={`${id}-folder`}
        canPick={canPick}
        compact={compact || preview !== null}
        busy={busy}
        folder={folder}
        folderError={folderError}
        onFolderChange={setFolder}
        onPaths={(paths) => void previewPaths(paths)}
        onTyped={previewTyped}
      />
      {canPick ? null : (
        <button type="submit" form={`${id}-folder`} className="button" disabled={busy}>
          {t('retouch.drop.check')}
        </button>
      )}
      {plan ? (
        <div className="retouch-drop__plan" aria-live="polite">
          {plan.matched.length > 0 ? (
            <ul className="retouch-drop__list">
              {plan.matched.map((row) => (
                <li key={row.file.path}>
                  <span className="retouch-drop__ok" aria-hidden="true">
                    ✓
                  </span>{' '}
                  <strong>{row.file.name}</strong> → {row.photo.name}
                </li>
              ))}
            </ul>
          ) : null}
          {plan.extra.length > 0 ? (
            <p className="banner banner--warn">
              {t('retouch.drop.extra', { count: plan.extra.length, names: plan.extra.map((r) => r.file.name).join(', ') })}
            </p>
          ) : null}
          {plan.ambiguous.length > 0 ? (
            <p className="banner banner--warn">{t('retouch.drop.ambiguous', { count: plan.ambiguous.length })}</p>
          ) : null}
          {plan.missing.length > 0 && taskIds?.length !== 1 ? (
            <p className="muted">{t('retouch.drop.missing', { count: plan.missing.length })}</p>
          ) : null}
          {plan.matched.length === 0 ? (
            <p className="banner banner--warn">{t('retouch.drop.nothing')}</p>
          ) : (
            <button type="button" className="button button--primary" disabled={busy || running} onClick={() => void submit(plan.pairs)}>
              {t('retouch.drop.submit', { count: plan.pairs.length })}
            </button>
          )}
        </div>
      ) : null}
      {job ? (
        <p role="status" className={job.state === 'failed' ? 'banner banner--warn' : 'muted'}>
          {job.state === 'failed'
            ? job.error
            : job.state === 'done'
              ? t('retouch.drop.sent', { count: job.total })
              : t('retouch.drop.progress', { done: job.done, total: job.total })}
        </p>
      ) : null}
      {error ? <ErrorNotice message={error} /> : null}
    </section>
  );
}
