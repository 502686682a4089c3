// What a client picked across all their galleries, as the export service wants it (product
// point 7): every photo they ordered (with the order numbers), hearted or have in the basket
// right now, with its files on this computer and the studio's rating and label. Read from the
// local catalog only, so it answers offline with what the last sync brought.
import type { SelectionPhoto } from '../../../shared/schemas/export';
import type { Catalog } from '../catalog';
import { stemOf } from '../export';
import { readOrder } from './order-data';

export interface ClientSelection {
  /** One entry per photo, in the order the galleries list them. */
  photos: SelectionPhoto[];
  /**
   * Stems of every photo of the shoots these galleries come from (and of the galleries
   * themselves): a filter word that also finds one of these shows more than the client picked.
   */
  shootStems: string[];
  /** The folders of those shoots: nothing may be copied into them. */
  shootFolders: string[];
}

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);

/**
 * The client's photos from their orders (a cancelled order is left out: nobody edits its
 * photos), favourites and basket. A photo this computer holds no file of comes with no files
 * and the flags another studio laptop gave it; a photo in two of the client's galleries comes once.
 */
export function clientSelection(catalog: Catalog, clientId: string): ClientSelection {
  const byId = new Map<string, SelectionPhoto>();
  const shootStems = new Set<string>();
  const shoots = new Set<string>();

  for (const gallery of catalog.galleries.byClient(clientId)) {
    const galleryPhotos = catalog.galleries.photos(gallery.id);
    const names = new Map(galleryPhotos.map((p) => [p.photoId, p.name]));
    for (const p of galleryPhotos) shootStems.add(stemOf(p.name));
    if (gallery.shootId) shoots.add(gallery.shootId);

    const entry = (photoId: string): SelectionPhoto => {
      const known = byId.get(photoId);
      if (known) return known;
      const photo = catalog.photos.get(photoId);
      const files = (photo?.files ?? []).map((f) => ({ path: f.path, role: f.role }));
      const flags = photo ? catalog.flags.get(photoId) : catalog.flags.remote(photoId);
      const fallbackName = photo?.files.find((f) => f.role === 'primary') ?? photo?.files[0];
      const made: SelectionPhoto = {
        photoId,
        // A photo the gallery no longer lists keeps the name of its file, or at least its id.
        name: names.get(photoId) ?? (fallbackName ? baseName(fallbackName.path) : photoId),
        files,
        rating: flags.rating,
        colorLabel: flags.colorLabel,
        orderNumbers: [],
        favourite: false,
        inBasket: false,
      };
      byId.set(photoId, made);
      return made;
    };

    for (const row of catalog.activity.orders(gallery.id)) {
      const order = readOrder(row.data, gallery.id);
      if (order.flow.state === 'cancelled') continue;
      for (const photoId of order.photoIds) {
        const p = entry(photoId);
        if (!p.orderNumbers.includes(order.number)) p.orderNumbers.push(order.number);
      }
    }
    for (const mark of catalog.activity.favourites(gallery.id)) entry(mark.photoId).favourite = true;
    for (const mark of catalog.activity.basket(gallery.id)) entry(mark.photoId).inBasket = true;
  }

  const shootFolders: string[] = [];
  for (const shootId of shoots) {
    const shoot = catalog.shoots.get(shootId);
    if (shoot) shootFolders.push(shoot.path);
    for (const file of catalog.photos.filesOfShoot(shootId)) shootStems.add(stemOf(baseName(file.path)));
  }
  return { photos: [...byId.values()], shootStems: [...shootStems], shootFolders };
}
