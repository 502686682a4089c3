import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type RetouchPriority, retouchPriorities } from '../../../../shared/schemas/retouch-api';
import type { RetouchDetail } from '../../../../shared/schemas/retouch-desk';
import { useRetouch } from './retouch-store';

/** "2026-03-04T10:00:00.000Z" → the local "2026-03-04T11:00" a datetime-local input shows. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local time typed → ISO UTC, or null when cleared (or not a time). */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** Priority and due date of a task: changed by anyone in the studio, sent on sync. */
export function TaskPlan({ detail }: { detail: RetouchDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const busy = useRetouch((s) => s.busy !== null);
  const done = detail.view.task.state === 'approved';
  return (
    <div className="retouch-plan">
      <label htmlFor={`${id}-priority`}>{t('retouch.columns.priority')}</label>
      <select
        id={`${id}-priority`}
        value={detail.view.priority}
        disabled={busy || done}
        onChange={(e) => void useRetouch.getState().plan({ priority: e.target.value as RetouchPriority })}
      >
        {retouchPriorities.map((p) => (
          <option key={p} value={p}>
            {t(`retouch.priority.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-due`}>{t('retouch.columns.due')}</label>
      <input
        id={`${id}-due`}
        type="datetime-local"
        value={toLocalInput(detail.view.dueAt)}
        disabled={busy || done}
        onChange={(e) => void useRetouch.getState().plan({ dueAt: fromLocalInput(e.target.value) })}
      />
    </div>
  );
}
