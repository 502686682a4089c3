// Checkout: delivery method, contact details and a note, then one order. The Idempotency-Key
// is made per attempt and reused when the same request is sent again, so a double click or a
// retry after a dropped connection can never create a second order.
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientGallery, clientApi, type GalleryPhoto, type Order } from '../api/client-api';
import { ApiFailure } from '../api/http';
import { attemptKeys } from '../api/idempotency';
import { type ContactErrors, ContactFields } from '../checkout/ContactFields';
import { DeliveryOptions } from '../checkout/DeliveryOptions';
import { OrderSummary } from '../checkout/OrderSummary';
import { type Contact, type OrderProblem, orderRequest } from '../checkout/order-request';
import { InnerPageBar } from '../gallery/InnerPageBar';
import { isClosing, useSession } from '../state/session-store';
import { Footer } from '../ui/Footer';
import { failureText } from '../ui/failure-text';
import { useLanguageChoice } from '../ui/use-language';

interface CheckoutScreenProps {
  gallery: ClientGallery;
  onBack(): void;
  onPlaced(order: Order): void;
}

export function CheckoutScreen({ gallery, onBack, onPlaced }: CheckoutScreenProps) {
  const { t } = useTranslation();
  const { language } = useLanguageChoice();
  const basket = useSession((s) => s.basket);
  const fail = useSession((s) => s.fail);
  const reloadBasket = useSession((s) => s.reloadBasket);
  const [methodId, setMethodId] = useState<string | null>(
    gallery.deliveryMethods.length === 1 ? (gallery.deliveryMethods[0]?.id ?? null) : null,
  );
  const [contact, setContact] = useState<Contact>({ name: '', email: '', phone: '', note: '' });
  // Problems are shown once the client has tried to order, then follow their corrections live.
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [placing, setPlacing] = useState(false);
  const keys = useRef(attemptKeys());
  // A ref, not only state: two clicks in one frame both see it (and the key covers the rest).
  const inFlight = useRef(false);

  const photos = basket.map((id) => gallery.photos.find((p) => p.id === id)).filter((p): p is GalleryPhoto => p !== undefined);
  const method = gallery.deliveryMethods.find((m) => m.id === methodId) ?? null;
  const request = orderRequest(
    methodId,
    photos.map((p) => p.id),
    contact,
  );
  const problems: OrderProblem[] = tried && !request.ok ? request.problems : [];
  const has = (problem: OrderProblem) => (problems.includes(problem) ? t(`checkout.${problem}`) : null);
  const contactErrors: ContactErrors = { name: has('needName') ?? undefined, email: has('needEmail') ?? undefined };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return; // A second click while the first is on its way.
    setTried(true);
    if (!request.ok) return;
    inFlight.current = true;
    setFailure(null);
    setPlacing(true);
    try {
      const order = await clientApi.placeOrder(request.body, keys.current.keyFor(request.body));
      keys.current.reset();
      await reloadBasket();
      onPlaced(order);
    } catch (error) {
      // An ended session or an expired gallery changes the whole page; the rest is said here.
      if (error instanceof ApiFailure && error.kind !== 'session' && !isClosing(error)) setFailure(error);
      else fail(error);
    } finally {
      inFlight.current = false;
      setPlacing(false);
    }
  };

  return (
    <>
      <InnerPageBar studioName={gallery.studioName} onBack={onBack} />
      <main className="page checkout" aria-labelledby="checkout-title">
        <header className="page-head">
          <p className="eyebrow">{t('checkout.eyebrow')}</p>
          <h1 id="checkout-title">{t('checkout.title')}</h1>
        </header>
        {photos.length === 0 ? (
          <p className="page-lead">{t('checkout.emptyBasket')}</p>
        ) : (
          <div className="checkout-columns">
            <form className="checkout-form" noValidate onSubmit={submit}>
              <DeliveryOptions
                methods={gallery.deliveryMethods}
                count={photos.length}
                value={methodId}
                language={language}
                error={has('needMethod')}
                onChange={setMethodId}
              />
              <ContactFields value={contact} errors={contactErrors} onChange={setContact} />
              {failure && (
                <p className="form-failure" role="alert">
                  {failureText(failure, t)}
                </p>
              )}
              <button type="submit" className="button-primary" disabled={placing} aria-busy={placing}>
                {t(placing ? 'checkout.placing' : 'checkout.place')}
              </button>
              <p className="fine-print">{t('checkout.noCharge')}</p>
            </form>
            <OrderSummary photos={photos} method={method} language={language} />
          </div>
        )}
      </main>
      <Footer studioName={gallery.studioName} saveDeterrent={gallery.settings.saveDeterrent} />
    </>
  );
}
