import { useTranslation } from 'react-i18next';
import type { ShootSummary } from '../../../../shared/schemas/shoots';
import { useShoots } from './shoots-store';

function eta(seconds: number | null): string | null {
  if (seconds === null || seconds <= 0) return null;
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

function ShootRow({ shoot, selected }: { shoot: ShootSummary; selected: boolean }) {
  const { t } = useTranslation();
  const { select, pause, resume, cancel } = useShoots.getState();
  const p = shoot.progress;
  const importing = p.total > p.done;
  const percent = p.total > 0 ? Math.round((p.done / p.total) * 100) : 100;
  return (
    <li className={`shoot${selected ? ' shoot--selected' : ''}${shoot.status === 'offline' ? ' shoot--offline' : ''}`}>
      <button type="button" className="shoot__open" aria-current={selected ? 'true' : undefined} onClick={() => select(shoot.id)}>
        <span className="shoot__name">{shoot.name}</span>
        <span className="shoot__counts">
          {t('shoots.photoCount', { count: p.total })}
          {p.needsAttention > 0 ? (
            <span className="badge badge--warn">{t('shoots.attentionCount', { count: p.needsAttention })}</span>
          ) : null}
          {shoot.status === 'offline' ? <span className="badge">{t('shoots.offline')}</span> : null}
        </span>
      </button>
      {importing ? (
        <div className="shoot__progress">
          <progress max={p.total} value={p.done} aria-label={t('shoots.progressLabel', { name: shoot.name })} />
          <small>
            {p.paused
              ? t('shoots.paused', { done: p.done, total: p.total })
              : t('shoots.progress', { done: p.done, total: p.total, percent, rate: p.imagesPerSecond, eta: eta(p.etaSeconds) ?? '…' })}
          </small>
          <span className="shoot__actions">
            {p.paused ? (
              <button type="button" className="button button--small" onClick={() => void resume(shoot.id)}>
                {t('shoots.resume')}
              </button>
            ) : (
              <button type="button" className="button button--small" onClick={() => void pause(shoot.id)}>
                {t('shoots.pause')}
              </button>
            )}
            <button type="button" className="button button--small button--quiet" onClick={() => void cancel(shoot.id)}>
              {t('shoots.cancel')}
            </button>
          </span>
        </div>
      ) : null}
    </li>
  );
}

export function ShootList() {
  const { t } = useTranslation();
  const shoots = useShoots((s) => s.shoots);
  const selectedId = useShoots((s) => s.selectedId);
  return (
    <ul className="shoot-list" aria-label={t('shoots.listLabel')}>
      {shoots.map((shoot) => (
        <ShootRow key={shoot.id} shoot={shoot} selected={shoot.id === selectedId} />
      ))}
    </ul>
  );
}
