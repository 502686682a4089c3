import { useTranslation } from 'react-i18next';
import { useRetouch } from './retouch-store';

/** Photos a batch claim (or release) could not take, each with the server's reason. */
export function Refusals() {
  const { t } = useTranslation();
  const refusals = useRetouch((s) => s.refusals);
  const rows = useRetouch((s) => s.rows);
  if (refusals.length === 0) return null;
  const name = (taskId: string) => rows.find((r) => r.taskId === taskId)?.photoName ?? taskId;
  return (
    <div className="banner banner--warn retouch-refusals" role="alert">
      <p>{t('retouch.queue.refused', { count: refusals.length })}</p>
      <ul>
        {refusals.map((r) => (
          <li key={r.taskId}>
            <strong>{name(r.taskId)}</strong>: {r.reason}
          </li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={() => useRetouch.getState().clearActionError()}>
        {t('common.close')}
      </button>
    </div>
  );
}
