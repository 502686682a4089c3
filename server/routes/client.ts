// Client-gallery routes: the gallery always comes from the session, never from the URL, and
// every mutation honours Idempotency-Key (scoped to the gallery, so a retry after re-entering
// the code still matches). One encapsulated scope so no route can forget either.
import type { FastifyInstance } from 'fastify';
import { requireClient } from '../auth/require-client';
import { galleryOwner, installIdempotency } from '../idempotency/idempotency-hooks';
import { clientGalleryRoutes } from './client-gallery';
import { clientOrderRoutes } from './client-orders';
import { clientPaymentRoutes } from './client-payments';
import { clientSelectionRoutes } from './client-selections';

export async function clientRoutes(app: FastifyInstance): Promise<void> {
  requireClient(app);
  installIdempotency(app, galleryOwner);
  await app.register(clientGalleryRoutes);
  await app.register(clientSelectionRoutes);
  await app.register(clientOrderRoutes);
  await app.register(clientPaymentRoutes);
}
