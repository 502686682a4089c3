import { useTranslation } from 'react-i18next';
import { type TaskStateName, taskStateLabelKey, taskStateLabels } from '../../../../shared/retouch/task-states';
import type { RetouchPriority } from '../../../../shared/schemas/retouch-api';
import { formatDateTime } from '../../ui/format';

/** A task's state in a word or two, with the round once there is more than one. */
export function TaskStatePill({ state, round }: { state: TaskStateName; round: number }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill--task pill--task-${state}`}>
      <span className="pill__dot" aria-hidden="true" />
      {t(taskStateLabelKey(state), { defaultValue: taskStateLabels[state] })}
      {round > 1 ? <span className="pill__extra">{t('retouch.round', { n: round })}</span> : null}
    </span>
  );
}

/** Priority only draws attention when it is above normal. */
export function PriorityPill({ priority }: { priority: RetouchPriority }) {
  const { t } = useTranslation();
  return <span className={`priority priority--${priority}`}>{t(`retouch.priority.${priority}`)}</span>;
}

export function DueDate({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <time dateTime={dueAt} className={overdue ? 'retouch-due retouch-due--overdue' : 'retouch-due'}>
      {formatDateTime(dueAt)}
      {overdue ? <span className="visually-hidden"> {t('retouch.overdue')}</span> : null}
    </time>
  );
}
