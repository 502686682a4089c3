// onRequest hook for studio routes: runs before the body is read, so a stranger's upload is
// refused without parsing it.
import type { FastifyInstance } from 'fastify';
import { authenticateDevice } from '../accounts/devices';
import { ApiError } from '../http/api-error';

export function requireDevice(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const { db, now } = app.proofdesk;
    request.device = await authenticateDevice(db, request.headers.authorization, now());
  });
}

/** The device of a studio route; reaching a handler without one is a wiring bug. */
export function deviceOf(request: { device: { deviceId: string; studioId: string; deviceName: string } | null }) {
  if (!request.device) throw new ApiError('internal', 'Studio route reached without device authentication.');
  return request.device;
}
