// The page's states: the code screen until a session exists, the expired screen when the
// server says 410, else the gallery with its checkout and order pages (in the URL hash). The
// gallery stays mounted under checkout, so going back keeps the scroll and loaded images.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientGallery, Order } from './api/client-api';
import { AccessScreen } from './screens/AccessScreen';
import { CheckoutScreen } from './screens/CheckoutScreen';
import { GalleryScreen } from './screens/GalleryScreen';
import { MessageScreen } from './screens/MessageScreen';
import { OrderScreen } from './screens/OrderScreen';
import type { Route } from './state/route';
import { useSession } from './state/session-store';
import { useRoute } from './state/use-route';
import { adoptGalleryLanguage } from './ui/use-language';
import { useSaveDeterrent } from './ui/use-save-deterrent';

export function App({ slug }: { slug: string | null }) {
  const { t } = useTranslation();
  const phase = useSession((s) => s.phase);
  const gallery = useSession((s) => s.gallery);
  const start = useSession((s) => s.start);

  useEffect(() => {
    if (slug) void start();
  }, [slug, start]);
  useEffect(() => {
    if (gallery) adoptGalleryLanguage(gallery.language);
  }, [gallery]);
  useEffect(() => {
    document.title = gallery && phase.kind === 'open' ? `${gallery.title} · ${gallery.studioName}` : t('access.eyebrow');
  }, [gallery, phase.kind, t]);
  useSaveDeterrent(phase.kind === 'open' && gallery?.settings.saveDeterrent === true);

  if (!slug) return <MessageScreen eyebrow={t('access.eyebrow')} title={t('errors.request')} detail={t('access.badLink')} />;
  if (phase.kind === 'loading') return <MessageScreen title={t('common.loading')} busy />;
  if (phase.kind === 'closed') {
    const offline = phase.failure.kind === 'offline';
    return (
      <MessageScreen
        eyebrow={t('expired.eyebrow')}
        title={t(offline ? 'expired.offlineTitle' : 'expired.title')}
        detail={phase.failure.serverMessage}
        lead={t('expired.lead')}
      />
    );
  }
  if (phase.kind === 'locked' || !gallery)
    return <AccessScreen key={phase.kind} slug={slug} failure={phase.kind === 'locked' ? phase.failure : null} />;
  return <OpenGallery gallery={gallery} />;
}

function OpenGallery({ gallery }: { gallery: ClientGallery }) {
  const { route, go } = useRoute();
  const [placed, setPlaced] = useState<Order | null>(null);
  const galleryScroll = useScrollMemory(route);

  return (
    <>
      <div hidden={route.kind !== 'gallery'}>
        <GalleryScreen gallery={gallery} onCheckout={() => go({ kind: 'checkout' })} />
      </div>
      {route.kind === 'checkout' && (
        <CheckoutScreen
          gallery={gallery}
          onBack={() => go({ kind: 'gallery' })}
          onPlaced={(order) => {
            setPlaced(order);
            // Replace, so Back from the order page returns to the gallery, not to a spent checkout.
            go({ kind: 'order', orderId: order.id }, { replace: true });
          }}
        />
      )}
      {route.kind === 'order' && (
        <OrderScreen
          gallery={gallery}
          orderId={route.orderId}
          placed={placed}
          onBack={() => {
            galleryScroll.forget();
            go({ kind: 'gallery' });
          }}
        />
      )}
    </>
  );
}

/** Remembers where the gallery was scrolled to while checkout or an order page is shown. */
function useScrollMemory(route: Route) {
  const saved = useRef(0);
  const previous = useRef(route.kind);
  useEffect(() => {
    if (previous.current === 'gallery' && route.kind !== 'gallery') {
      saved.current = window.scrollY;
      window.scrollTo({ top: 0 });
    } else if (previous.current !== 'gallery' && route.kind === 'gallery') {
      window.scrollTo({ top: saved.current });
    }
    previous.current = route.kind;
  }, [route.kind]);
  return {
    forget() {
      saved.current = 0;
    },
  };
}
