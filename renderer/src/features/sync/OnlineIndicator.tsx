import { useTranslation } from 'react-i18next';
import { useOnline } from '../../ui/use-online';
import { useSync } from './sync-store';

/** Network state (and whether the hosted service answers) and the changes waiting to sync. */
export function OnlineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  const pending = useSync((s) => s.status?.pendingCount ?? 0);
  // The network is up but the hosted service does not answer (down, wrong address, captive portal).
  const unreachable = useSync((s) => online && s.status?.paired === true && !s.status.revoked && !s.status.online);
  return (
    <output
      className={`online-indicator online-indicator--${online && !unreachable ? 'online' : 'offline'}`}
      aria-label={t('status.connectionLabel')}
    >
      <span className="online-indicator__dot" aria-hidden="true" />
      <span className="online-indicator__text">
        {!online ? t('status.offline') : unreachable ? t('status.unreachable') : t('status.online')}
      </span>
      {pending > 0 ? <span className="online-indicator__pending">{t('sync.indicator', { count: pending })}</span> : null}
    </output>
  );
}
