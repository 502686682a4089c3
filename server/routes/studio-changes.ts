// GET /v1/changes?after=<cursor>&limit=<n> — the studio pulls what its clients did (design §4).
import type { FastifyInstance } from 'fastify';
import { changesQuery } from '../../shared/schemas/hosted-api';
import { deviceOf } from '../auth/require-device';
import { listChanges } from '../changes/change-feed';
import { parseInput } from '../http/validate';

export async function studioChangeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/v1/changes', async (request) => {
    const device = deviceOf(request);
    const { after, limit } = parseInput(changesQuery, request.query, 'The change feed request');
    return listChanges(app.proofdesk.db, device.studioId, after, limit);
  });
}
