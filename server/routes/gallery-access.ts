// POST /v1/galleries/:slug/access — public: a client enters the gallery's access code and
// gets a short-lived session for that gallery only, as a token and as the pd_client cookie. Counted per slug+IP (guessing one
// gallery's code) and per IP (sweeping many links); a correct code gives its attempt back.
import type { FastifyInstance } from 'fastify';
import { CLIENT_SESSION_TTL_MS, createClientSession } from '../galleries/client-sessions';
import { findGalleryBySlug } from '../galleries/galleries';
import { assertOpenToClients } from '../galleries/gallery-availability';
import { ApiError } from '../http/api-error';
import { clientSessionCookie } from '../http/cookies';
import { parseInput } from '../http/validate';
import { galleryAccessBody, galleryAccessParams } from '../schemas/api';
import { verifyAccessCode, verifyAgainstNothing } from '../security/access-code-hash';
import { enforceRateLimit, type RateRule, refundRateLimit } from '../security/rate-limit';

export const ACCESS_RATE_PER_GALLERY: RateRule = { what: 'access code attempts for this gallery', limit: 10, windowMs: 15 * 60 * 1000 };
export const ACCESS_RATE_PER_IP: RateRule = { what: 'access code attempts', limit: 100, windowMs: 15 * 60 * 1000 };

export async function galleryAccessRoutes(app: FastifyInstance): Promise<void> {
  app.post('/v1/galleries/:slug/access', async (request, reply) => {
    const { db, now } = app.proofdesk;
    const { slug } = parseInput(galleryAccessParams, request.params, 'The gallery link');
    const galleryKey = `access:gallery-ip:${slug}:${request.ip}`;
    const ipKey = `access:ip:${request.ip}`;
    await enforceRateLimit(db, ipKey, ACCESS_RATE_PER_IP, now());
    await enforceRateLimit(db, galleryKey, ACCESS_RATE_PER_GALLERY, now());
    const { code } = parseInput(galleryAccessBody, request.body, 'The access code');

    const gallery = await findGalleryBySlug(db, slug);
    // One answer for "no such link" and "wrong code", in the same time: links cannot be probed.
    const ok = gallery ? await verifyAccessCode(code, gallery.access_code_hash) : await verifyAgainstNothing(code);
    if (!gallery || !ok) {
      throw new ApiError(
        'unauthorized',
        'That access code does not open this gallery. Check the code and the link in the e-mail from your photographer.',
      );
    }
    await refundRateLimit(db, galleryKey);
    await refundRateLimit(db, ipKey);
    // Only someone holding the right code learns that the gallery is offline or expired.
    assertOpenToClients(gallery, now());
    const session = await createClientSession(db, gallery.id, now());
    reply.header('set-cookie', clientSessionCookie(session.token, CLIENT_SESSION_TTL_MS, request.protocol === 'https'));
    return {
      token: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      gallery: { slug: gallery.slug, title: gallery.title },
    };
  });
}
