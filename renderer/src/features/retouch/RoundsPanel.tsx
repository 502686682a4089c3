import { useTranslation } from 'react-i18next';
import type { RetouchDetail } from '../../../../shared/schemas/retouch-desk';
import { formatDateTime } from '../../ui/format';

interface Props {
  detail: RetouchDetail;
  pair: { before: number; after: number };
  onPair(pair: { before: number; after: number }): void;
}

/**
 * Every round of the task, kept: who retouched it and when, the version, the review (verdict,
 * comment, how many markups); any two can be compared (the original is round 0). Below, the
 * task's history as the server recorded it.
 */
export function RoundsPanel({ detail, pair, onPair }: Props) {
  const { t } = useTranslation();
  const { view } = detail;
  const options = [0, ...view.versions.map((v) => v.round)];
  const label = (n: number) => (n === 0 ? t('retouch.rounds.original') : t('retouch.rounds.version', { n }));
  return (
    <section className="card retouch-rounds" aria-labelledby="retouch-rounds-title">
      <h2 id="retouch-rounds-title">{t('retouch.rounds.title')}</h2>
      {options.length > 1 ? (
        <div className="retouch-rounds__pick">
          <label>
            {t('retouch.rounds.before')}{' '}
            <select value={pair.before} onChange={(e) => onPair({ ...pair, before: Number(e.target.value) })}>
              {options
                .filter((n) => n < pair.after)
                .map((n) => (
                  <option key={n} value={n}>
                    {label(n)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('retouch.rounds.after')}{' '}
            <select value={pair.after} onChange={(e) => onPair({ ...pair, after: Number(e.target.value) })}>
              {options
                .filter((n) => n > pair.before)
                .map((n) => (
                  <option key={n} value={n}>
                    {label(n)}
                  </option>
                ))}
            </select>
          </label>
        </div>
      ) : null}
      {view.task.rounds.length === 0 ? (
        <p className="muted">{t('retouch.rounds.none')}</p>
      ) : (
        <ol className="retouch-rounds__list">
          {view.task.rounds.map((round) => {
            const version = view.versions.find((v) => v.round === round.n);
            const marks = view.markups[String(round.n)] ?? [];
            return (
              <li key={round.n} className="retouch-round">
                <button
                  type="button"
                  className="link-button retouch-round__title"
                  disabled={!version}
                  onClick={() => onPair({ before: round.n > 1 ? round.n - 1 : 0, after: round.n })}
                >
                  {t('retouch.rounds.round', { n: round.n })}
                </button>
                <p className="muted">
                  {round.submittedAt
                    ? t('retouch.rounds.submitted', { name: round.retoucher.name, time: formatDateTime(round.submittedAt) })
                    : t('retouch.rounds.working', { name: round.retoucher.name })}
                  {version ? ` · ${version.name} (${version.width} × ${version.height})` : ''}
                </p>
                {round.review ? (
                  <p className={`retouch-round__review retouch-round__review--${round.review.verdict}`}>
                    {round.review.verdict === 'approved'
                      ? t('retouch.rounds.approvedBy', { name: round.review.by.name, time: formatDateTime(round.review.at) })
                      : t('retouch.rounds.rejectedBy', {
                          name: round.review.by.name,
                          time: formatDateTime(round.review.at),
                          count: marks.length,
                        })}
                    {round.review.comment ? <q className="retouch-round__comment">{round.review.comment}</q> : null}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <details className="retouch-history">
        <summary>{t('retouch.rounds.history', { count: view.history.length })}</summary>
        <ol>
          {view.history.map((h) => (
            <li key={`${h.at}-${h.eventType}-${h.round}`}>
              <time dateTime={h.at}>{formatDateTime(h.at)}</time> — {h.note}
              {h.actor.deviceName ? <span className="muted"> ({h.actor.deviceName})</span> : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
