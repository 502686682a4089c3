import { useTranslation } from 'react-i18next';
import { useOnline } from '../../ui/use-online';
import { useSync } from './sync-store';

/** Network state and the number of changes waiting to sync (the outbox). */
export function OnlineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  const pending = useSync((s) => s.status?.pendingCount ?? 0);
  return (
    <output className={`online-indicator online-indicator--${online ? 'online' : 'offline'}`} aria-label={t('status.connectionLabel')}>
      <span className="online-indicator__dot" aria-hidden="true" />
      {online ? t('status.online') : t('status.offline')}
      {pending > 0 ? <span className="online-indicator__pending">{t('sync.indicator', { count: pending })}</span> : null}
    </output>
  );
}
