// What the sync service hears back about galleries, turned into local state: the slug and the
// one-time access code from the server's answers, a refusal shown on the gallery (and the rest
// of its queued rows stopped, since they would be refused too), upload progress, and a notice
// for each new client order.
import { putGalleryResponse } from '../../../shared/schemas/hosted-api';
import type { ActivityKind, Catalog, OutboxItem } from '../catalog';
import { galleryIdOfTopic, galleryTopic } from './gallery-requests';

export type GalleryChangeKind = 'state' | 'upload' | 'views' | 'favourites' | 'basket' | 'orders' | 'other';

export interface AnswerEvents {
  galleryChanged(galleryId: string, clientId: string | null, kind: GalleryChangeKind): void;
  notice(message: string, level: 'info' | 'warning' | 'error'): void;
}

const GALLERY_PATH = /^\/v1\/galleries\/([^/]+)(?:\/(publish|unpublish|code))?$/;

export function createServerAnswers(catalog: Catalog, events: AnswerEvents) {
  const galleryOf = (item: OutboxItem) => {
    const id = galleryIdOfTopic(item.topic);
    return id ? catalog.galleries.get(id) : null;
  };

  return {
    /** Runs inside the transaction that marks the row delivered. */
    delivered(item: OutboxItem, response: unknown): void {
      const match = GALLERY_PATH.exec(item.path);
      const gallery = galleryOf(item);
      if (!match || !gallery) return;
      const answer = putGalleryResponse.safeParse(response);
      if (!answer.success) return;
      // An unpublish answered while a later publish is still queued: keep showing what the user asked for.
      const later = catalog.outbox.topicProgress(galleryTopic(gallery.id)).pending > 0;
      const status = later && answer.data.status !== 'published' ? 'draft' : answer.data.status;
      catalog.galleries.recordServerState(gallery.id, { slug: answer.data.slug, status, accessCode: answer.data.accessCode });
      queueMicrotask(() => events.galleryChanged(gallery.id, gallery.clientId, 'state'));
    },

    rejected(item: OutboxItem, message: string): void {
      // An order's delivery files or delivery set (topic delivery:<orderId>): no row shows them, so say it.
      if (item.topic?.startsWith('delivery:')) {
        events.notice(`The hosted service refused “${item.label}”. ${message}`, 'error');
        return;
      }
      const gallery = galleryOf(item);
      if (!gallery) return;
      catalog.transaction(() => {
        if (gallery.publishedAt) catalog.galleries.setState(gallery.id, gallery.state, message);
        else {
          catalog.outbox.cancelTopic(galleryTopic(gallery.id));
          catalog.galleries.setState(gallery.id, 'failed', message);
        }
      });
      events.galleryChanged(gallery.id, gallery.clientId, 'state');
      events.notice(`“${gallery.title}”: the hosted service refused “${item.label}”. ${message}`, 'error');
    },

    uploadProgress(seq: number): void {
      const item = catalog.outbox.get(seq);
      if (item?.topic?.startsWith('delivery:')) {
        // A delivery's files going out: the order's gallery page and the delivery panel follow it.
        const order = catalog.activity.order(item.topic.slice('delivery:'.length));
        const owner = order ? catalog.galleries.get(order.galleryId) : null;
        if (order) events.galleryChanged(order.galleryId, owner?.clientId ?? null, 'upload');
        return;
      }
      const gallery = item ? galleryOf(item) : null;
      if (gallery) events.galleryChanged(gallery.id, gallery.clientId, 'upload');
    },

    activity(kind: ActivityKind, galleryId: string): void {
      const gallery = catalog.galleries.get(galleryId);
      // Another studio device's change to the gallery reads as a state change on this one.
      const shown: GalleryChangeKind =
        kind === 'galleries' ? 'state' : kind === 'clients' || kind === 'flags' || kind === 'retouch' ? 'other' : kind;
      events.galleryChanged(galleryId, gallery?.clientId ?? null, shown);
      if (kind !== 'orders') return;
      for (const order of catalog.activity.takeUnnotifiedOrders()) {
        const g = catalog.galleries.get(order.galleryId);
        const client = g ? catalog.clients.get(g.clientId) : null;
        const count = Array.isArray(order.data.photoIds) ? order.data.photoIds.length : 0;
        const number = typeof order.data.number === 'string' ? ` ${order.data.number}` : '';
        events.notice(
          `New order${number} from ${client?.name ?? 'a client'}: ${count} photo${count === 1 ? '' : 's'} in “${g?.title ?? 'a gallery'}”.`,
          'info',
        );
      }
    },
  };
}
