import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePrefs } from '../settings/prefs-store';
import { DeliverStep } from './DeliverStep';
import { DropZone } from './DropZone';
import { chosenSets, planDelivery, sendBlocker, sendPhase } from './delivery-plan';
import { deliveryOf, useDelivery } from './delivery-store';
import { PreviewTable } from './PreviewTable';
import { SendProgress } from './SendProgress';
import './delivery.css';

/** The last part of a dropped path, for "From Kowalska edits". */
const lastPart = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/**
 * Photo delivery for one order (seed 004): the edited files come in (dropped, picked or typed),
 * the preview shows what would be sent before anything is, the sets are chosen, the files are
 * made and uploaded with progress, then "Deliver to client" e-mails the download link.
 */
export function DeliveryPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const formId = `${id}-folder`;
  const canPick = usePrefs((s) => s.info?.canPickFolders ?? false);
  const delivery = useDelivery(deliveryOf(orderId));
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | undefined>(undefined);

  useEffect(() => useDelivery.getState().watch(orderId), [orderId]);

  const { order, preview, previewState, send, progress } = delivery;
  const phase = sendPhase({ job: send?.job ?? null, started: send !== null, progress, cancelled: send?.cancelled ?? false });
  const sending = send !== null;
  const plan = preview ? planDelivery(preview, delivery.choices) : null;
  const blocker = plan ? sendBlocker(plan, delivery.sets) : null;
  const busy = previewState === 'loading';

  function previewPaths(paths: string[]) {
    setFolderError(undefined);
    void useDelivery.getState().preview(orderId, paths);
  }
  function previewTyped() {
    const path = folder.trim();
    if (!path) {
      setFolderError(t('delivery.panel.folderMissing'));
      document.getElementById(formId)?.querySelector('input')?.focus();
      return;
    }
    previewPaths([path]);
  }
  async function addPhotos() {
    if (!canPick) {
      if (sending) useDelivery.getState().startOver(orderId);
      previewTyped();
      return;
    }
    const { path } = await getApi().call('dialog.pickFolder', { title: t('delivery.panel.pickTitle') });
    if (path) {
      if (sending) useDelivery.getState().startOver(orderId);
      previewPaths([path]);
    }
  }

  const dropped =
    delivery.paths.length === 1 ? lastPart(delivery.paths[0] ?? '') : t('delivery.panel.droppedMany', { count: delivery.paths.length });
  const typedError = folderError ?? (delivery.previewError?.fields?.paths ? delivery.previewError.message : undefined);

  return (
    <section className="card delivery-panel" aria-labelledby={`${id}-title`}>
      <header className="delivery-panel__header">
        <div className="card__heading">
          <h2 id={`${id}-title`}>{t('delivery.panel.title')}</h2>
          <p className="muted card__hint">{t('delivery.panel.subtitle', { number: order?.number ?? '' })}</p>
        </div>
        {sending && phase !== 'uploaded' && phase !== 'cancelled' && phase !== 'failed' ? null : (
          <button type="button" className="button button--primary delivery-panel__add" disabled={busy} onClick={() => void addPhotos()}>
            {t('delivery.panel.addPhotos')}
          </button>
        )}
      </header>

      {delivery.orderState === 'error' && delivery.orderError ? <ErrorNotice message={delivery.orderError.message} /> : null}

      {!sending ? (
        <DropZone
          formId={formId}
          canPick={canPick}
          compact={preview !== null}
          busy={busy}
          folder={folder}
          folderError={typedError}
          onFolderChange={(value) => {
            setFolder(value);
            setFolderError(undefined);
          }}
          onPaths={previewPaths}
          onTyped={previewTyped}
        />
      ) : null}

      {busy ? (
        <p className="muted" role="status">
          {t('delivery.panel.matching')}
        </p>
      ) : null}
      {previewState === 'error' && delivery.previewError && !typedError ? (
        <ErrorNotice message={delivery.previewError.message} onDismiss={() => useDelivery.getState().dismiss(orderId, 'previewError')} />
      ) : null}

      {!sending && !preview && progress && progress.files > 0 && phase === 'uploaded' ? (
        <p className="muted delivery-panel__prepared">{t('delivery.send.prepared', { count: progress.files })}</p>
      ) : null}
      {!sending && !preview && progress && phase === 'uploading' ? (
        <SendProgress orderId={orderId} delivery={delivery} phase={phase} />
      ) : null}

      {preview && plan && !sending ? (
        <>
          <p className="muted delivery-panel__from">{t('delivery.panel.dropped', { what: dropped })}</p>
          <PreviewTable orderId={orderId} preview={preview} plan={plan} choices={delivery.choices} />
          <SetChoice orderId={orderId} />
          <div className="delivery-panel__send">
            {blocker ? (
              <p id={`${id}-blocked`} className="delivery-panel__blocked">
                {t(`delivery.send.blocked.${blocker}`)}
              </p>
            ) : null}
            <button
              type="button"
              className="button button--primary"
              disabled={blocker !== null}
              aria-describedby={blocker ? `${id}-blocked` : undefined}
              onClick={() => void useDelivery.getState().sendFiles(orderId)}
            >
              {t('delivery.send.button', { count: plan.pairs.length })}
            </button>
          </div>
          {delivery.sendError ? (
            <ErrorNotice message={delivery.sendError.message} onDismiss={() => useDelivery.getState().dismiss(orderId, 'sendError')} />
          ) : null}
        </>
      ) : null}

      {sending ? <SendProgress orderId={orderId} delivery={delivery} phase={phase} /> : null}

      {order ? <DeliverStep order={order} delivery={delivery} phase={phase} /> : null}
    </section>
  );
}

function SetChoice({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const sets = useDelivery((s) => deliveryOf(orderId)(s).sets);
  const none = chosenSets(sets).length === 0;
  return (
    <fieldset className="choice-group delivery-sets" aria-describedby={none ? `${id}-none` : undefined}>
      <legend>{t('delivery.sets.legend')}</legend>
      <div className="delivery-sets__options">
        {(['full', 'web'] as const).map((set) => (
          <div key={set} className={`check delivery-set${sets[set] ? ' delivery-set--on' : ''}`}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={sets[set]}
                aria-describedby={`${id}-${set}`}
                onChange={(e) => useDelivery.getState().setSet(orderId, set, e.target.checked)}
              />
              <span className="delivery-set__name">{t(`delivery.sets.${set}`)}</span>
            </label>
            <small id={`${id}-${set}`} className="field__hint check__hint">
              {t(`delivery.sets.${set}Hint`)}
            </small>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
