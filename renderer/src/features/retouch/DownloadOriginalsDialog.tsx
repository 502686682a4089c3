import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { getApi } from '../../api/use-api';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { usePrefs } from '../settings/prefs-store';

/**
 * Saves the originals of the ticked tasks (seed 003: "download the originals of a batch"): into a
 * folder as files, or as one zip. Photos this computer holds are copied; the others come from the
 * hosted service.
 */
export function DownloadOriginalsDialog({ taskIds, onClose }: { taskIds: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const canPick = usePrefs((s) => s.info?.canPickFolders ?? false);
  const [folder, setFolder] = useState('');
  const [as, setAs] = useState<'folder' | 'zip'>('folder');
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<JobProgress | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  useEffect(() => {
    if (!jobId) return;
    return getApi().on('job.progress', (progress) => {
      if (progress.jobId === jobId) setJob(progress);
    });
  }, [jobId]);

  async function pick() {
    const { path } = await getApi().call('dialog.pickFolder', { title: t('retouch.download.pickTitle') });
    if (path) setFolder(path);
  }
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!folder.trim()) {
      setError(t('retouch.download.needFolder'));
      return;
    }
    setError(null);
    try {
      const answer = await getApi().call('retouch.downloadOriginals', { taskIds, folder: folder.trim(), as });
      setJobId(answer.jobId);
    } catch (e) {
      setError((e as AppError).message);
    }
  }
  const running = job !== null && (job.state === 'running' || job.state === 'queued');
  const finished = job?.state === 'done';

  return (
    <Dialog
      title={t('retouch.download.title', { count: taskIds.length })}
      subtitle={t('retouch.download.subtitle')}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {finished ? t('common.close') : t('common.cancel')}
          </button>
          {finished ? null : (
            <button type="submit" form={`${id}-form`} className="button button--primary" disabled={running || jobId !== null}>
              {running ? t('retouch.download.saving') : t('retouch.download.save')}
            </button>
          )}
        </>
      }
    >
      <form id={`${id}-form`} className="stack" onSubmit={onSubmit}>
        <div className="retouch-download__folder">
          <Field
            label={t('retouch.download.folder')}
            placeholder={t('retouch.download.folderPlaceholder')}
            value={folder}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setFolder(e.target.value)}
          />
          {canPick ? (
            <button type="button" className="button" onClick={() => void pick()}>
              {t('retouch.download.choose')}
            </button>
          ) : null}
        </div>
        <fieldset className="retouch-download__as">
          <legend>{t('retouch.download.as')}</legend>
          <label>
            <input type="radio" name={`${id}-as`} checked={as === 'folder'} onChange={() => setAs('folder')} />{' '}
            {t('retouch.download.asFolder')}
          </label>
          <label>
            <input type="radio" name={`${id}-as`} checked={as === 'zip'} onChange={() => setAs('zip')} /> {t('retouch.download.asZip')}
          </label>
        </fieldset>
        {job ? (
          <p role="status" className={job.state === 'failed' ? 'banner banner--warn' : 'muted'}>
            {job.state === 'failed'
              ? job.error
              : finished
                ? t('retouch.download.done', { count: job.total, label: job.label ?? folder })
                : t('retouch.download.progress', { done: job.done, total: job.total })}
          </p>
        ) : null}
        {error ? <ErrorNotice message={error} /> : null}
      </form>
    </Dialog>
  );
}
