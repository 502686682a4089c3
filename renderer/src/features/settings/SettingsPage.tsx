import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, languages, themes } from '../../../../shared/schemas/prefs';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useLibrary } from '../library/library-store';
import { PaymentsCard } from '../studio/PaymentsCard';
import { SyncCard } from '../sync/SyncCard';
import { usePrefs } from './prefs-store';

const languageNames: Record<Language, string> = { en: 'English', pl: 'Polski' };

export function SettingsPage() {
  const { t } = useTranslation();
  const { prefs, info, error, update } = usePrefs();
  const { library, close } = useLibrary();
  const [serverUrl, setServerUrl] = useState(prefs?.serverUrl ?? '');
  const [saved, setSaved] = useState(false);
  const [personName, setPersonName] = useState(prefs?.personName ?? '');
  const [nameSaved, setNameSaved] = useState(false);
  useEffect(() => setServerUrl(prefs?.serverUrl ?? ''), [prefs?.serverUrl]);
  useEffect(() => setPersonName(prefs?.personName ?? ''), [prefs?.personName]);

  async function saveName(event: FormEvent) {
    event.preventDefault();
    setNameSaved(await update({ personName: personName.trim() === '' ? null : personName.trim() }));
  }

  async function saveServer(event: FormEvent) {
    event.preventDefault();
    setSaved(await update({ serverUrl: serverUrl.trim() === '' ? null : serverUrl.trim() }));
  }

  if (!prefs) return null;
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page__header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      {error ? <ErrorNotice message={error.message} /> : null}
      <div className="settings-grid">
        <section className="card" aria-labelledby="prefs-title">
          <h2 id="prefs-title">{t('settings.preferences')}</h2>
          <div className="field">
            <label htmlFor="language">{t('settings.language')}</label>
            <select id="language" value={prefs.language} onChange={(e) => void update({ language: e.target.value as Language })}>
              {languages.map((lang) => (
                <option key={lang} value={lang}>
                  {languageNames[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="theme">{t('settings.theme')}</label>
            <select id="theme" value={prefs.theme} onChange={(e) => void update({ theme: e.target.value as (typeof themes)[number] })}>
              {themes.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.theme_${theme}`)}
                </option>
              ))}
            </select>
          </div>
          <form onSubmit={saveName}>
            <Field
              label={t('settings.personName')}
              hint={t('settings.personNameHint')}
              value={personName}
              autoComplete="name"
              onChange={(e) => {
                setNameSaved(false);
                setPersonName(e.target.value);
              }}
              error={error?.fields?.personName}
            />
            <div className="card__actions">
              {nameSaved ? <span className="saved-note">{t('settings.saved')}</span> : null}
              <button type="submit" className="button">
                {t('settings.saveName')}
              </button>
            </div>
          </form>
          <form onSubmit={saveServer}>
            <Field
              label={t('settings.server')}
              hint={t('settings.serverHint')}
              placeholder="https://studio.example.com"
              value={serverUrl}
              onChange={(e) => {
                setSaved(false);
                setServerUrl(e.target.value);
              }}
              error={error?.fields?.serverUrl}
            />
            <div className="card__actions">
              {saved ? <span className="saved-note">{t('settings.saved')}</span> : null}
              <button type="submit" className="button">
                {t('settings.save')}
              </button>
            </div>
          </form>
        </section>
        {library ? (
          <section className="card" aria-labelledby="library-title">
            <h2 id="library-title">{t('settings.library')}</h2>
            <dl className="facts">
              <dt>{t('settings.libraryName')}</dt>
              <dd>{library.name}</dd>
              <dt>{t('settings.libraryPath')}</dt>
              <dd className="mono">{library.path}</dd>
            </dl>
            <div className="card__actions">
              <button type="button" className="button" onClick={() => void close()}>
                {t('settings.closeLibrary')}
              </button>
            </div>
          </section>
        ) : null}
        {library ? <SyncCard /> : null}
        {library ? <PaymentsCard /> : null}
        {info ? (
          <section className="card" aria-labelledby="about-title">
            <h2 id="about-title">{t('settings.about')}</h2>
            <dl className="facts">
              <dt>{t('settings.version')}</dt>
              <dd>{info.version}</dd>
              <dt>{t('settings.runtime')}</dt>
              <dd>{t(`settings.runtime_${info.runtime}`)}</dd>
            </dl>
            {info.notices.length > 0 ? (
              <ul className="notices" aria-label={t('settings.notices')}>
                {info.notices.map((notice) => (
                  <li key={notice}>{notice}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
      </div>
    </section>
  );
}
