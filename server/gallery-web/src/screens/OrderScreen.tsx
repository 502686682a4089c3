// The order status page, reachable again at /g/<slug>#order=<id>: the number, the state in
// plain words with what happens next, the photographs, and the server's own total.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientGallery, clientApi, type GalleryPhoto, type Order } from '../api/client-api';
import { ApiFailure } from '../api/http';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { InnerPageBar } from '../gallery/InnerPageBar';
import { isClosing, useSession } from '../state/session-store';
import { ContactSheet } from '../ui/ContactSheet';
import { Footer } from '../ui/Footer';
import { failureText } from '../ui/failure-text';
import { useLanguageChoice } from '../ui/use-language';

interface OrderScreenProps {
  gallery: ClientGallery;
  orderId: string;
  /** The order just placed, so the page needs no second request to show it. */
  placed: Order | null;
  onBack(): void;
}

export function OrderScreen({ gallery, orderId, placed, onBack }: OrderScreenProps) {
  const { t } = useTranslation();
  const { language } = useLanguageChoice();
  const fail = useSession((s) => s.fail);
  const [order, setOrder] = useState<Order | null>(placed?.id === orderId ? placed : null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  useEffect(() => {
    if (placed?.id === orderId) return;
    let live = true;
    setOrder(null);
    setFailure(null);
    clientApi.order(orderId).then(
      (loaded) => live && setOrder(loaded),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiFailure && error.kind !== 'session' && !isClosing(error)) setFailure(error);
        else fail(error);
      },
    );
    return () => {
      live = false;
    };
  }, [orderId, placed, fail]);

  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise from scrollTo, not a cleanup function.
    window.scrollTo({ top: 0 });
  }, []);

  const photos = order
    ? order.photoIds.map((id) => gallery.photos.find((p) => p.id === id)).filter((p): p is GalleryPhoto => p !== undefined)
    : [];

  return (
    <>
      <InnerPageBar studioName={gallery.studioName} onBack={onBack} />
      <main className="page order" aria-labelledby="order-title" aria-busy={!order && !failure}>
        {failure && (
          <div className="page-head">
            <h1 id="order-title">{t('order.unavailable')}</h1>
            <p className="page-lead" role="alert">
              {failureText(failure, t)}
            </p>
          </div>
        )}
        {!order && !failure && <p className="page-lead quiet">{t('order.loading')}</p>}
        {order && (
          <>
            <header className="page-head">
              <p className="eyebrow">{t('order.eyebrow', { number: order.number })}</p>
              <h1 id="order-title">{t('order.thanks', { name: order.contact.name.split(/\s+/)[0] ?? order.contact.name })}</h1>
              <p className="page-lead">{t('order.placedAt', { date: formatDateTime(order.placedAt, language) })}</p>
            </header>

            <section className={`order-state state-${order.state}`} aria-labelledby="order-state-label">
              <p id="order-state-label" className="eyebrow">
                {t('order.stateLabel')}
              </p>
              <p className="order-state-name">{t(`order.state.${order.state}`)}</p>
              <p className="order-state-help">{t(`order.stateHelp.${order.state}`)}</p>
            </section>

            <dl className="order-facts">
              <div>
                <dt>{t('order.photos')}</dt>
                <dd>{t('common.photos', { count: order.photoIds.length })}</dd>
              </div>
              <div>
                <dt>{t('order.delivery')}</dt>
                <dd>{order.deliveryMethod.label}</dd>
              </div>
              <div>
                <dt>{t('order.total')}</dt>
                <dd>
                  {formatMoney(order.totalMinor, order.currency, language)}
                  <small>{t('order.vat', { amount: formatMoney(order.vatMinor, order.currency, language) })}</small>
                </dd>
              </div>
              <div>
                <dt>{t('order.contact')}</dt>
                <dd>
                  {order.contact.name}
                  <small>{[order.contact.email, order.contact.phone].filter(Boolean).join(' · ')}</small>
                </dd>
              </div>
              {order.note && (
                <div className="order-note">
                  <dt>{t('order.note')}</dt>
                  <dd>{order.note}</dd>
                </div>
              )}
            </dl>

            <ContactSheet photos={photos} large label={t('order.photos')} />
            <p className="fine-print center">{t('order.returnHint')}</p>
          </>
        )}
      </main>
      <Footer studioName={gallery.studioName} saveDeterrent={gallery.settings.saveDeterrent} />
    </>
  );
}
