// What the studio's client page shows of a gallery (seed 004): its state and upload progress,
// when the client viewed it, their favourites and basket, their orders and a timeline. Built
// from the local catalog only, so it answers offline with what the last sync brought.
import {
  type GalleryDetail,
  type GalleryOrderView,
  type GalleryPhotoView,
  type GallerySummary,
  timelineTypes,
} from '../../../shared/schemas/galleries';
import type { Catalog, ClientOrder, GalleryRow } from '../catalog';
import { galleryTopic } from './gallery-requests';

export interface ViewContext {
  catalog: Catalog;
  /** The hosted service the gallery links point at, when known. */
  serverUrl: () => string | null;
}

export function gallerySummary({ catalog, serverUrl }: ViewContext, g: GalleryRow): GallerySummary {
  const views = catalog.activity.views(g.id);
  const progress = catalog.outbox.topicProgress(galleryTopic(g.id));
  const base = serverUrl();
  return {
    id: g.id,
    clientId: g.clientId,
    shootId: g.shootId,
    title: g.title,
    state: g.state,
    problem: g.problem,
    photoCount: g.photoCount,
    createdAt: g.createdAt,
    publishedAt: g.publishedAt,
    expiresAt: g.settings.expiresAt,
    link: g.slug && base ? `${base.replace(/\/+$/, '')}/g/${g.slug}` : null,
    accessCode: g.accessCode,
    firstViewedAt: views?.firstViewedAt ?? null,
    lastViewedAt: views?.lastViewedAt ?? null,
    viewCount: views?.viewCount ?? 0,
    favouriteCount: catalog.activity.favourites(g.id).length,
    basketCount: catalog.activity.basket(g.id).length,
    orderCount: catalog.activity.orders(g.id).length,
    upload: { pendingChanges: progress.pending, sentBytes: progress.sentBytes, totalBytes: progress.totalBytes },
  };
}

export function galleryDetail(context: ViewContext, g: GalleryRow): GalleryDetail {
  const { catalog } = context;
  const photos = new Map(catalog.galleries.photos(g.id).map((p) => [p.photoId, p]));
  const photoView = (photoId: string) => {
    const thumb = catalog.variants.get(photoId, 'thumb');
    return {
      photoId,
      // A photo the server knows but this gallery no longer lists (edited elsewhere): show its id.
      name: photos.get(photoId)?.name ?? photoId,
      thumb: thumb ? { relPath: thumb.relPath, width: thumb.width, height: thumb.height } : null,
    };
  };
  const marks = (list: { photoId: string; addedAt: string }[]): GalleryPhotoView[] =>
    list.map((m) => ({ ...photoView(m.photoId), addedAt: m.addedAt }));
  const orders = catalog.activity.orders(g.id).map((o) => orderView(o, photoView));
  const orderNumbers = new Map(orders.map((o) => [o.id, o.number]));
  return {
    ...gallerySummary(context, g),
    settings: g.settings,
    deliveryMethods: g.deliveryMethods,
    favourites: marks(catalog.activity.favourites(g.id)),
    basket: marks(catalog.activity.basket(g.id)),
    orders,
    timeline: catalog.activity
      .timeline(g.id, 200)
      // What the client did: the studio's own order changes are in the order's history, and photos
      // leaving the basket with an order are told by the order itself.
      .filter(
        (e) => CLIENT_TYPES.has(e.type) && e.type !== 'order.updated' && !(e.type === 'basket.removed' && e.payload.reason === 'ordered'),
      )
      .map((e) => ({
        seq: e.seq,
        type: e.type,
        at: e.at,
        photoName: e.photoId ? (photos.get(e.photoId)?.name ?? null) : null,
        orderNumber: e.orderId ? (orderNumbers.get(e.orderId) ?? null) : null,
      })),
  };
}

const CLIENT_TYPES = new Set<string>(timelineTypes);
const str = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
const int = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0);

/** The order as the server sent it; read defensively, since a newer server may add or rename fields. */
function orderView(order: ClientOrder, photoView: (id: string) => GalleryOrderView['photos'][number]): GalleryOrderView {
  const d = order.data;
  const photoIds = Array.isArray(d.photoIds) ? d.photoIds.filter((p): p is string => typeof p === 'string') : [];
  const method = (d.deliveryMethod ?? {}) as Record<string, unknown>;
  const contact = (d.contact ?? {}) as Record<string, unknown>;
  return {
    id: order.id,
    number: str(d.number, order.id.slice(0, 8)),
    state: order.state,
    placedAt: order.placedAt,
    photoCount: photoIds.length,
    deliveryLabel: str(method.label, str(method.kind)),
    totalMinor: int(d.totalMinor),
    currency: str(d.currency),
    contactName: str(contact.name),
    note: str(d.note),
    photos: photoIds.map(photoView),
  };
}
