// Delivery by drag and drop (issue 6 point 5, seed 004 "Photo delivery"): the files dropped on an
// order are matched to its photos by name (shared/delivery), the user settles what is ambiguous,
// then the full-resolution and/or web files are made, recorded and queued for upload with the
// order's delivery set in one transaction. "Deliver to client" is the order event `deliver`;
// when the gallery sends download links automatically it is queued right behind the uploads.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type DeliveryMatch, matchDelivery } from '../../../shared/delivery';
import { AppError } from '../../../shared/errors';
import type { DeliveryFile, DeliverySet } from '../../../shared/schemas/delivery-api';
import type { JobProgress } from '../../../shared/schemas/jobs';
import type { Catalog } from '../catalog';
import type { OrdersService } from '../orders';
import { orderTopic, readOrder } from '../orders';
import { deliveryNames } from './delivery-names';
import { makeDeliveryFiles } from './make-delivery-files';
import { scanDrop } from './scan-drop';

export const deliveryTopic = (orderId: string) => `delivery:${orderId}`;

export interface DeliveryOptions {
  catalog: Catalog;
  orders: OrdersService;
  /** Where made files are kept (content-addressed), e.g. <library>/deliveries. */
  storeDir: string;
  events: { job(progress: JobProgress): void; changed(orderId: string): void };
}

export interface DeliveryPlan {
  orderId: string;
  /** The pairs to send: each ordered photo with the export chosen for it. */
  pairs: { photoId: string; path: string }[];
  sets: DeliverySet[];
}

export interface DeliveryService {
  preview(orderId: string, dropped: readonly string[]): Promise<DeliveryMatch>;
  prepare(plan: DeliveryPlan): { jobId: string; done: Promise<void> };
  deliver(orderId: string): ReturnType<OrdersService['get']>;
  cancel(orderId: string): number;
  progress(orderId: string): { files: number; pendingChanges: number; sentBytes: number; totalBytes: number };
}

