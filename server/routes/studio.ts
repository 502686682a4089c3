// Studio routes: every one needs a paired, non-revoked device token, and every mutation honours
// Idempotency-Key. Registered as one encapsulated scope so no route can forget either; the
// publishing, photo-flag, upload, change-feed, order-desk, delivery and retouch-queue routes are registered inside it.
import type { FastifyInstance } from 'fastify';
import { type DeviceSummary, listDevices, revokeDevice } from '../accounts/devices';
import { issuePairingCode } from '../accounts/pairing-codes';
import { deviceOf, requireDevice } from '../auth/require-device';
import { parseInput } from '../http/validate';
import { deviceOwner, installIdempotency } from '../idempotency/idempotency-hooks';
import { deviceIdParams, emptyBody } from '../schemas/api';
import { studioChangeRoutes } from './studio-changes';
import { studioClientRoutes } from './studio-clients';
import { studioDeliveryRoutes } from './studio-deliveries';
import { studioGalleryRoutes } from './studio-galleries';
import { studioOrderRoutes } from './studio-orders';
import { studioPhotoFlagRoutes } from './studio-photo-flags';
import { studioRetouchRoutes } from './studio-retouch';
import { studioUploadRoutes } from './studio-uploads';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function deviceJson(d: DeviceSummary, currentDeviceId: string) {
  return {
    id: d.id,
    name: d.name,
    createdAt: iso(d.createdAt),
    lastSeenAt: iso(d.lastSeenAt),
    revokedAt: iso(d.revokedAt),
    current: d.id === currentDeviceId,
  };
}

export async function studioRoutes(app: FastifyInstance): Promise<void> {
  requireDevice(app);
  installIdempotency(app, deviceOwner);
  await app.register(studioClientRoutes);
  await app.register(studioGalleryRoutes);
  await app.register(studioPhotoFlagRoutes);
  await app.register(studioUploadRoutes);
  await app.register(studioChangeRoutes);
  await app.register(studioOrderRoutes);
  await app.register(studioDeliveryRoutes);
  await app.register(studioRetouchRoutes);

  app.get('/v1/me', async (request) => {
    const device = deviceOf(request);
    const studio = await app.proofdesk.db
      .selectFrom('studios')
      .select(['id', 'name', 'email'])
      .where('id', '=', device.studioId)
      .executeTakeFirstOrThrow();
    return { studio, device: { id: device.deviceId, name: device.deviceName } };
  });

  app.get('/v1/devices', async (request) => {
    const device = deviceOf(request);
    const devices = await listDevices(app.proofdesk.db, device.studioId);
    return { devices: devices.map((d) => deviceJson(d, device.deviceId)) };
  });

  app.post('/v1/devices/:deviceId/revoke', async (request) => {
    const device = deviceOf(request);
    const { deviceId } = parseInput(deviceIdParams, request.params, 'The device to disconnect');
    parseInput(emptyBody, request.body, 'The disconnect request');
    const revoked = await revokeDevice(app.proofdesk.db, device.studioId, deviceId, app.proofdesk.now());
    return { device: deviceJson(revoked, device.deviceId) };
  });

  app.post('/v1/pairing-codes', async (request, reply) => {
    const device = deviceOf(request);
    parseInput(emptyBody, request.body, 'The pairing-code request');
    const issued = await issuePairingCode(app.proofdesk.db, device.studioId, app.proofdesk.now());
    return reply.code(201).send({ code: issued.code, expiresAt: new Date(issued.expiresAt).toISOString() });
  });
}
