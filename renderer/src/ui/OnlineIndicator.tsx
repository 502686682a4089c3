import { useTranslation } from 'react-i18next';
import { useOnline } from './use-online';

/** The slot where the sync state will live: online/offline now, the outbox count later. */
export function OnlineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <output className={`online-indicator online-indicator--${online ? 'online' : 'offline'}`} aria-label={t('status.connectionLabel')}>
      <span className="online-indicator__dot" aria-hidden="true" />
      {online ? t('status.online') : t('status.offline')}
    </output>
  );
}
