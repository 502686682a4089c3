import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { formatDateTime } from '../../ui/format';
import { useOrders } from './orders-store';

/** The order's e-mails (seed 000: "my client has not received them"): what went where, and how it went. */
export function OrderEmails({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrders((s) => s.busy);
  return (
    <section className="card" aria-labelledby="order-emails-title">
      <div className="card__heading">
        <h2 id="order-emails-title">{t('orders.emails.title')}</h2>
        <p className="muted card__hint">{t('orders.emails.hint', { email: order.contact.email })}</p>
      </div>
      {order.emails.length === 0 ? (
        <p className="muted">{t('orders.emails.none')}</p>
      ) : (
        <ul className="email-log" aria-label={t('orders.emails.title')}>
          {order.emails.map((email) => {
            const kind = t(`orders.emails.kind.${email.kind}`, { defaultValue: email.kind });
            const toClient = email.kind !== 'studio_new_order';
            return (
              <li key={email.id} className="email-log__item">
                <div className="email-log__main">
                  <div className="email-log__head">
                    <strong>{kind}</strong>
                    <span className={`pill pill--email-${email.status}`}>
                      <span className="pill__dot" aria-hidden="true" />
                      {t(`orders.emails.status.${email.status}`)}
                    </span>
                  </div>
                  <span className="email-log__subject">{email.subject}</span>
                  <small className="muted">
                    {[
                      t('orders.emails.to', { to: email.to }),
                      email.sentAt
                        ? t('orders.emails.sentAt', { time: formatDateTime(email.sentAt) })
                        : t('orders.emails.createdAt', { time: formatDateTime(email.createdAt) }),
                      email.attempts > 1 ? t('orders.emails.attempts', { count: email.attempts }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </small>
                  {email.detail ? <small className={`email-log__detail email-log__detail--${email.status}`}>{email.detail}</small> : null}
                </div>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  aria-label={
                    toClient
                      ? t('orders.emails.resendLabel', { kind, email: order.contact.email })
                      : t('orders.emails.resendStudioLabel', { kind })
                  }
                  onClick={() => void useOrders.getState().resend(email.id)}
                >
                  {busy === `resend:${email.id}` ? t('common.working') : t('orders.emails.resend')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
