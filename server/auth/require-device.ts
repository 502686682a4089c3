// onRequest hook for studio routes: runs before the body is read, so a stranger's upload is
// refused without parsing it.
import type { FastifyInstance } from 'fastify';
import { authenticateDevice } from '../accounts/devices';

export function requireDevice(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const { db, now } = app.proofdesk;
    request.device = await authenticateDevice(db, request.headers.authorization, now());
  });
}
