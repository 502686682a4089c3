// Sends one 'upload' outbox row over the resumable upload routes: POST /v1/uploads (the
// server may already have the content: done), PUT each chunk at its offset, then finish.
// Progress (upload id + bytes the server acknowledged) is saved after every chunk, so after
// a crash, a restart or a dropped connection the upload resumes instead of starting over;
// when our idea of the offset is wrong the server's 409 says where to resume.
import { uploadStateSchema } from '../../../shared/schemas/hosted-api';
import type { Catalog, OutboxItem } from '../catalog';
import type { ApiAnswer, ApiClient } from './api-client';
import { checkLocalFile, readChunk } from './local-file';
import { attempt, failureOf, type SendOutcome } from './send-outcome';

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const CHUNK_TIMEOUT_MS = 120_000;
const MAX_FINISH_ROUNDS = 4;

export interface UploadContext {
  api: ApiClient;
  token: string;
  catalog: Catalog;
  chunkBytes: number;
  onProgress?: (seq: number, sentBytes: number, totalBytes: number) => void;
}

type UploadItem = OutboxItem & { kind: 'upload' };

/** The offset the server expects, from a 409 `{ error: { expectedOffset } }`. */
function expectedOffset(answer: ApiAnswer): number | null {
  if (answer.status !== 409) return null;
  const value = (answer.body as { error?: { expectedOffset?: unknown } } | null)?.error?.expectedOffset;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export async function sendUpload(ctx: UploadContext, item: UploadItem): Promise<SendOutcome> {
  const { api, token, catalog } = ctx;
  const { file, sha256, size } = item.body;
  const local = await checkLocalFile(file, sha256, size);
  if (!local.ok) return { kind: 'rejected', message: local.message, response: null };

  let uploadId = item.uploadId;
  let received = item.uploadReceived ?? 0;
  if (uploadId === null) {
    const started = await attempt(() =>
      api.request('POST', '/v1/uploads', { token, json: { sha256, size }, idempotencyKey: item.idempotencyKey }),
    );
    if ('kind' in started) return started;
    const failure = failureOf(started);
    if (failure) return failure;
    const state = uploadStateSchema.safeParse(started.body);
    if (!state.success)
      return {
        kind: 'retry',
        message: 'The server sent an upload answer this version does not understand.',
        retryAfterMs: null,
        offline: false,
      };
    if (state.data.complete) return { kind: 'done', response: started.body };
    uploadId = state.data.uploadId;
    received = state.data.received;
    catalog.outbox.saveUploadProgress(item.seq, uploadId, received);
  }

  const base = `/v1/uploads/${encodeURIComponent(uploadId)}`;
  // Each finish round has its own key: the server stores a 409 "bytes missing" answer like any
  // other, and the same key would replay that stale answer after the missing bytes were sent.
  for (let round = 0; round < MAX_FINISH_ROUNDS; round += 1) {
    while (received < size) {
      if (catalog.outbox.get(item.seq)?.state === 'cancelled') return { kind: 'cancelled' };
      const bytes = await readChunk(file, received, Math.min(ctx.chunkBytes, size - received));
      const answer = await attempt(() =>
        api.request('PUT', `${base}?offset=${received}`, {
          token,
          bytes,
          idempotencyKey: `${item.idempotencyKey}:${received}`,
          timeoutMs: CHUNK_TIMEOUT_MS,
        }),
      );
      if ('kind' in answer) return answer;
      const resumeAt = expectedOffset(answer);
      if (resumeAt === null) {
        const failure = failureOf(answer);
        if (failure) return failure;
      }
      const state = uploadStateSchema.safeParse(answer.body);
      const next = resumeAt ?? (state.success ? state.data.received : received + bytes.length);
      // An answer that does not move us forward or back to a new place would loop forever.
      if (next === received && resumeAt === null)
        return { kind: 'retry', message: 'The server did not take the upload chunk.', retryAfterMs: null, offline: false };
      received = Math.min(next, size);
      catalog.outbox.saveUploadProgress(item.seq, uploadId, received);
      ctx.onProgress?.(item.seq, received, size);
    }
    const finished = await attempt(() =>
      api.request('POST', `${base}/finish`, { token, idempotencyKey: `${item.idempotencyKey}:finish:${round}` }),
    );
    if ('kind' in finished) return finished;
    const resumeAt = expectedOffset(finished);
    // Finish before every byte arrived (the server lost some when it restarted): send the rest.
    if (resumeAt !== null && resumeAt < size) {
      received = resumeAt;
      catalog.outbox.saveUploadProgress(item.seq, uploadId, received);
      continue;
    }
    return failureOf(finished) ?? { kind: 'done', response: finished.body };
  }
  return {
    kind: 'retry',
    message: 'The server kept asking for bytes it already had; the upload is tried again later.',
    retryAfterMs: null,
    offline: false,
  };
}
