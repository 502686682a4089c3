// The order status page, reachable again at /g/<slug>#order=<id>: the number, the state in
// plain words with what happens next (every state of shared/orders' machine), how to pay while it
// awaits payment (the studio's instructions, and "Pay by card" when the studio takes cards), the
// photographs, and the server's own total. The card provider sends the client back here.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientGallery, clientApi, type GalleryPhoto, type Order } from '../api/client-api';
import { ApiFailure } from '../api/http';
import { uuidV4 } from '../api/idempotency';
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

  const [paying, setPaying] = useState(false);
  const [payFailure, setPayFailure] = useState<ApiFailure | null>(null);
  // One key per press of the button: a retried request is one payment, a new press a new one.
  const payKey = useRef<string | null>(null);

  const payByCard = async (orderToPay: Order) => {
    setPaying(true);
    setPayFailure(null);
    payKey.current ??= uuidV4();
    try {
      const started = await clientApi.payByCard(orderToPay.id, payKey.current);
      payKey.current = null;
      // The provider's page: this server's /pay/… (the test provider) or a provider's https page.
      const target = new URL(started.redirectUrl, window.location.href);
      if (target.origin !== window.location.origin && target.protocol !== 'https:') throw new ApiFailure('unexpected', null, 0, null);
      window.location.assign(target.href);
    } catch (error) {
      payKey.current = null;
      setPaying(false);
      if (error instanceof ApiFailure && error.kind !== 'session' && !isClosing(error)) setPayFailure(error);
      else fail(error);
    }
  };

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

            {order.state === 'awaiting_payment' && (
              <section className="order-payment" aria-labelledby="order-payment-title">
                <h2 id="order-payment-title" className="eyebrow order-payment-title">
                  {t('order.payment.title')}
                </h2>
                {order.paymentInstructions ? (
                  <p className="order-payment-instructions">{order.paymentInstructions}</p>
                ) : (
                  <p className="order-payment-default">{t('order.payment.default')}</p>
                )}
                {order.canPayByCard && (
                  <>
                    <p className="order-payment-card">{t('order.payment.cardHint')}</p>
                    <button type="button" className="button-primary" disabled={paying} aria-busy={paying} onClick={() => payByCard(order)}>
                      {paying ? t('order.payment.starting') : t('order.payment.payByCard')}
                    </button>
                  </>
                )}
                {payFailure && (
                  <p className="order-payment-failure" role="alert">
                    {failureText(payFailure, t)}
                  </p>
                )}
              </section>
            )}

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
