// The client gallery web page: GET /g/:slug answers index.html (the page reads the slug from
// its URL), GET /g/assets/* its static files, both from config.galleryWebDir. The page gets
// its own CSP: its own scripts, styles, images, fonts and API calls only, never framed.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/validate';
import { galleryAccessParams } from '../schemas/api';
import { GalleryWebFiles } from '../web/gallery-web-files';

export const GALLERY_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Build tools put a content hash in asset names (app-3f9a1c2e.js): those never change, so cache them for good. */
const HASHED_NAME = /[.-][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const notBuilt = () =>
  new ApiError('not_found', 'The gallery page is not installed on this server yet. The server operator needs to build it (npm run build).');

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('content-security-policy', GALLERY_PAGE_CSP);
}

export async function galleryPageRoutes(app: FastifyInstance): Promise<void> {
  const files = new GalleryWebFiles(app.proofdesk.config.galleryWebDir, app.proofdesk.now);

  app.get('/g/:slug', async (request, reply) => {
    parseInput(galleryAccessParams, request.params, 'The gallery link');
    const index = await files.index();
    if (!index) {
      request.log.warn({ dir: app.proofdesk.config.galleryWebDir }, 'gallery page requested but index.html is missing');
      throw notBuilt();
    }
    // The page itself holds nothing secret, but always fetch it fresh so a new build shows at once.
    return pageHeaders(reply).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });

  app.get('/g/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const asset = await files.asset(name);
    if (!asset) throw new ApiError('not_found', 'There is no such file of the gallery page. Reload the page.');
    return pageHeaders(reply)
      .header('cache-control', HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('content-length', String(asset.size))
      .type(asset.contentType)
      .send(createReadStream(asset.file));
  });
}
