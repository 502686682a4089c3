import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { ActionDialog } from './ActionDialogs';
import { type DialogAction, needsDialog, type ShownAction, shownActions } from './order-forms';
import { useOrders } from './orders-store';

const actionKey = (a: ShownAction) => (a.kind === 'deliver' ? 'deliver' : a.action);

/**
 * The order's actions in the order the state machine lists them. One that is not possible now
 * stays visible but unavailable (aria-disabled, so it can still be focused) and says why, in the
 * machine's sentence: as its description, and in the line under the buttons.
 */
export function OrderActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const busy = useOrders((s) => s.busy);
  const [dialog, setDialog] = useState<{ action: DialogAction; maxAmountMinor: number | null } | null>(null);
  const [explained, setExplained] = useState<string | null>(null);
  const actions = shownActions(order.actions);
  // The next step is the first possible one that moves the order on (not a cancel or a refund).
  const primary = actions.find((a) => a.kind === 'event' && a.allowed && a.action !== 'cancel' && a.action !== 'record_refund');
  const why = (a: ShownAction) => (a.kind === 'deliver' && a.allowed ? t('orders.actions.deliverNote') : a.reason);
  const explainedAction = actions.find((a) => actionKey(a) === explained && (a.kind === 'deliver' || !a.allowed));
  // Cancel and refund (listed last) sit apart from the order's flow, at the right.
  const apart = (a: ShownAction) => a.kind === 'event' && (a.action === 'cancel' || a.action === 'record_refund');
  const flow = actions.filter((a) => !apart(a));
  const after = actions.filter(apart);
  // With nothing left to do here but deliver, the line says where delivery happens.
  const deliverable = actions.some((a) => a.kind === 'deliver' && a.allowed);
  const button = (a: ShownAction) => {
    const key = actionKey(a);
    const available = a.kind === 'event' && a.allowed;
    const reason = available ? null : why(a);
    return (
      <span key={key} className="order-actions__item">
        <button
          type="button"
          className={`button${a === primary ? ' button--primary' : ''}${available ? '' : ' button--unavailable'}`}
          aria-disabled={available ? undefined : true}
          aria-describedby={reason ? `${id}-${key}` : undefined}
          title={reason ?? undefined}
          disabled={available && busy !== null}
          onMouseEnter={() => setExplained(key)}
          onFocus={() => setExplained(key)}
          onClick={() => {
            if (!available || a.kind !== 'event') {
              setExplained(key);
              return;
            }
            useOrders.getState().clearActionError();
            if (needsDialog(a.action)) setDialog({ action: a.action, maxAmountMinor: a.maxAmountMinor });
            else void useOrders.getState().act(a.action === 'retouch_completed' ? { type: a.action, by: 'manual' } : { type: a.action });
          }}
        >
          {busy === key ? t('common.working') : t(`orders.actions.${key}`)}
        </button>
        {reason ? (
          <span id={`${id}-${key}`} hidden>
            {reason}
          </span>
        ) : null}
      </span>
    );
  };

  return (
    <section className="card order-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('orders.actions.title')}
      </h2>
      <div className="order-actions__buttons">
        <div className="order-actions__group">{flow.map(button)}</div>
        {after.length > 0 ? <div className="order-actions__group order-actions__group--after">{after.map(button)}</div> : null}
      </div>
      <p className={`order-actions__why${explainedAction ? '' : ' muted'}`} aria-live="polite">
        {explainedAction ? (
          <>
            <strong>{t(`orders.actions.${actionKey(explainedAction)}`)}:</strong> {why(explainedAction)}
          </>
        ) : deliverable ? (
          t('orders.actions.deliverNote')
        ) : (
          t('orders.actions.hint')
        )}
      </p>
      {dialog ? (
        <ActionDialog order={order} action={dialog.action} maxAmountMinor={dialog.maxAmountMinor} onClose={() => setDialog(null)} />
      ) : null}
    </section>
  );
}
