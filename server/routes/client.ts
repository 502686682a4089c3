// Client-gallery routes: the gallery always comes from the session, never from the URL.
import type { FastifyInstance } from 'fastify';
import { requireClient } from '../auth/require-client';
import { findGalleryById } from '../galleries/galleries';
import { ApiError } from '../http/api-error';

export async function clientRoutes(app: FastifyInstance): Promise<void> {
  requireClient(app);

  app.get('/v1/client/gallery', async (request) => {
    if (!request.client) throw new ApiError('internal', 'Client route reached without a gallery session.');
    const gallery = await findGalleryById(app.proofdesk.db, request.client.galleryId);
    if (!gallery) throw new ApiError('not_found', 'This gallery is no longer available. Ask your photographer for a new link.');
    return { gallery: { slug: gallery.slug, title: gallery.title } };
  });
}
