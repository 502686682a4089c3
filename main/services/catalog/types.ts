// Domain types of the catalog. Timestamps are ISO-8601 UTC strings (Date#toISOString), so
// they sort and compare correctly as text inside SQLite.

import { colorLabels, photoStatuses, pickValues } from '../../../shared/schemas/photos';
import { shootKinds } from '../../../shared/schemas/shoots';

// The value lists are defined once in shared/ (the IPC contract validates with them too).
export { colorLabels, photoStatuses, pickValues, shootKinds };
export type ShootKind = (typeof shootKinds)[number];
export const shootStatuses = ['online', 'offline'] as const;
export type ShootStatus = (typeof shootStatuses)[number];

export interface Shoot {
  id: string;
  path: string;
  name: string;
  kind: ShootKind;
  status: ShootStatus;
  addedAt: string;
  lastScanAt: string | null;
}

export type PhotoStatus = (typeof photoStatuses)[number];
export const fileRoles = ['primary', 'raw', 'jpeg', 'sidecar'] as const;
export type FileRole = (typeof fileRoles)[number];

export interface PhotoFile {
  path: string;
  role: FileRole;
  size: number;
  mtimeMs: number;
  fingerprint: string | null;
}

export interface Photo {
  id: string;
  /** Null once the photo's shoot was removed but the photo was kept because it carries flags. */
  shootId: string | null;
  folder: string;
  stem: string;
  captureTime: string | null;
  captureOffset: string | null;
  fingerprint: string | null;
  status: PhotoStatus;
  attentionReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PhotoWithFiles extends Photo {
  files: PhotoFile[];
}

export const variantKinds = ['thumb', 'web'] as const;
export type VariantKind = (typeof variantKinds)[number];

export interface Variant {
  photoId: string;
  kind: VariantKind;
  contentHash: string;
  /** Relative to the library's variant cache folder, so a moved library keeps its variants. */
  relPath: string;
  width: number;
  height: number;
  bytes: number;
  madeAt: string;
}

export type PickState = (typeof pickValues)[number];
export type ColorLabel = (typeof colorLabels)[number];

export interface PhotoFlags {
  photoId: string;
  rating: number;
  pick: PickState;
  colorLabel: ColorLabel | null;
  updatedAt: string;
}

/** One cell of the shoot grid: the photo, its flags and its thumbnail, in one row. */
export interface PhotoGridItem {
  id: string;
  folder: string;
  stem: string;
  status: PhotoStatus;
  attentionReason: string | null;
  captureTime: string | null;
  rating: number;
  pick: PickState;
  colorLabel: ColorLabel | null;
  thumb: { relPath: string; width: number; height: number; contentHash: string } | null;
}

export interface Page {
  offset: number;
  limit: number;
}
