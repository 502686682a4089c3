// Photo Mechanic: Photo Mechanic Plus searches its catalogs with AND/OR and a quick search looks
// into file names (Camera Bits' documentation, see SOURCES.md), so the selection becomes one
// search text of full file names joined by OR. Photo Mechanic without Plus has no catalog to
// search: there the selection goes in as a star rating in XMP sidecars.
import type { Selection } from './build-selection';
import { plainList } from './csv';
import { baseName, uniqueNatural } from './names';
import { planSidecars } from './xmp-sidecars';

/**
 * `"IMG_1.CR3" OR "IMG_2.CR3" OR "IMG_10.CR3"`: each name in quotes (names may hold spaces or
 * brackets), with its extension so that IMG_1 does not also find IMG_10.
 */
export function photoMechanicPlusQuery(names: readonly string[]): string {
  return uniqueNatural(names)
    .map((n) => `"${n.replace(/"/g, '\\"')}"`)
    .join(' OR ');
}

export function photoMechanicPlan(selection: Selection, rating = 5) {
  const names = selection.photos.flatMap((p) => {
    const own = p.files.filter((f) => f.role !== 'sidecar').map((f) => baseName(f.path));
    return own.length ? own : [p.name];
  });
  return {
    plusQuery: photoMechanicPlusQuery(names),
    rating,
    sidecars: planSidecars(selection.photos, { rating, label: 'keep' }),
    list: plainList(selection.photos),
  };
}
