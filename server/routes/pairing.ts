// POST /v1/devices/pair — public: a new studio laptop trades a pairing code for its own
// device token (shown once). Attempts are counted per client IP before the code is checked,
// and a successful pairing gives its attempt back.
import type { FastifyInstance } from 'fastify';
import { redeemPairingCode } from '../accounts/pairing-codes';
import { parseInput } from '../http/validate';
import { pairDeviceBody } from '../schemas/api';
import { enforceRateLimit, type RateRule, refundRateLimit } from '../security/rate-limit';

export const PAIRING_RATE: RateRule = { what: 'pairing attempts', limit: 10, windowMs: 15 * 60 * 1000 };

export async function pairingRoutes(app: FastifyInstance): Promise<void> {
  app.post('/v1/devices/pair', async (request, reply) => {
    const { db, now } = app.proofdesk;
    const rateKey = `pair:ip:${request.ip}`;
    await enforceRateLimit(db, rateKey, PAIRING_RATE, now());
    const body = parseInput(pairDeviceBody, request.body, 'The pairing request');
    const paired = await redeemPairingCode(db, body.code, body.deviceName, now());
    await refundRateLimit(db, rateKey);
    return reply.code(201).send({
      token: paired.token,
      device: { id: paired.device.id, name: paired.device.name, createdAt: new Date(paired.device.createdAt).toISOString() },
      studio: paired.studio,
    });
  });
}
