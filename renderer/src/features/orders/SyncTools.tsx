import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useSync } from '../sync/sync-store';

/** Orders come with sync: "Sync now" and when it last worked, at the top right of the desk and an order. */
export function SyncTools() {
  const { t } = useTranslation();
  const syncBusy = useSync((s) => s.busy);
  const lastSync = useSync((s) => s.status?.lastSuccessAt ?? null);
  const paired = useSync((s) => s.status?.paired === true);
  // Not paired: nothing to sync with (Settings says how to pair).
  if (!paired) return null;
  return (
    <div className="client-page__tools">
      <div className="client-page__buttons">
        <button type="button" className="button" disabled={syncBusy} onClick={() => void useSync.getState().syncNow()}>
          {syncBusy ? t('sync.syncing') : t('sync.now')}
        </button>
      </div>
      <small className="muted">{lastSync ? t('clients.lastSync', { time: formatDateTime(lastSync) }) : t('clients.neverSynced')}</small>
    </div>
  );
}
