// Design §4: the studio's outbox resends a change until it gets an answer, with the same
// Idempotency-Key each time; the client gallery page does the same for orders. A repeated key
// (same owner) gets the stored answer back and the change is not applied twice. Registered
// inside an authenticated scope, after the hook that decides who the owner is.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/validate';
import { idempotencyKey } from '../schemas/api';
import { sha256Hex } from '../security/tokens';
import { completeKey, releaseKey, reserveKey } from './idempotency-store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who a key belongs to: "device:<id>" or "gallery:<id>"; null when the request is not authenticated. */
export type IdempotencyOwner = (request: FastifyRequest) => string | null;

export const deviceOwner: IdempotencyOwner = (request) => (request.device ? `device:${request.device.deviceId}` : null);
export const galleryOwner: IdempotencyOwner = (request) => (request.client ? `gallery:${request.client.galleryId}` : null);

export function installIdempotency(app: FastifyInstance, ownerOf: IdempotencyOwner): void {
  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    const owner = ownerOf(request);
    if (!MUTATIONS.has(request.method) || header === undefined || !owner) return;
    // Upload chunks are binary and carry their own replay protection (the offset); hashing
    // and storing megabytes per key would buy nothing.
    if (Buffer.isBuffer(request.body)) return;
    const key = parseInput(idempotencyKey, header, 'The Idempotency-Key header');
    const { db, now } = app.proofdesk;
    // The same key with a different request is a client bug; replaying would hide it.
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
    const reservation = await reserveKey(db, owner, key, requestHash, now());
    switch (reservation.kind) {
      case 'reserved':
        request.idempotency = { owner, key };
        return;
      case 'replay':
        reply.code(reservation.statusCode).header('content-type', 'application/json; charset=utf-8').header(REPLAYED_HEADER, 'true');
        return reply.send(reservation.body);
      case 'in_progress':
        throw new ApiError('conflict', 'A request with this Idempotency-Key is still being processed. Retry in a few seconds.', {
          headers: { 'retry-after': '2' },
        });
      case 'mismatch':
        throw new ApiError(
          'conflict',
          'This Idempotency-Key was already used for a different request. Send each new change with a new key.',
          {
            status: 422,
          },
        );
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.idempotency;
    if (!state) return payload;
    request.idempotency = null;
    const { db } = app.proofdesk;
    // A server failure is not an answer: release the key so the retry runs the change again.
    if (reply.statusCode >= 500 || typeof payload !== 'string') await releaseKey(db, state.owner, state.key);
    else await completeKey(db, state.owner, state.key, reply.statusCode, payload);
    return payload;
  });
}
