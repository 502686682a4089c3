// onRequest hook for client-gallery routes: the session decides which gallery is visible.
import type { FastifyInstance } from 'fastify';
import { authenticateClient } from '../galleries/client-sessions';

export function requireClient(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const { db, now } = app.proofdesk;
    request.client = await authenticateClient(db, request.headers.authorization, now());
  });
}
