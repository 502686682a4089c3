// GET /v1/health — public, for load balancers and the app's "test connection": answers 503
// when the database cannot be reached, so a broken instance is taken out of rotation.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ApiError } from '../http/api-error';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/v1/health', async (request) => {
    try {
      await sql`select 1`.execute(app.proofdesk.db);
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      throw new ApiError('offline', 'The server is running but cannot reach its database. Check the database and the server log.');
    }
    return { status: 'ok' };
  });
}
