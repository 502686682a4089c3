import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmbiguousRow, PhotoRef } from '../../../../shared/delivery';
import type { DeliveryPlan, DeliveryPreview, PlanChoices } from './delivery-plan';
import { useDelivery } from './delivery-store';

interface RowText {
  key: string;
  params: Readonly<Record<string, string | number>>;
  reason: string;
}

/** A row's reason in the user's language (the backend's English sentence when a key is unknown). */
function useReason() {
  const { t } = useTranslation();
  return (row: RowText) => t(row.key, { ...row.params, defaultValue: row.reason });
}

/** The last two parts of a folder, enough to tell two cameras' folders apart. */
const shortFolder = (folder: string | null) => (folder ? folder.split(/[\\/]/).filter(Boolean).slice(-2).join('/') : '');

const NOT_SENT = '-';

/**
 * What the drop would send, before anything is sent: the counts, the groups to choose in, the
 * matched files (ordered name ← file name, and how they matched), the extra files (with a "did
 * you mean"), the ordered photos still missing, and the ignored files (collapsed, with reasons).
 */
export function PreviewTable({
  orderId,
  preview,
  plan,
  choices,
}: {
  orderId: string;
  preview: DeliveryPreview;
  plan: DeliveryPlan;
  choices: PlanChoices;
}) {
  const { t } = useTranslation();
  const reason = useReason();
  const id = useId();
  const summary = ['matched', 'extra', 'missing', 'ambiguous', 'ignored'] as const;
  const missingIds = new Set(plan.missing.map((m) => m.photo.photoId));

  return (
    <div className="delivery-preview">
      <div className="delivery-preview__head">
        <h3 id={`${id}-title`}>{t('delivery.preview.title')}</h3>
        <ul className="delivery-summary" aria-label={t('delivery.preview.summaryLabel')}>
          {summary.map((kind) => (
            <li
              key={kind}
              className={`delivery-summary__item delivery-summary__item--${kind}${plan.summary[kind] > 0 ? ' delivery-summary__item--some' : ''}`}
            >
              <strong>{plan.summary[kind]}</strong> <span>{t(`delivery.preview.summary.${kind}`)}</span>
            </li>
          ))}
        </ul>
      </div>

      {plan.ambiguous.length > 0 ? (
        <section className="delivery-group delivery-group--ambiguous" aria-labelledby={`${id}-ambiguous`}>
          <h4 id={`${id}-ambiguous`}>{t('delivery.preview.ambiguousTitle')}</h4>
          {plan.ambiguous.map((row) => (
            <AmbiguousGroup key={row.group} orderId={orderId} row={row} choices={choices} />
          ))}
          {plan.chosenTwice.length > 0 ? (
            <p className="field__error" role="alert">
              {t('delivery.preview.chosenTwice', { names: plan.chosenTwice.join(', ') })}
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="delivery-group" aria-labelledby={`${id}-matched`}>
        <h4 id={`${id}-matched`}>
          {t('delivery.preview.matchedTitle')} <span className="delivery-count">{plan.matched.length}</span>
        </h4>
        {plan.matched.length === 0 ? (
          <p className="muted">{t('delivery.preview.noneMatched')}</p>
        ) : (
          <div className="table-card">
            <div className="table-scroll">
              <table className="table delivery-matched">
                <caption className="visually-hidden">{t('delivery.preview.matchedTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('delivery.preview.columns.photo')}</th>
                    <th scope="col">{t('delivery.preview.columns.file')}</th>
                    <th scope="col">{t('delivery.preview.columns.how')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.matched.map((row) => (
                    <tr key={`${row.photo.photoId}|${row.file.path}`}>
                      <th scope="row" className="delivery-matched__photo">
                        {row.photo.name}
                      </th>
                      <td className="delivery-matched__file">
                        <span className="delivery-matched__arrow" aria-hidden="true">
                          ←
                        </span>
                        <span className="visually-hidden">{t('delivery.preview.fromFile')} </span>
                        <span className="mono" title={row.file.path}>
                          {row.file.name}
                        </span>
                      </td>
                      <td className={`delivery-matched__how delivery-matched__how--${row.via}`} title={reason(row)}>
                        {t(`delivery.preview.via.${row.via}`, { suffix: row.suffix })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>

      {plan.extra.length > 0 ? (
        <section className="delivery-group" aria-labelledby={`${id}-extra`}>
          <h4 id={`${id}-extra`}>
            {t('delivery.preview.extraTitle')} <span className="delivery-count">{plan.extra.length}</span>
          </h4>
          <ul className="delivery-list" aria-labelledby={`${id}-extra`}>
            {plan.extra.map((row) => {
              const hint = row.hint;
              const canSendAs = hint !== null && missingIds.has(hint.photoId);
              return (
                <li key={row.file.path} className="delivery-list__item">
                  <span className="mono delivery-list__name" title={row.file.path}>
                    {row.file.name}
                  </span>
                  <span className="delivery-list__why">
                    {hint ? <strong className="delivery-list__hint">{t('delivery.preview.didYouMean', { name: hint.name })}</strong> : null}{' '}
                    {/* With the hint in bold, the reason need not name the closest photo again. */}
                    <span className="muted">
                      {hint ? t('delivery.match.extra.no_match', { ...row.params, defaultValue: row.reason }) : reason(row)}
                    </span>
                  </span>
                  {hint && canSendAs ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => useDelivery.getState().useHint(orderId, row.file.path, hint.photoId)}
                    >
                      {t('delivery.preview.sendAs', { name: hint.name })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {Object.keys(choices.hinted).length > 0 ? <HintedUndo orderId={orderId} plan={plan} choices={choices} /> : null}

      {plan.missing.length > 0 ? (
        <section className="delivery-group" aria-labelledby={`${id}-missing`}>
          <h4 id={`${id}-missing`}>
            {t('delivery.preview.missingTitle')} <span className="delivery-count delivery-count--warn">{plan.missing.length}</span>
          </h4>
          <ul className="delivery-list" aria-labelledby={`${id}-missing`}>
            {plan.missing.map((row) => (
              <li key={row.photo.photoId} className="delivery-list__item">
                <span className="delivery-list__name">{row.photo.name}</span>
                <span className="muted delivery-list__why">{reason(row)}</span>
              </li>
            ))}
          </ul>
          <p className="muted card__hint">{t('delivery.preview.missingHint')}</p>
        </section>
      ) : null}

      {preview.ignored.length > 0 ? (
        <details className="delivery-ignored">
          <summary>{t('delivery.preview.ignored', { count: preview.ignored.length })}</summary>
          <ul className="delivery-list">
            {preview.ignored.map((row) => (
              <li key={row.file.path} className="delivery-list__item">
                <span className="mono delivery-list__name" title={row.file.path}>
                  {row.file.name}
                </span>
                <span className="muted delivery-list__why">{reason(row)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function AmbiguousGroup({ orderId, row, choices }: { orderId: string; row: AmbiguousRow; choices: PlanChoices }) {
  const { t } = useTranslation();
  const reason = useReason();
  const id = useId();
  const byId = new Map<string, PhotoRef>(row.photos.map((p) => [p.photoId, p]));
  return (
    <fieldset className="delivery-ambiguous">
      <legend className="delivery-ambiguous__why">{reason(row)}</legend>
      {row.files.map((f, index) => {
        const answer = choices.ambiguous[f.file.path];
        const value = answer === undefined ? '' : answer === null ? NOT_SENT : answer;
        return (
          <div key={f.file.path} className="delivery-ambiguous__file">
            <label htmlFor={`${id}-${index}`} className="mono" title={f.file.path}>
              <span className="visually-hidden">{t('delivery.preview.choosePhoto', { file: f.file.name })}</span>
              <span aria-hidden="true">{f.file.name}</span>
            </label>
            <span className="delivery-matched__arrow" aria-hidden="true">
              →
            </span>
            <select
              id={`${id}-${index}`}
              value={value}
              className={value === '' ? 'delivery-ambiguous__select--open' : undefined}
              onChange={(e) => {
                const next = e.target.value;
                useDelivery.getState().chooseAmbiguous(orderId, f.file.path, next === '' ? undefined : next === NOT_SENT ? null : next);
              }}
            >
              <option value="">{t('delivery.preview.chooseOption')}</option>
              {f.candidates.map((photoId) => {
                const photo = byId.get(photoId);
                if (!photo) return null;
                // Photos of the same name are told apart by their folder.
                const folder = row.photos.length > 1 ? shortFolder(photo.folder) : '';
                return (
                  <option key={photoId} value={photoId}>
                    {folder ? `${photo.name} — ${folder}` : photo.name}
                  </option>
                );
              })}
              <option value={NOT_SENT}>{t('delivery.preview.dontSend')}</option>
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Extra files the user chose to send as their hint's photo: each can be taken back. */
function HintedUndo({ orderId, plan, choices }: { orderId: string; plan: DeliveryPlan; choices: PlanChoices }) {
  const { t } = useTranslation();
  const sentAs = plan.matched.filter((r) => r.via === 'chosen' && choices.hinted[r.file.path] === r.photo.photoId);
  if (sentAs.length === 0) return null;
  return (
    <div className="delivery-undo">
      {sentAs.map((r) => (
        <button
          key={r.file.path}
          type="button"
          className="button button--small button--quiet"
          onClick={() => useDelivery.getState().useHint(orderId, r.file.path, null)}
        >
          {t('delivery.preview.notSendAs', { name: r.photo.name })}
        </button>
      ))}
    </div>
  );
}
