// Whether a client may use a gallery right now: only a published gallery that has not
// expired. Checked on every client request, so unpublishing or expiry takes effect at once,
// open sessions included. The messages are what the client reads on the gallery page.

import { ApiError } from '../http/api-error';
import type { GalleryRow } from './galleries';

export function assertOpenToClients(gallery: Pick<GalleryRow, 'status' | 'expires_at'>, now: number): void {
  if (gallery.status !== 'published') {
    throw new ApiError('forbidden', 'Your photographer has taken this gallery offline for now. Ask them when it will be available again.');
  }
  if (gallery.expires_at !== null && gallery.expires_at <= now) {
    const day = new Date(gallery.expires_at).toISOString().slice(0, 10);
    // 410 Gone: the link was right, the gallery is just over. The code stays a known one for clients.
    throw new ApiError('not_found', `This gallery expired on ${day}. If you still need your photos, ask your photographer to extend it.`, {
      status: 410,
      details: { expiredAt: new Date(gallery.expires_at).toISOString() },
    });
  }
}
