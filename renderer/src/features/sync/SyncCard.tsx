import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useSync } from './sync-store';

/** Settings: where this computer syncs, whether it is paired, and pairing with a code. */
export function SyncCard() {
  const { t } = useTranslation();
  const { status, error, busy, pair, syncNow, issuePairingCode } = useSync();
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const newCode = async () => {
    const code = await issuePairingCode();
    if (code) setIssued(code);
  };
  useEffect(() => void useSync.getState().load(), []);
  if (!status) return null;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await pair(code, deviceName)) setCode('');
  };
  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <dl className="facts">
        <dt>{t('sync.server')}</dt>
        <dd className="mono">{status.serverUrl}</dd>
        <dt>{t('sync.state')}</dt>
        <dd>{status.paired && !status.revoked ? t('sync.paired') : status.revoked ? t('sync.revoked') : t('sync.notPaired')}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd>{t('sync.pendingCount', { count: status.pendingCount })}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>{status.lastSuccessAt ? new Date(status.lastSuccessAt).toLocaleString() : t('sync.never')}</dd>
      </dl>
      {status.secretsNotice ? <p className="notices">{status.secretsNotice}</p> : null}
      {error ? <ErrorNotice message={error.message} /> : null}
      {!status.paired || status.revoked ? (
        <form onSubmit={onSubmit}>
          <Field
            label={t('sync.code')}
            hint={t('sync.codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error?.fields?.code}
          />
          <Field
            label={t('sync.deviceName')}
            value={deviceName}
            onChange={(e) => setDeviceName(e.target.value)}
            error={error?.fields?.deviceName}
          />
          <div className="card__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('common.working') : t('sync.pair')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="card__actions">
            <button type="button" className="button" disabled={busy} onClick={() => void syncNow()}>
              {busy ? t('sync.syncing') : t('sync.now')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void newCode()}
              aria-describedby="sync-pair-another-hint"
            >
              {t('sync.pairAnother')}
            </button>
          </div>
          <p className="field__hint" id="sync-pair-another-hint">
            {t('sync.pairAnotherHint')}
          </p>
          {issued ? (
            <div className="pair-code" role="status">
              <div className="pair-code__label">{t('sync.newCode')}</div>
              <div className="pair-code__code mono">{issued.code}</div>
              <div className="field__hint">{t('sync.newCodeExpires', { time: new Date(issued.expiresAt).toLocaleString() })}</div>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