export function createDeliveryService(options: DeliveryOptions): DeliveryService {
  const { catalog, events } = options;

  function orderOf(orderId: string) {
    const row = catalog.activity.order(orderId);
    if (!row) throw new AppError('not_found', 'This order is not in the library (yet). Sync, then open it again.');
    const order = readOrder(row.data, row.galleryId);
    if (order.flow.state === 'cancelled')
      throw new AppError('conflict', `Order ${order.number} was cancelled, so nothing is delivered for it.`);
    return order;
  }

  function orderedPhotos(orderId: string) {
    const order = orderOf(orderId);
    const names = new Map(catalog.galleries.photos(order.galleryId).map((p) => [p.photoId, p.name]));
    return {
      order,
      ordered: order.photoIds.map((photoId) => ({
        photoId,
        name: names.get(photoId) ?? photoId,
        folder: catalog.photos.get(photoId)?.folder ?? null,
      })),
    };
  }

  return {
    async preview(orderId, dropped) {
      const { ordered } = orderedPhotos(orderId);
      return matchDelivery({ ordered, files: await scanDrop(dropped) });
    },

    prepare(plan) {
      const { order, ordered } = orderedPhotos(plan.orderId);
      if (plan.sets.length === 0) throw new AppError('invalid_input', 'Choose “full resolution”, “web version” or both.');
      if (plan.pairs.length === 0)
        throw new AppError(
          'invalid_input',
          'No file is matched to an ordered photo yet. Drop the edited files, or choose them for the photos.',
        );
      const byId = new Map(ordered.map((o) => [o.photoId, o]));
      const seen = new Set<string>();
      for (const pair of plan.pairs) {
        if (!byId.has(pair.photoId))
          throw new AppError('invalid_input', `${path.basename(pair.path)} is matched to a photo that is not in order ${order.number}.`);
        if (seen.has(pair.photoId))
          throw new AppError('invalid_input', `Two files are matched to ${byId.get(pair.photoId)?.name}. Keep one.`);
        seen.add(pair.photoId);
      }
      const jobId = `delivery:${plan.orderId}:${randomUUID()}`;
      const total = plan.pairs.length;
      let done = 0;
      const report = (state: JobProgress['state'], error?: string) =>
        events.job({ jobId, kind: 'delivery.files', state, done, total, label: `Order ${order.number}`, ...(error ? { error } : {}) });
      const work = (async () => {
        report('running');
        const made: { photoId: string; source: string; files: Awaited<ReturnType<typeof makeDeliveryFiles>> }[] = [];
        for (const pair of plan.pairs) {
          const files = await makeDeliveryFiles(pair.path, plan.sets, options.storeDir).catch((error: unknown) => {
            throw new AppError('invalid_input', `${path.basename(pair.path)}: ${(error as Error).message}`);
          });
          made.push({ photoId: pair.photoId, source: pair.path, files });
          done += 1;
          report('running');
        }
        const stemOf = (photoId: string) => (byId.get(photoId)?.name ?? photoId).replace(/\.[^.]+$/, '');
        const rows = plan.sets.flatMap((set) => {
          const inSet = made.flatMap((m) =>
            m.files.filter((f) => f.set === set).map((f) => ({ ...f, photoId: m.photoId, source: m.source })),
          );
          const names = deliveryNames(inSet.map((f) => ({ key: f.photoId, stem: stemOf(f.photoId), extension: f.extension })));
          return inSet.map((f) => ({
            photoId: f.photoId,
            set,
            name: names.get(f.photoId) as string,
            sourcePath: f.source,
            file: f.file,
            sha256: f.sha256,
            size: f.size,
            width: f.width,
            height: f.height,
          }));
        });
        const gallery = catalog.galleries.get(order.galleryId);
        catalog.transaction(() => {
          // Prepared again: the earlier files, and a "deliver" still waiting behind them, are replaced.
          catalog.outbox.cancelTopic(deliveryTopic(plan.orderId));
          for (const row of catalog.outbox.byTopic(orderTopic(plan.orderId), 'pending')) {
            if (row.kind === 'request' && (row.body as { type?: string } | null)?.type === 'deliver') catalog.outbox.cancel(row.seq);
          }
          catalog.deliveries.replace(plan.orderId, rows);
          const topic = deliveryTopic(plan.orderId);
          const sent = new Set<string>();
          for (const r of rows) {
            if (sent.has(r.sha256)) continue;
            sent.add(r.sha256);
            catalog.outbox.enqueueUpload({
              file: r.file,
              sha256: r.sha256,
              size: r.size,
              label: `Delivery ${r.name} (order ${order.number})`,
              topic,
            });
          }
          const files: DeliveryFile[] = rows.map(({ sourcePath: _source, file: _file, ...r }) => r);
          catalog.outbox.enqueue({
            method: 'PUT',
            path: `/v1/orders/${encodeURIComponent(plan.orderId)}/delivery`,
            body: { files },
            label: `Delivery files (order ${order.number})`,
            topic,
          });
        });
        // Behind the uploads in the outbox, so the server has every file before the client is told.
        // Only when the order may be delivered now (paid or forced): otherwise the studio delivers later.
        const canDeliver = options.orders.get(plan.orderId).actions.some((a) => a.action === 'deliver' && a.allowed);
        if (gallery?.settings.autoSendDownloadLinks && canDeliver)
          options.orders.act(plan.orderId, { type: 'deliver', fileCount: rows.length });
        report('done');
        events.changed(plan.orderId);
      })();
      work.catch((error: unknown) => report('failed', (error as Error).message));
      return { jobId, done: work };
    },

    deliver(orderId) {
      const files = catalog.deliveries.files(orderId);
      if (files.length === 0) throw new AppError('conflict', 'Add the edited photos first (drop them on the order), then deliver.');
      return options.orders.act(orderId, { type: 'deliver', fileCount: files.length });
    },

    cancel(orderId) {
      const n = catalog.outbox.cancelTopic(deliveryTopic(orderId));
      events.changed(orderId);
      return n;
    },

    progress(orderId) {
      const p = catalog.outbox.topicProgress(deliveryTopic(orderId));
      return {
        files: catalog.deliveries.files(orderId).length,
        pendingChanges: p.pending,
        sentBytes: p.sentBytes,
        totalBytes: p.totalBytes,
      };
    },
  };
}
