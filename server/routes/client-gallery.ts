// GET /v1/client/gallery (the page's data; each load is a gallery.viewed for the studio) and
// GET /v1/client/photos/:photoId/proof (the proof image, only for photos of the session's gallery).
import type { FastifyInstance } from 'fastify';
import { clientOf } from '../auth/require-client';
import { ChangeBatcher } from '../changes/change-batcher';
import { clientGalleryView } from '../galleries/client-view';
import { findGalleryById } from '../galleries/galleries';
import { ApiError } from '../http/api-error';
import { imageTypeOf, peekStart } from '../http/image-type';
import { parseInput } from '../http/validate';
import { photoIdParams } from '../schemas/api';
import { BlobCache } from '../storage/blob-cache';

/** Private: only this browser may keep it. The ETag (the proof's sha256) makes revalidation cheap. */
const PROOF_CACHE = 'private, max-age=3600';

export async function clientGalleryRoutes(app: FastifyInstance): Promise<void> {
  const { db, storage, now } = app.proofdesk;
  const proofs = new BlobCache(storage);
  // Page loads come in bursts; their gallery.viewed changes share commits (group commit).
  const views = new ChangeBatcher(db);

  app.get('/v1/client/gallery', async (request) => {
    const client = clientOf(request);
    const gallery = await findGalleryById(db, client.galleryId);
    if (!gallery) throw new ApiError('not_found', 'This gallery is no longer available. Ask your photographer for a new link.');
    const view = await clientGalleryView(db, gallery);
    await views.record({ studioId: client.studioId, galleryId: gallery.id, type: 'gallery.viewed', at: now(), payload: {} });
    return view;
  });

  app.get('/v1/client/photos/:photoId/proof', async (request, reply) => {
    const client = clientOf(request);
    const { photoId } = parseInput(photoIdParams, request.params, 'The photo');
    const photo = await db
      .selectFrom('gallery_photos')
      .select('proof_sha256')
      .where('gallery_id', '=', client.galleryId)
      .where('photo_id', '=', photoId)
      .executeTakeFirst();
    if (!photo) throw new ApiError('not_found', 'This photo is not in your gallery. Reload the gallery page to see its current photos.');
    const etag = `"${photo.proof_sha256}"`;
    reply.header('cache-control', PROOF_CACHE).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const proof = await proofs.read(photo.proof_sha256);
    if (!proof) {
      throw new ApiError('not_found', 'This photo is still being uploaded by your photographer. Try again in a few minutes.', {
        headers: { 'cache-control': 'no-store' },
      });
    }
    const head = Buffer.isBuffer(proof) ? proof : await peekStart(proof);
    return reply.type(imageTypeOf(head)).send(proof);
  });
}
