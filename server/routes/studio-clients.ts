// PUT /v1/clients/:clientId — the studio links shoots to clients; the gallery needs the client first.
import type { FastifyInstance } from 'fastify';
import { clientContactSchema } from '../../shared/schemas/hosted-api';
import { deviceOf } from '../auth/require-device';
import { actorOf } from '../changes/studio-changes';
import { upsertClient } from '../clients/clients';
import { parseInput } from '../http/validate';
import { clientIdParams } from '../schemas/api';

export async function studioClientRoutes(app: FastifyInstance): Promise<void> {
  app.put('/v1/clients/:clientId', async (request) => {
    const device = deviceOf(request);
    const { clientId } = parseInput(clientIdParams, request.params, 'The client id');
    const contact = parseInput(clientContactSchema, request.body, 'The client');
    return upsertClient(app.proofdesk.db, { studioId: device.studioId, clientId, contact, by: actorOf(device) }, app.proofdesk.now());
  });
}
