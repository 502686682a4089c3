// Delivery by drag and drop on a real catalog and real files: a folder of editor exports is
// matched to the order's photos, made into full and web files, recorded and queued for upload
// with the delivery set, and delivered at once when the gallery sends links automatically.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOrderEvent, type OrderFlowState, placeOrder } from '../../../shared/orders';
import { deliveryPreviewSchema } from '../../../shared/schemas/delivery-desk';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import { openCatalog } from '../catalog';
import { TEST_GALLERY_SETTINGS, tempDir } from '../catalog/test-support';
import { createOrdersService } from '../orders';
import { createDeliveryService } from './delivery-service';

const at = '2026-03-04T10:00:00.000Z';
const names = ['IMG_0001.CR3', 'IMG_0002.CR3', 'IMG_0003.CR3'];

function placedFlow(): OrderFlowState {
  const placed = placeOrder({
    type: 'place',
    actor: { kind: 'client' },
    at,
    photoIds: ['p1', 'p2', 'p3'],
    totalMinor: 9000,
    currency: 'PLN',
    manualValidation: false,
    retouchBeforeDelivery: false,
  });
  if (!placed.ok) throw new Error(placed.reason);
  return placed.order;
}

function paidFlow(): OrderFlowState {
  const paid = applyOrderEvent(placedFlow(), { type: 'mark_paid', actor: { kind: 'studio' }, at, method: 'offline' });
  if (!paid.ok) throw new Error(paid.reason);
  return paid.order;
}

