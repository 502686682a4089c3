// Test-only: a real catalog in a temp folder with a shoot of real (small) files on disk, a client
// with two galleries, and the client's orders, favourites and basket fed in as the change feed
// brings them.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { placeOrder } from '../../../shared/orders';
import type { ColorLabel } from '../../../shared/schemas/photos';
import { type Catalog, openCatalog } from '../catalog';
import { manualClock, TEST_GALLERY_SETTINGS, tempDir } from '../catalog/test-support';

const at = '2026-03-04T10:00:00.000Z';

export interface ShootPhoto {
  id: string;
  name: string;
  files: string[];
}

/** A server order as the change feed carries it (built with the real state machine). */
export function serverOrder(galleryId: string, id: string, number: string, photoIds: string[]) {
  const placed = placeOrder({
    type: 'place',
    actor: { kind: 'client' },
    at,
    photoIds,
    totalMinor: 1500 * photoIds.length,
    currency: 'PLN',
    manualValidation: false,
    retouchBeforeDelivery: false,
  });
  if (!placed.ok) throw new Error(placed.reason);
  return {
    id,
    number,
    galleryId,
    state: placed.order.state,
    placedAt: at,
    photoIds,
    contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
    totalMinor: placed.order.totalMinor,
    currency: 'PLN',
    flow: placed.order,
    history: [placed.transition],
  };
}

/**
 * Shoot "Nowak wedding" on disk: IMG_1 (CR3 + JPG), IMG_2 (CR3), IMG_10 (JPG), IMG_11 (JPG, not in
 * a gallery), plus a photo only another laptop holds (no files here). Gallery g1 has IMG_1, IMG_2,
 * IMG_10 and the remote photo; gallery g2 (same client) has IMG_2 again.
 */
export async function exportFixture() {
  const root = tempDir();
  const shootDir = path.join(root, 'Nowak wedding');
  await fs.mkdir(shootDir);
  await fs.mkdir(path.join(root, 'library'));
  const catalog: Catalog = openCatalog(path.join(root, 'library'), manualClock());
  const shoot = catalog.shoots.add({ path: shootDir, name: 'Nowak wedding', kind: 'shoot' });
  const write = async (name: string, content: string) => {
    const file = path.join(shootDir, name);
    await fs.writeFile(file, content);
    return file;
  };
  const make = async (stem: string, files: { name: string; role: 'primary' | 'raw' | 'jpeg' }[]): Promise<ShootPhoto> => {
    const written = await Promise.all(files.map(async (f) => ({ ...f, path: await write(f.name, `${f.name} bytes`) })));
    const photo = catalog.photos.create({
      shootId: shoot.id,
      folder: shootDir,
      stem,
      files: written.map((f) => ({ path: f.path, role: f.role, size: 1, mtimeMs: 1, fingerprint: null })),
    });
    return { id: photo.id, name: files[0]?.name ?? stem, files: written.map((f) => f.path) };
  };
  const img1 = await make('IMG_1', [
    { name: 'IMG_1.CR3', role: 'raw' },
    { name: 'IMG_1.JPG', role: 'jpeg' },
  ]);
  const img2 = await make('IMG_2', [{ name: 'IMG_2.CR3', role: 'raw' }]);
  const img10 = await make('IMG_10', [{ name: 'IMG_10.JPG', role: 'primary' }]);
  const img11 = await make('IMG_11', [{ name: 'IMG_11.JPG', role: 'primary' }]);
  const remote = { id: 'remote-photo', name: 'DSC_0042.NEF', files: [] as string[] };

  const client = catalog.clients.save({ name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' });
  const other = catalog.clients.save({ name: 'Jan Kowalski', email: 'jan@example.com', phone: null, language: 'pl' });
  const proof = (p: ShootPhoto, position: number) => ({
    photoId: p.id,
    position,
    name: p.name,
    proofSha256: 'a'.repeat(64),
    proofFile: '',
    proofBytes: 1,
    width: 4,
    height: 3,
  });
  const gallery = (id: string, clientId: string, title: string, photos: ShootPhoto[]) =>
    catalog.galleries.create({
      id,
      clientId,
      shootId: shoot.id,
      title,
      settings: TEST_GALLERY_SETTINGS,
      deliveryMethods: [],
      watermarkText: '',
      photos: photos.map(proof),
    });
  gallery('g1', client.id, 'Nowak wedding', [img1, img2, img10, remote]);
  gallery('g2', client.id, 'Nowak portraits', [img2]);
  gallery('g3', other.id, 'Kowalski', [img11]);

  let seq = 0;
  const feed = (galleryId: string, type: string, payload: Record<string, unknown>) => {
    seq += 1;
    catalog.activity.applyPage([{ seq, type, galleryId, at, payload }], seq);
  };
  const flag = (photo: ShootPhoto, rating: number, colorLabel: ColorLabel | null) => {
    feed('', 'photo.flagged', {
      photoId: photo.id,
      rating,
      pick: 'none',
      colorLabel,
      by: { deviceId: 'other-laptop', deviceName: 'Other laptop' },
    });
  };
  return { catalog, root, shootDir, client, other, photos: { img1, img2, img10, img11, remote }, feed, flag };
}

export type ExportFixture = Awaited<ReturnType<typeof exportFixture>>;

/** The usual activity: two orders in g1, one in g2 (IMG_2 again), a favourite and a basket. */
export function withActivity(f: ExportFixture) {
  const { img1, img2, img10, remote, img11 } = f.photos;
  f.feed('g1', 'order.placed', { order: serverOrder('g1', 'o1', '2026-0001', [img1.id, img10.id]) });
  f.feed('g1', 'order.placed', { order: serverOrder('g1', 'o2', '2026-0002', [img1.id, remote.id]) });
  f.feed('g2', 'order.placed', { order: serverOrder('g2', 'o3', '2026-0003', [img2.id]) });
  f.feed('g3', 'order.placed', { order: serverOrder('g3', 'o4', '2026-0004', [img11.id]) });
  f.feed('g1', 'favourite.added', { photoId: img2.id });
  f.feed('g1', 'basket.added', { photoId: img10.id });
  f.catalog.flags.setRating(img1.id, 4);
  f.catalog.flags.setLabel(img1.id, 'red');
  f.catalog.flags.setRating(img2.id, 2);
  f.flag(remote, 5, 'blue');
  return f;
}
