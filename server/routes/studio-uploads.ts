// Chunked, resumable uploads (issue 5 point 3): JSON to start and finish, raw bytes for the
// chunks. The octet-stream parser and its 8 MiB limit exist in this scope only.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startUploadBody, UPLOAD_CHUNK_MAX_BYTES } from '../../shared/schemas/hosted-api';
import { deviceOf } from '../auth/require-device';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/validate';
import { chunkQuery, emptyBody, uploadIdParams } from '../schemas/api';
import { KeyedLock } from '../uploads/keyed-lock';
import { PartialFiles } from '../uploads/partial-files';
import { finishUpload, startUpload, type UploadDeps, writeChunk } from '../uploads/uploads';

export async function studioUploadRoutes(app: FastifyInstance): Promise<void> {
  const { db, storage, now, config } = app.proofdesk;
  const partials = new PartialFiles(path.join(config.dataDir, 'uploads'));
  const chunkLock = new KeyedLock();
  const deps = (): UploadDeps => ({ db, storage, partials, now: now() });

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: UPLOAD_CHUNK_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/v1/uploads', async (request) => {
    const device = deviceOf(request);
    const body = parseInput(startUploadBody, request.body, 'The upload');
    return startUpload(deps(), device.studioId, body);
  });

  app.put('/v1/uploads/:uploadId', { bodyLimit: UPLOAD_CHUNK_MAX_BYTES }, async (request) => {
    const device = deviceOf(request);
    const { uploadId } = parseInput(uploadIdParams, request.params, 'The upload id');
    const { offset } = parseInput(chunkQuery, request.query, 'The chunk offset');
    if (!Buffer.isBuffer(request.body)) {
      throw new ApiError('unsupported_media_type', 'Send the upload chunk as raw bytes with "Content-Type: application/octet-stream".');
    }
    const chunk = request.body;
    return chunkLock.run(uploadId, () => writeChunk(deps(), device.studioId, uploadId, offset, chunk));
  });

  app.post('/v1/uploads/:uploadId/finish', async (request) => {
    const device = deviceOf(request);
    const { uploadId } = parseInput(uploadIdParams, request.params, 'The upload id');
    parseInput(emptyBody, request.body, 'The finish request');
    return chunkLock.run(uploadId, () => finishUpload(deps(), device.studioId, uploadId));
  });
}
