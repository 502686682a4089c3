// Client activity mirrored from the server's change feed (tables client_*, migration 002).

/** One change-feed entry as the server sends it (shared/schemas/hosted-api.ts changeSchema). */
export interface FeedChange {
  seq: number;
  type: string;
  galleryId: string;
  at: string;
  payload: Record<string, unknown>;
}

// clients, galleries and flags: what other studio devices changed (studio-apply.ts); retouch: a
// retouch task's view (retouch-apply.ts).
export const activityKinds = ['views', 'favourites', 'basket', 'orders', 'clients', 'galleries', 'flags', 'retouch', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export interface GalleryViews {
  galleryId: string;
  firstViewedAt: string;
  lastViewedAt: string;
  viewCount: number;
}

export interface ClientPhotoMark {
  photoId: string;
  addedAt: string;
}

export interface ClientOrder {
  id: string;
  galleryId: string;
  state: string;
  placedAt: string;
  /** The order as the server sent it (orderSchema in shared/schemas/hosted-api.ts). */
  data: Record<string, unknown>;
  updatedAt: string;
}

export interface ActivityEntry {
  seq: number;
  galleryId: string;
  type: string;
  photoId: string | null;
  orderId: string | null;
  at: string;
  payload: Record<string, unknown>;
}

export interface AppliedPage {
  /** Changes applied now; a change already applied (same seq) is skipped. */
  applied: number;
  skipped: number;
  /** What changed, for the app's onChange(kind, galleryId) events; each pair once. */
  touched: { kind: ActivityKind; galleryId: string }[];
  /** Sentences for the user about what other studio devices changed, e.g. "“X” was taken offline on Studio iMac." */
  remarks: string[];
}