function setup(autoSend: boolean, flow: OrderFlowState = paidFlow()) {
  const dir = tempDir();
  const catalog = openCatalog(dir, { now: () => new Date() });
  const client = catalog.clients.save({ name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' });
  catalog.galleries.create({
    id: 'g1',
    clientId: client.id,
    shootId: null,
    title: 'Nowak wedding',
    settings: { ...TEST_GALLERY_SETTINGS, autoSendDownloadLinks: autoSend },
    deliveryMethods: [],
    watermarkText: '',
    photos: names.map((name, i) => ({
      photoId: `p${i + 1}`,
      position: i,
      name,
      proofSha256: 'a'.repeat(64),
      proofFile: '',
      proofBytes: 0,
      width: 3,
      height: 2,
    })),
  });
  const order = {
    id: 'o1',
    number: '2026-0007',
    galleryId: 'g1',
    state: flow.state,
    placedAt: at,
    photoIds: ['p1', 'p2', 'p3'],
    contact: { name: 'Anna', email: 'anna@example.com', phone: null },
    note: '',
    totalMinor: 9000,
    vatMinor: 0,
    currency: 'PLN',
    flow,
    history: [],
    emails: [],
  };
  catalog.activity.applyPage([{ seq: 1, type: 'order.placed', galleryId: 'g1', at, payload: { order } }], 1);
  const orders = createOrdersService({ catalog, deviceName: () => 'Studio laptop' });
  const changed: string[] = [];
  const delivery = createDeliveryService({
    catalog,
    orders,
    storeDir: path.join(dir, 'deliveries'),
    events: { job: () => {}, changed: (id) => changed.push(id) },
  });
  // The editor's exports: two of the three, one extra, and the junk a Mac leaves behind.
  const exports = path.join(dir, 'Nowak edited');
  mkdirSync(path.join(exports, 'sub'), { recursive: true });
  copyFileSync(path.join(sharedImagesDir, 'camera-nikon-d3100-14mp.jpg'), path.join(exports, 'IMG_0001-Edit.jpg'));
  copyFileSync(path.join(sharedImagesDir, 'orient-6-portrait.jpg'), path.join(exports, 'sub', 'img_0002 copy.jpg'));
  copyFileSync(path.join(sharedImagesDir, 'progressive.jpg'), path.join(exports, 'IMG_0099-Edit.jpg'));
  writeFileSync(path.join(exports, '.DS_Store'), 'x');
  return { catalog, orders, delivery, exports, changed, close: () => catalog.close() };
}

describe('delivery by drag and drop', () => {
  it('previews the dropped folder: matched, extra, missing and ignored files, before anything is made', async () => {
    const s = setup(true);
    const preview = await s.delivery.preview('o1', [s.exports]);
    expect(preview.summary).toEqual({ matched: 2, extra: 1, missing: 1, ambiguous: 0, ignored: 1 });
    const matched = preview.rows.filter((r) => r.kind === 'matched');
    expect(matched.map((r) => (r.kind === 'matched' ? [r.photo.photoId, path.basename(r.file.path)] : []))).toEqual([
      ['p1', 'IMG_0001-Edit.jpg'],
      ['p2', 'img_0002 copy.jpg'],
    ]);
    expect(s.catalog.outbox.pendingCount()).toBe(0);
    // What the renderer gets through the IPC contract (validated there with this schema).
    expect(deliveryPreviewSchema.parse(preview)).toEqual(preview);
    s.close();
  });

  it('makes full and web files, records them, queues uploads then the delivery set, and delivers when links go out automatically', async () => {
    const s = setup(true);
    const pairs = [
      { photoId: 'p1', path: path.join(s.exports, 'IMG_0001-Edit.jpg') },
      { photoId: 'p2', path: path.join(s.exports, 'sub', 'img_0002 copy.jpg') },
    ];
    await s.delivery.prepare({ orderId: 'o1', pairs, sets: ['full', 'web'] }).done;
    const files = s.catalog.deliveries.files('o1');
    expect(files.map((f) => [f.set, f.name, f.width, f.height])).toEqual([
      ['full', 'IMG_0001.jpg', 4608, 3072],
      ['full', 'IMG_0002.jpg', 1200, 1800],
      ['web', 'IMG_0001.jpg', 2048, 1365],
      ['web', 'IMG_0002.jpg', 1200, 1800],
    ]);
    // The upright sRGB export is sent as it is; the rotated one was re-encoded.
    expect(files[0]?.file).toBe(pairs[0]?.path);
    expect(files[1]?.file).not.toBe(pairs[1]?.path);
    const queued = s.catalog.outbox.list('pending');
    expect(queued.map((r) => (r.kind === 'upload' ? 'upload' : `${r.method} ${r.path}`))).toEqual([
      'upload',
      'upload',
      'upload',
      'upload',
      'PUT /v1/orders/o1/delivery',
      'POST /v1/orders/o1/events',
    ]);
    const put = queued[4];
    expect(put?.kind === 'request' && (put.body as { files: { name: string; sha256: string }[] }).files.map((f) => f.name)).toEqual([
      'IMG_0001.jpg',
      'IMG_0002.jpg',
      'IMG_0001.jpg',
      'IMG_0002.jpg',
    ]);
    expect(queued[5]?.kind === 'request' && queued[5].body).toEqual({ type: 'deliver', fileCount: 4 });
    expect(s.orders.get('o1').state).toBe('delivered');
    expect(s.delivery.progress('o1')).toMatchObject({ files: 4, pendingChanges: 5, sentBytes: 0 });
    expect(s.changed).toEqual(['o1']);

    // Prepared again (the photographer re-exported one): the old queued rows are replaced, not doubled.
    await s.delivery.prepare({ orderId: 'o1', pairs: pairs.slice(0, 1), sets: ['web'] }).done;
    expect(s.catalog.deliveries.files('o1').map((f) => `${f.set}:${f.name}`)).toEqual(['web:IMG_0001.jpg']);
    expect(s.catalog.outbox.list('pending').filter((r) => r.topic === 'delivery:o1')).toHaveLength(2);
    // …and delivered again behind the new files, once.
    const events = s.catalog.outbox.list('pending').filter((r) => r.path.endsWith('/events'));
    expect(events.map((r) => r.kind === 'request' && r.body)).toEqual([{ type: 'deliver', fileCount: 1 }]);
    expect(s.catalog.outbox.list('pending').at(-1)?.path).toBe('/v1/orders/o1/events');
    s.close();
  });

  it('an unpaid order gets its files but is not delivered; refusals say what to do', async () => {
    const s = setup(true, placedFlow());
    expect(() => s.delivery.deliver('o1')).toThrow(/Add the edited photos first/);
    expect(() => s.delivery.prepare({ orderId: 'o1', pairs: [], sets: ['web'] })).toThrow(/No file is matched/);
    expect(() => s.delivery.prepare({ orderId: 'o1', pairs: [{ photoId: 'p9', path: 'x.jpg' }], sets: ['web'] })).toThrow(
      /not in order 2026-0007/,
    );
    expect(() => s.delivery.prepare({ orderId: 'o1', pairs: [{ photoId: 'p1', path: 'x.jpg' }], sets: [] })).toThrow(/full resolution/);
    await s.delivery.prepare({ orderId: 'o1', pairs: [{ photoId: 'p1', path: path.join(s.exports, 'IMG_0001-Edit.jpg') }], sets: ['web'] })
      .done;
    expect(s.catalog.outbox.list('pending').some((r) => r.path.endsWith('/events'))).toBe(false);
    expect(() => s.delivery.deliver('o1')).toThrow(/paid|payment/i);
    // A damaged export stops the job with the file's name; nothing of it is recorded.
    writeFileSync(path.join(s.exports, 'IMG_0003-Edit.jpg'), 'not a jpeg');
    const bad = s.delivery.prepare({
      orderId: 'o1',
      pairs: [{ photoId: 'p3', path: path.join(s.exports, 'IMG_0003-Edit.jpg') }],
      sets: ['web'],
    });
    await expect(bad.done).rejects.toThrow(/IMG_0003-Edit.jpg/);
    expect(s.catalog.deliveries.files('o1').map((f) => f.photoId)).toEqual(['p1']);
    s.close();
  });
});
