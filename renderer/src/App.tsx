import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi, hasApi } from './api/use-api';
import { FirstRun } from './features/library/FirstRun';
import { useLibrary } from './features/library/library-store';
import { usePrefs } from './features/settings/prefs-store';
import { Shell } from './features/shell/Shell';
import { useSync } from './features/sync/sync-store';
import { EmptyState } from './ui/EmptyState';
import { ErrorNotice } from './ui/ErrorNotice';

export function App() {
  const { t } = useTranslation();
  const connected = hasApi();
  const status = useLibrary((s) => s.status);
  const library = useLibrary((s) => s.library);
  const theme = usePrefs((s) => s.prefs?.theme ?? 'system');
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    if (!connected) return;
    Promise.all([usePrefs.getState().load(), useLibrary.getState().load()]).catch((error: Error) => setStartError(error.message));
    // Another window (or a later feature) may open or close the library.
    const api = getApi();
    const offLibrary = api.on('library.changed', (lib) => {
      useLibrary.setState({ library: lib });
      void useSync.getState().load();
    });
    const offSync = api.on('sync.status', (status) => useSync.getState().set(status));
    void useSync.getState().load();
    return () => {
      offLibrary();
      offSync();
    };
  }, [connected]);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (query.matches ? 'dark' : 'light') : theme;
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);

  if (!connected) {
    return (
      <div className="centered">
        <EmptyState title={t('errors.noTokenTitle')} body={t('errors.noTokenBody')} />
      </div>
    );
  }
  if (startError)
    return (
      <div className="centered">
        <ErrorNotice message={startError} />
      </div>
    );
  if (status === 'loading')
    return (
      <div className="centered" role="status">
        {t('common.loading')}
      </div>
    );
  return library ? <Shell /> : <FirstRun />;
}
