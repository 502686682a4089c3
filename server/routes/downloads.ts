// The client's downloads (delivery-api deliveryRoutes): no session, the link's token is the
// credential (deliveries/download-links.ts). GET /d/:token is the download page (HTML, the
// client's language); GET /v1/downloads/:token lists the sets; …/files/:fileId streams one file
// (Range, ETag, Content-Disposition with the UTF-8 name); …/zip?set=full|web streams one set as a
// zip with an exact Content-Length. An unknown token is 404, an expired or replaced one 410.
// Counted per IP (every request, generously: a download manager asks in many ranges) and unknown
// tokens per IP (strictly: nobody guesses 256 bits, but nobody should get to try either). HEAD
// answers the headers without reading or recording anything.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type DeliverySet, deliverySets } from '../../shared/schemas/delivery-api';
import { listDeliveryFiles, type StoredDeliveryFile } from '../deliveries/delivery-state';
import { setLabels } from '../deliveries/delivery-words';
import { deliveryZip } from '../deliveries/delivery-zip';
import { DownloadLinkError, type ResolvedLink, resolveDownloadToken } from '../deliveries/download-links';
import { deliveryAudience } from '../deliveries/download-mail';
import { recordDownload } from '../deliveries/download-recorder';
import { ApiError } from '../http/api-error';
import { attachment } from '../http/content-disposition';
import { sendStoredFile, unsavable } from '../http/stored-file';
import { parseInput } from '../http/validate';
import { enforceRateLimit, type RateRule } from '../security/rate-limit';
import {
  DOWNLOAD_PAGE_CSP,
  type DownloadList,
  languageFromHeader,
  renderDownloadPage,
  renderDownloadProblemPage,
} from '../web/download-page';
import { DOWNLOAD_PAGE_CSS, DOWNLOAD_PAGE_CSS_NAME } from '../web/download-page-style';

export const DOWNLOAD_RATE_PER_IP: RateRule = { what: 'download requests', limit: 1000, windowMs: 10 * 60 * 1000 };
export const UNKNOWN_LINK_RATE_PER_IP: RateRule = { what: 'attempts with unknown download links', limit: 20, windowMs: 15 * 60 * 1000 };

const tokenParams = z.object({ token: z.string().min(1).max(200) });
const fileParams = tokenParams.extend({ fileId: z.string().min(1).max(100) });
const zipQuery = z.object({ set: z.enum(deliverySets, 'full or web') });

export async function downloadRoutes(app: FastifyInstance): Promise<void> {
  const { db, storage, now } = app.proofdesk;

  async function resolve(request: FastifyRequest, token: string): Promise<ResolvedLink> {
    await enforceRateLimit(db, `download:ip:${request.ip}`, DOWNLOAD_RATE_PER_IP, now());
    try {
      return await resolveDownloadToken(db, token, now());
    } catch (error) {
      if (error instanceof DownloadLinkError && error.problem === 'unknown') {
        await enforceRateLimit(db, `download:unknown:${request.ip}`, UNKNOWN_LINK_RATE_PER_IP, now());
      }
      throw error;
    }
  }

  async function listOf(resolved: ResolvedLink): Promise<{ list: DownloadList; files: StoredDeliveryFile[] }> {
    const { order, link } = resolved;
    const audience = await deliveryAudience(db, order);
    const files = await listDeliveryFiles(db, order.id);
    const sets = deliverySets
      .map((set) => {
        const inSet = files.filter((f) => f.set === set);
        return {
          set,
          files: inSet.map((f) => ({ fileId: f.fileId, name: f.name, size: f.size, width: f.width, height: f.height })),
          totalBytes: inSet.reduce((sum, f) => sum + f.size, 0),
        };
      })
      .filter((s) => s.files.length > 0);
    return {
      files,
      list: {
        studioName: audience.studioName,
        galleryTitle: audience.galleryTitle,
        orderNumber: order.number,
        language: audience.language,
        expiresAt: new Date(Number(link.expires_at)).toISOString(),
        sets,
      },
    };
  }

  app.get('/v1/downloads/:token', async (request) => {
    const { token } = parseInput(tokenParams, request.params, 'The download link');
    return (await listOf(await resolve(request, token))).list;
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/v1/downloads/:token/files/:fileId',
    handler: async (request, reply) => {
      const { token, fileId } = parseInput(fileParams, request.params, 'The file');
      const resolved = await resolve(request, token);
      const file = await db
        .selectFrom('delivery_files')
        .selectAll()
        .where('order_id', '=', resolved.order.id)
        .where('file_id', '=', fileId)
        .executeTakeFirst();
      if (!file) throw new ApiError('not_found', 'This file is not part of your delivery. Reload the download page to see its files.');
      return sendStoredFile(request, reply, storage, { sha256: file.sha256, size: Number(file.size), name: file.name }, () =>
        recordDownload(db, { order: resolved.order, key: `file:${file.file_id}`, what: file.name, now: now() }),
      );
    },
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/v1/downloads/:token/zip',
    handler: async (request, reply) => {
      const { token } = parseInput(tokenParams, request.params, 'The download link');
      const { set } = parseInput(zipQuery, request.query, 'The set to download');
      const resolved = await resolve(request, token);
      const { list, files } = await listOf(resolved);
      const inSet = files.filter((f) => f.set === set);
      const label = setLabels[list.language][set as DeliverySet];
      if (inSet.length === 0) throw new ApiError('not_found', `This delivery has no files in “${label}”. Reload the download page.`);
      const folder = unsavable(label);
      const mtime = new Date(Number(resolved.link.created_at));
      const zip = deliveryZip(
        storage,
        inSet.map((f) => ({ path: `${folder}/${f.name}`, sha256: f.sha256, size: f.size })),
        mtime,
      );
      reply
        .header('content-length', String(zip.size))
        .header('accept-ranges', 'none')
        .header('content-disposition', attachment(unsavable(`${list.galleryTitle} ${list.orderNumber} - ${label}.zip`)))
        .type('application/zip');
      if (request.method === 'HEAD') {
        zip.stream.destroy();
        return reply.send();
      }
      await recordDownload(db, { order: resolved.order, key: `zip:${set}`, what: `zip:${set}`, now: now() });
      return reply.send(zip.stream);
    },
  });

  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.code(status).header('content-security-policy', DOWNLOAD_PAGE_CSP).type('text/html; charset=utf-8').send(html);

  app.get('/d/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params, 'The download link');
    try {
      const resolved = await resolve(request, token);
      return page(reply, 200, renderDownloadPage((await listOf(resolved)).list, token));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rate_limited') {
        for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
        return page(reply, 429, renderDownloadProblemPage('busy', languageFromHeader(request.headers['accept-language']), null));
      }
      if (!(error instanceof DownloadLinkError)) throw error;
      if (error.problem === 'unknown') {
        return page(reply, 404, renderDownloadProblemPage('unknown', languageFromHeader(request.headers['accept-language']), null));
      }
      const audience = error.order ? await deliveryAudience(db, error.order) : null;
      return page(reply, 410, renderDownloadProblemPage('gone', audience?.language ?? 'en', audience?.studioName ?? null));
    }
  });

  app.get('/d/assets/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    if (name !== DOWNLOAD_PAGE_CSS_NAME) throw new ApiError('not_found', 'There is no such file of the download page. Reload the page.');
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', DOWNLOAD_PAGE_CSP)
      .type('text/css; charset=utf-8')
      .send(DOWNLOAD_PAGE_CSS);
  });
}
