// Publishing (issue 5 point 3): create/update a gallery, publish, unpublish, regenerate its code.
// Each one reaches the studio's other devices as a gallery.updated change (by this device).
import type { FastifyInstance } from 'fastify';
import { putGalleryBody } from '../../shared/schemas/hosted-api';
import { deviceOf } from '../auth/require-device';
import { actorOf } from '../changes/studio-changes';
import { publishGallery, regenerateAccessCode, unpublishGallery } from '../galleries/gallery-publishing';
import { putGallery } from '../galleries/gallery-store';
import { parseInput } from '../http/validate';
import { emptyBody, galleryIdParams } from '../schemas/api';

/** A 20,000-photo list (the contract's maximum) is about 4 MiB of JSON. */
export const GALLERY_BODY_LIMIT = 8 * 1024 * 1024;

export async function studioGalleryRoutes(app: FastifyInstance): Promise<void> {
  const { db, storage, now } = app.proofdesk;

  app.put('/v1/galleries/:galleryId', { bodyLimit: GALLERY_BODY_LIMIT }, async (request, reply) => {
    const device = deviceOf(request);
    const { galleryId } = parseInput(galleryIdParams, request.params, 'The gallery id');
    const body = parseInput(putGalleryBody, request.body, 'The gallery');
    const { created, state } = await putGallery(db, storage, { studioId: device.studioId, galleryId, body, by: actorOf(device) }, now());
    return reply.code(created ? 201 : 200).send(state);
  });

  const action = (suffix: string, what: string, run: typeof publishGallery) =>
    app.post(`/v1/galleries/:galleryId/${suffix}`, async (request) => {
      const device = deviceOf(request);
      const { galleryId } = parseInput(galleryIdParams, request.params, 'The gallery id');
      parseInput(emptyBody, request.body, what);
      return run(db, storage, { studioId: device.studioId, galleryId, by: actorOf(device) }, now());
    });
  action('publish', 'The publish request', publishGallery);
  action('unpublish', 'The unpublish request', unpublishGallery);
  action('code', 'The new-code request', regenerateAccessCode);
}
