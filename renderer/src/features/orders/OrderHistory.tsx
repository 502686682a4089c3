import { useTranslation } from 'react-i18next';
import { isOrderFlowState, orderStateLabelKey, orderStateLabels } from '../../../../shared/orders/order-states';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { formatDateTime } from '../../ui/format';

const people = ['client', 'system', 'provider', 'studio'];

/** Every transition of the order: when, from → to, by what and whom, and the machine's note. */
export function OrderHistory({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const state = (name: string) =>
    isOrderFlowState(name) ? t(orderStateLabelKey(name), { defaultValue: orderStateLabels[name] }) : name.replace(/_/g, ' ');
  return (
    <section className="card" aria-labelledby="order-history-title">
      <h2 id="order-history-title">{t('orders.history.title')}</h2>
      {order.history.length === 0 ? (
        <p className="muted">{t('orders.history.none')}</p>
      ) : (
        <ol className="timeline order-history" aria-label={t('orders.history.title')}>
          {order.history.map((entry) => (
            <li key={`${entry.at}-${entry.eventType}-${entry.to}`} className={`timeline__entry order-history__entry--${entry.to}`}>
              <span className="timeline__dot" aria-hidden="true" />
              <span className="timeline__text">
                <strong>{t(`orders.event.${entry.eventType}`, { defaultValue: entry.eventType })}</strong>
                {entry.from !== entry.to ? (
                  <span className="order-history__states">
                    {' · '}
                    {t('orders.history.fromTo', { from: state(entry.from), to: state(entry.to) })}
                  </span>
                ) : null}
              </span>
              <span className="order-history__meta">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {' · '}
                {people.includes(entry.who) ? t(`orders.who.${entry.who}`) : entry.who}
              </span>
              {entry.note ? <span className="order-history__note">{entry.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
