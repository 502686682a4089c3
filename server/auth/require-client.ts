// onRequest hook for client-gallery routes: the session decides which gallery is visible, and
// that gallery must be open to clients right now (published, not expired) on every request.
// The session comes from the Authorization header or the pd_client cookie. Accepting the
// cookie on mutations is safe: it is SameSite=Strict, and a cross-site page cannot send
// JSON, PUT or DELETE without a CORS preflight this server never approves.
import type { FastifyInstance } from 'fastify';
import { authenticateClient } from '../galleries/client-sessions';
import { findGalleryById } from '../galleries/galleries';
import { assertOpenToClients } from '../galleries/gallery-availability';
import { ApiError } from '../http/api-error';
import { CLIENT_COOKIE, readCookie } from '../http/cookies';

export function requireClient(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const { db, now } = app.proofdesk;
    const session = await authenticateClient(
      db,
      { authorization: request.headers.authorization, cookie: readCookie(request.headers.cookie, CLIENT_COOKIE) },
      now(),
    );
    const gallery = await findGalleryById(db, session.galleryId);
    if (!gallery) throw new ApiError('not_found', 'This gallery is no longer available. Ask your photographer for a new link.');
    assertOpenToClients(gallery, now());
    request.client = { ...session, studioId: gallery.studio_id };
  });
}

/** The authenticated client of a client route; reaching a handler without one is a wiring bug. */
export function clientOf(request: { client: { sessionId: string; galleryId: string; studioId: string } | null }) {
  if (!request.client) throw new ApiError('internal', 'Client route reached without a gallery session.');
  return request.client;
}
