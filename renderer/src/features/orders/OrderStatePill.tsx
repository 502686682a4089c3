import { useTranslation } from 'react-i18next';
import { isOrderFlowState, orderStateLabelKey, orderStateLabels } from '../../../../shared/orders/order-states';

/** An order's state in a word or two, coloured by what it waits for. */
export function OrderStatePill({ state }: { state: string }) {
  const { t } = useTranslation();
  const label = isOrderFlowState(state)
    ? t(orderStateLabelKey(state), { defaultValue: orderStateLabels[state] })
    : state.replace(/_/g, ' ');
  return (
    <span className={`pill pill--order pill--order-${state}`}>
      <span className="pill__dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/** Studio actions on the order still waiting to be sent (the order already shows where they lead). */
export function SyncMarker({ count, compact = false }: { count: number; compact?: boolean }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  const text = t('orders.waitingForSync', { count });
  return (
    <span className="order-marker order-marker--sync" title={text}>
      <span className="order-marker__icon" aria-hidden="true">
        ⟳
      </span>
      <span className={compact ? 'visually-hidden' : undefined}>{text}</span>
    </span>
  );
}

/** The server refused an action on this order (its sentence is on the order page). */
export function ProblemMarker({ problem }: { problem: string | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <span className="order-marker order-marker--problem" title={problem}>
      <span className="order-marker__icon" aria-hidden="true">
        !
      </span>
      <span className="visually-hidden">{t('orders.problemMarker', { problem })}</span>
    </span>
  );
}
