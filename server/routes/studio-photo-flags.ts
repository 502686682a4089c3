// PUT /v1/galleries/:galleryId/photos/:photoId/flags — the studio's rating, pick and colour label
// of a gallery photo, shared by every device of the studio through the feed (photo.flagged).
import type { FastifyInstance } from 'fastify';
import { photoFlagsBody } from '../../shared/schemas/hosted-api';
import { deviceOf } from '../auth/require-device';
import { actorOf } from '../changes/studio-changes';
import { setPhotoFlags } from '../galleries/photo-flags';
import { parseInput } from '../http/validate';
import { galleryPhotoParams } from '../schemas/api';

export async function studioPhotoFlagRoutes(app: FastifyInstance): Promise<void> {
  app.put('/v1/galleries/:galleryId/photos/:photoId/flags', async (request) => {
    const device = deviceOf(request);
    const { galleryId, photoId } = parseInput(galleryPhotoParams, request.params, 'The gallery and photo ids');
    const flags = parseInput(photoFlagsBody, request.body, 'The photo flags');
    return setPhotoFlags(
      app.proofdesk.db,
      { studioId: device.studioId, galleryId, photoId, flags, by: actorOf(device) },
      app.proofdesk.now(),
    );
  });
}
