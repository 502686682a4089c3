// Export of a client's selection for the photographer's editor (product point 7): which
// photos, for which program, and the progress of the long-running exports.
import { z } from 'zod';
import { colorLabels } from './photos';

/** Where the selection comes from: every order of the client, their favourites, or their basket. */
export const selectionSources = ['orders', 'favourites', 'basket'] as const;
export type SelectionSource = (typeof selectionSources)[number];

export const exportTargetIds = [
  'lightroom-filter',
  'lightroom-smart-collection',
  'capture-one',
  'photo-mechanic',
  'list-csv',
  'xmp-sidecars',
  'copy-originals',
] as const;
export type ExportTargetId = (typeof exportTargetIds)[number];

export const selectionFileRoles = ['primary', 'raw', 'jpeg', 'sidecar'] as const;

/** One photo as the caller builds it from the catalog; the export service never reads the catalog. */
export const selectionPhotoSchema = z.object({
  photoId: z.string().min(1),
  /** The primary file's name, e.g. "IMG_0412.CR3". */
  name: z.string().min(1),
  files: z.array(z.object({ path: z.string().min(1), role: z.enum(selectionFileRoles) })),
  rating: z.number().int().min(0).max(5),
  colorLabel: z.enum(colorLabels).nullable(),
  orderNumbers: z.array(z.string()),
  favourite: z.boolean(),
  inBasket: z.boolean(),
});
export type SelectionPhoto = z.infer<typeof selectionPhotoSchema>;

export const exportProgressSchema = z.object({
  filesDone: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  currentFile: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;
