// The real hosted API for the gallery page's end-to-end test: a fresh SQLite database, the
// built page from out/gallery-web, and a studio device that publishes real proofs through the
// studio routes, exactly as the desktop app's sync does.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { redeemPairingCode } from '../../server/accounts/pairing-codes';
import { createStudio } from '../../server/accounts/studios';
import { buildServer } from '../../server/build-server';
import { createTestDatabase } from '../../server/test-support/test-databases';
import { type DeliveryMethod, type GallerySettings, putGalleryResponse } from '../../shared/schemas/hosted-api';
import { fixtureProofs } from './gallery-web-fixture-photos';

export interface PublishedGallery {
  slug: string;
  code: string;
  photoNames: string[];
}

export interface RealGalleryServer {
  origin: string;
  publish(input: {
    title: string;
    photoCount: number;
    settings: GallerySettings;
    deliveryMethods: DeliveryMethod[];
  }): Promise<PublishedGallery>;
  close(): Promise<void>;
}

export async function startRealGalleryServer(galleryWebDir: string): Promise<RealGalleryServer> {
  const database = await createTestDatabase('sqlite');
  const app = await buildServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: database.dataDir,
    database: database.database,
    mail: { kind: 'eml-folder', dir: `${database.dataDir}/mail` },
    trustProxy: false,
    galleryWebDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { db, storage } = app.proofdesk;
  const created = await createStudio(db, { name: 'Studio Nowak', email: `studio-${randomUUID()}@example.com` }, Date.now());
  const { token } = await redeemPairingCode(db, created.pairing.code, 'Studio laptop', Date.now());

  const call = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${origin}${url}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const answer: unknown = await response.json();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };

  return {
    origin,
    async publish({ title, photoCount, settings, deliveryMethods }) {
      const proofs = (await fixtureProofs()).slice(0, photoCount);
      const photos = [];
      for (const proof of proofs) {
        const proofSha256 = await storage.put(Readable.from([proof.jpeg]));
        photos.push({ id: proof.id, name: proof.name, proofSha256, width: proof.width, height: proof.height });
      }
      const clientId = `client-${randomUUID()}`;
      await call('PUT', `/v1/clients/${clientId}`, { name: 'Ola Wiśniewska', email: 'ola@example.pl', phone: null, language: 'pl' });
      const galleryId = randomUUID();
      const put = putGalleryResponse.parse(
        await call('PUT', `/v1/galleries/${galleryId}`, { clientId, title, settings, deliveryMethods, photos }),
      );
      if (!put.accessCode) throw new Error('A new gallery must come with its access code.');
      await call('POST', `/v1/galleries/${galleryId}/publish`);
      return { slug: put.slug, code: put.accessCode, photoNames: proofs.map((p) => p.name) };
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
