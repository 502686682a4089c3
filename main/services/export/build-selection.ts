// From the photos the caller read out of the catalog, the client's selection for one source:
// all their orders, their favourites, or what is in their basket right now.
import type { SelectionPhoto, SelectionSource } from '../../../shared/schemas/export';
import { naturalCompare, stemOf, uniqueNatural } from './names';

export type { SelectionPhoto, SelectionSource };

export interface Selection {
  source: SelectionSource;
  /** In natural order of their names, each photo once. */
  photos: SelectionPhoto[];
  /** Primary file names, natural order, each once. */
  names: string[];
  /** Stems of the primary names ("IMG_0412"), natural order, each once. */
  stems: string[];
  /** A sentence for the UI when nothing is selected from this source, else null. */
  empty: string | null;
}

const inSource: Record<SelectionSource, (p: SelectionPhoto) => boolean> = {
  orders: (p) => p.orderNumbers.length > 0,
  favourites: (p) => p.favourite,
  basket: (p) => p.inBasket,
};

const emptySentence: Record<SelectionSource, string> = {
  orders: 'The client has not ordered any photos yet, so there is nothing to export from their orders.',
  favourites: 'The client has not marked any favourites yet.',
  basket: "The client's basket is empty right now.",
};

export function buildSelection(photos: readonly SelectionPhoto[], source: SelectionSource): Selection {
  const byId = new Map<string, SelectionPhoto>();
  for (const photo of photos) {
    if (!inSource[source](photo)) continue;
    const seen = byId.get(photo.photoId);
    // The same photo may arrive once per order: keep one, with every order number.
    byId.set(photo.photoId, seen ? mergeDuplicate(seen, photo) : photo);
  }
  const chosen = [...byId.values()].sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.photoId, b.photoId));
  return {
    source,
    photos: chosen,
    names: uniqueNatural(chosen.map((p) => p.name)),
    stems: uniqueNatural(chosen.map((p) => stemOf(p.name))),
    empty: chosen.length === 0 ? emptySentence[source] : null,
  };
}

function mergeDuplicate(a: SelectionPhoto, b: SelectionPhoto): SelectionPhoto {
  const orders = uniqueNatural([...a.orderNumbers, ...b.orderNumbers]);
  const paths = new Set(a.files.map((f) => f.path));
  return {
    ...a,
    orderNumbers: orders,
    favourite: a.favourite || b.favourite,
    inBasket: a.inBasket || b.inBasket,
    files: [...a.files, ...b.files.filter((f) => !paths.has(f.path))],
  };
}
