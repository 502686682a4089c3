import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { usePrefs } from '../settings/prefs-store';
import { useLibrary } from './library-store';

/** Shown while no studio library is open: create one, or open one from disk or the recent list. */
export function FirstRun() {
  const { t } = useTranslation();
  const { recent, busy, error, create, open, clearError } = useLibrary();
  const canPick = usePrefs((s) => s.info?.canPickFolders ?? false);
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [openPath, setOpenPath] = useState('');

  async function pick(setter: (value: string) => void) {
    const { path: chosen } = await getApi().call('dialog.pickFolder', {});
    if (chosen) setter(chosen);
  }
  function onCreate(event: FormEvent) {
    event.preventDefault();
    void create({ name, path });
  }
  function onOpen(event: FormEvent) {
    event.preventDefault();
    void open(openPath);
  }
  const fieldError = (key: string) => error?.fields?.[key];

  return (
    <div className="first-run">
      <header className="first-run__header">
        <span className="brand__mark brand__mark--large" aria-hidden="true">
          P
        </span>
        <h1>{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.lead')}</p>
      </header>
      {error ? <ErrorNotice message={error.message} onDismiss={clearError} /> : null}
      <div className="first-run__grid">
        <form className="card" onSubmit={onCreate} aria-labelledby="create-title">
          <h2 id="create-title">{t('firstRun.createTitle')}</h2>
          <Field
            label={t('firstRun.name')}
            placeholder={t('firstRun.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
            required
          />
          <Field
            label={t('firstRun.path')}
            placeholder={t('firstRun.pathPlaceholder')}
            hint={t('firstRun.pathHint')}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            error={fieldError('path')}
            required
          />
          <div className="card__actions">
            {canPick ? (
              <button type="button" className="button" onClick={() => void pick(setPath)}>
                {t('firstRun.choose')}
              </button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('common.working') : t('firstRun.create')}
            </button>
          </div>
        </form>
        <div className="first-run__side">
          <form className="card" onSubmit={onOpen} aria-labelledby="open-title">
            <h2 id="open-title">{t('firstRun.openTitle')}</h2>
            <Field
              label={t('firstRun.openPath')}
              placeholder={t('firstRun.pathPlaceholder')}
              value={openPath}
              onChange={(e) => setOpenPath(e.target.value)}
              required
            />
            <div className="card__actions">
              {canPick ? (
                <button type="button" className="button" onClick={() => void pick(setOpenPath)}>
                  {t('firstRun.choose')}
                </button>
              ) : null}
              <button type="submit" className="button" disabled={busy}>
                {t('firstRun.open')}
              </button>
            </div>
          </form>
          {recent.length > 0 ? (
            <section className="card" aria-labelledby="recent-title">
              <h2 id="recent-title">{t('firstRun.recentTitle')}</h2>
              <ul className="recent-list">
                {recent.map((item) => (
                  <li key={item.path}>
                    <button
                      type="button"
                      className="recent-list__item"
                      disabled={!item.available || busy}
                      aria-label={t('firstRun.openRecent', { name: item.name ?? item.path })}
                      onClick={() => void open(item.path)}
                    >
                      <Icon name="library" />
                      <span>
                        <strong>{item.name ?? item.path}</strong>
                        <small>{item.available ? item.path : t('firstRun.recentMissing')}</small>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
