import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { type RetouchPriority, retouchPriorities } from '../../../../shared/schemas/retouch-api';
import { getApi } from '../../api/use-api';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fromLocalInput } from './TaskPlan';

/** The ticked photos (or the focused one) of the grid, for a retouch task made by hand. */
export function NewTaskDialog({ photoIds, onClose }: { photoIds: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [brief, setBrief] = useState('');
  const [priority, setPriority] = useState<RetouchPriority>('normal');
  const [due, setDue] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [made, setMade] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await getApi().call('retouch.create', { photoIds, brief, priority, dueAt: fromLocalInput(due) });
      setMade(answer.taskIds.length);
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('retouch.create.title', { count: photoIds.length })}
      subtitle={t('retouch.create.subtitle')}
      size="small"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {made !== null ? t('common.close') : t('common.cancel')}
          </button>
          {made !== null ? null : (
            <button type="submit" form={`${id}-form`} className="button button--primary" disabled={busy}>
              {t('retouch.create.submit', { count: photoIds.length })}
            </button>
          )}
        </>
      }
    >
      {made !== null ? (
        <p role="status">{t('retouch.create.done', { count: made })}</p>
      ) : (
        <form id={`${id}-form`} className="stack" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={`${id}-brief`}>{t('retouch.create.brief')}</label>
            <textarea
              id={`${id}-brief`}
              rows={4}
              value={brief}
              placeholder={t('retouch.create.briefPlaceholder')}
              onChange={(e) => setBrief(e.target.value)}
              aria-invalid={error?.fields?.brief ? true : undefined}
            />
            {error?.fields?.brief ? <p className="field__error">{error.fields.brief}</p> : null}
          </div>
          <div className="retouch-plan">
            <label htmlFor={`${id}-priority`}>{t('retouch.columns.priority')}</label>
            <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value as RetouchPriority)}>
              {retouchPriorities.map((p) => (
                <option key={p} value={p}>
                  {t(`retouch.priority.${p}`)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-due`}>{t('retouch.columns.due')}</label>
            <input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          </div>
          {error && !error.fields?.brief ? <ErrorNotice message={error.message} /> : null}
        </form>
      )}
    </Dialog>
  );
}
