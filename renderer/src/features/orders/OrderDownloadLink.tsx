import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/schemas/orders-desk';
import { CopyButton } from '../../ui/CopyButton';
import { formatDateTime } from '../../ui/format';
import { useOrders } from './orders-store';

/**
 * The client's download page once the order is delivered: the link to copy, until when it works,
 * a new link (the old one stops working), and when the client downloaded what (seed 000: "did
 * they get the photos?"). Resending the e-mail is in the e-mail log below.
 */
export function OrderDownloadLink({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrders((s) => s.busy);
  const delivery = order.delivery;
  if (!delivery?.link) return null;
  const what = (item: string) =>
    item.startsWith('zip:') ? t('orders.link.zip', { set: t(`orders.link.sets.${item.slice(4)}`, { defaultValue: item.slice(4) }) }) : item;
  return (
    <section className="card" aria-labelledby="order-link-title">
      <h2 id="order-link-title">{t('orders.link.title')}</h2>
      <div className="order-link">
        <a className="mono" href={delivery.link} target="_blank" rel="noreferrer">
          {delivery.link}
        </a>
        <CopyButton text={delivery.link} label={t('orders.link.copy')} />
        <button
          type="button"
          className="button button--small"
          disabled={busy !== null}
          onClick={() => void useOrders.getState().renewLink(30)}
        >
          {t('orders.link.renew')}
        </button>
      </div>
      <p className="muted order-link__meta">
        {delivery.linkExpiresAt ? t('orders.link.expires', { time: formatDateTime(delivery.linkExpiresAt) }) : null}{' '}
        {t('orders.link.files', { count: delivery.fileCount })} {t('orders.link.renewHint')}
      </p>
      <h3 className="order-link__title">{t('orders.link.downloadsTitle')}</h3>
      {delivery.downloads.length === 0 ? (
        <p className="muted">{t('orders.link.notYet', { name: order.clientName || order.contact.name })}</p>
      ) : (
        <ul className="order-link__downloads" aria-label={t('orders.link.downloadsTitle')}>
          {delivery.downloads.map((d) => (
            <li key={`${d.at}-${d.what}`}>
              <span>{what(d.what)}</span> <time dateTime={d.at}>{formatDateTime(d.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
