// A real server for API tests: fresh database, listening on 127.0.0.1:0, plus the few
// helpers every suite needs (a studio with a paired device, a published gallery, a fetch
// wrapper) and a restart on the same database and data folder.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DeliveryMethod, GallerySettings } from '../../shared/schemas/hosted-api';
import { issuePairingCode, redeemPairingCode } from '../accounts/pairing-codes';
import { createStudio } from '../accounts/studios';
import { buildServer } from '../build-server';
import type { MailConfig, ServerConfig } from '../config';
import type { MailSenderOptions } from '../mail/mail-sender';
import { createTestDatabase, type DatabaseKind, databaseKinds, type TestDatabase } from './test-databases';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON and assert on it
  body: any;
}

export interface TestStudio {
  studioId: string;
  deviceId: string;
  token: string;
}

export interface TestPhoto {
  id: string;
  name: string;
  proofSha256: string;
  width: number;
  height: number;
}

export interface TestGallery {
  id: string;
  slug: string;
  title: string;
  accessCode: string;
  clientId: string;
  photos: TestPhoto[];
  deliveryMethods: DeliveryMethod[];
  settings: GallerySettings;
}

export interface GalleryOptions {
  title?: string;
  photoCount?: number;
  settings?: Partial<GallerySettings>;
  deliveryMethods?: DeliveryMethod[];
  /** Default true; false leaves a draft. */
  publish?: boolean;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestServer {
  kind: DatabaseKind;
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  config: ServerConfig;
  /** The server's clock: tests add to `offsetMs` to step past expiry times. */
  clock: { offsetMs: number };
  request: (method: string, path: string, options?: RequestOptions) => Promise<ApiResponse>;
  newStudio: (name?: string) => Promise<TestStudio>;
  pairAnotherDevice: (studio: TestStudio, name?: string) => Promise<TestStudio>;
  /** A client, proofs in storage, and a gallery created (and published) through the API. */
  newGallery: (studio: TestStudio, titleOrOptions?: string | GalleryOptions) => Promise<TestGallery>;
  /** Enters the access code; returns the client session token. */
  openGallery: (gallery: Pick<TestGallery, 'slug' | 'accessCode'>) => Promise<string>;
  /** Stops this Fastify instance and starts a new one on the same database and data folder. */
  restart: () => Promise<void>;
}

export const defaultSettings: GallerySettings = {
  expiresAt: null,
  allowWebDownloads: true,
  watermark: false,
  manualValidation: false,
  retouchBeforeDelivery: false,
  autoSendDownloadLinks: true,
  saveDeterrent: false,
};

export const defaultDeliveryMethods: DeliveryMethod[] = [
  { id: 'full', kind: 'digital_full', label: 'Full resolution', priceMinor: 1500, currency: 'PLN', vatRateBp: 2300, pricing: 'per_photo' },
  {
    id: 'pack',
    kind: 'digital_web',
    label: 'All web-size files',
    priceMinor: 25_000,
    currency: 'PLN',
    vatRateBp: 2300,
    pricing: 'package',
  },
];

/** Bytes that start like a JPEG, unique per call, so each proof is its own blob. */
export function fakeJpeg(size = 64): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);
}

let studioCounter = 0;

/** A tiny built gallery page, standing in for out/gallery-web. */
async function writeGalleryWeb(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'assets', 'fonts'), { recursive: true });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Gallery</title><script type="module" src="/g/assets/app-1a2b3c4d.js"></script>',
  );
  await writeFile(path.join(dir, 'assets', 'app-1a2b3c4d.js'), 'console.log("gallery");');
  await writeFile(path.join(dir, 'assets', 'style.css'), 'body{margin:0}');
  await writeFile(path.join(dir, 'assets', 'fonts', 'serif-9f8e7d6c.woff2'), 'font');
  await writeFile(path.join(dir, 'assets', 'notes.secret'), 'not a web file');
}

export interface TestServerOptions {
  /** Default: .eml files in <dataDir>/mail. */
  mail?: MailConfig;
  /** Default: the sender's own timings (a 5 s poll; kick() after each commit still sends at once). */
  mailSender?: MailSenderOptions;
  /** Default 'test' (server/payments/test-provider.ts); null: a server without card payments. */
  cardProvider?: 'test' | null;
}

export async function startTestServer(
  kind: DatabaseKind,
  options: TestServerOptions = {},
): Promise<TestServer & { close: () => Promise<void> }> {
  const database: TestDatabase = await createTestDatabase(kind);
  const galleryWebDir = path.join(database.dataDir, 'gallery-web');
  await writeGalleryWeb(galleryWebDir);
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: database.dataDir,
    database: database.database,
    mail: options.mail ?? { kind: 'eml-folder', dir: `${database.dataDir}/mail` },
    trustProxy: false,
    galleryWebDir,
    ...(options.cardProvider === null ? {} : { cardProvider: 'test' as const }),
  };
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  const listen = async () => {
    const started = await buildServer(config, { now, ...(options.mailSender ? { mail: options.mailSender } : {}) });
    await started.listen({ port: 0, host: '127.0.0.1' });
    return { app: started, baseUrl: `http://127.0.0.1:${(started.server.address() as AddressInfo).port}` };
  };
  let running = await listen();

  const request: TestServer['request'] = async (method, urlPath, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.body !== undefined) {
      if (Buffer.isBuffer(options.body)) {
        headers['content-type'] ??= 'application/octet-stream';
        body = options.body;
      } else {
        headers['content-type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
    }
    const response = await fetch(`${running.baseUrl}${urlPath}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: leave the text for the assertion to show.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };

  const pair = async (studioId: string, code: string, name: string): Promise<TestStudio> => {
    const paired = await redeemPairingCode(running.app.proofdesk.db, code, name, now());
    return { studioId, deviceId: paired.device.id, token: paired.token };
  };

  const expectOk = (res: ApiResponse, what: string) => {
    if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  const newGallery: TestServer['newGallery'] = async (studio, titleOrOptions = {}) => {
    const options = typeof titleOrOptions === 'string' ? { title: titleOrOptions } : titleOrOptions;
    const clientId = `client-${randomUUID()}`;
    expectOk(
      await request('PUT', `/v1/clients/${clientId}`, {
        token: studio.token,
        body: { name: 'Anna Nowak', email: 'anna@example.com', phone: null, language: 'pl' },
      }),
      'PUT client',
    );
    const photos: TestPhoto[] = [];
    for (let i = 0; i < (options.photoCount ?? 3); i += 1) {
      const proofSha256 = await running.app.proofdesk.storage.put(Readable.from([fakeJpeg()]));
      photos.push({
        id: `photo-${randomUUID()}`,
        name: `IMG_${String(i + 1).padStart(4, '0')}.jpg`,
        proofSha256,
        width: 2048,
        height: 1365,
      });
    }
    const settings = { ...defaultSettings, ...options.settings };
    const deliveryMethods = options.deliveryMethods ?? defaultDeliveryMethods;
    const galleryId = randomUUID();
    const title = options.title ?? 'Wedding proofs';
    const put = expectOk(
      await request('PUT', `/v1/galleries/${galleryId}`, {
        token: studio.token,
        body: { clientId, title, settings, deliveryMethods, photos },
      }),
      'PUT gallery',
    );
    if (options.publish !== false)
      expectOk(await request('POST', `/v1/galleries/${galleryId}/publish`, { token: studio.token }), 'publish');
    return { id: galleryId, slug: put.body.slug, title, accessCode: put.body.accessCode, clientId, photos, deliveryMethods, settings };
  };

  return {
    kind,
    get app() {
      return running.app;
    },
    get baseUrl() {
      return running.baseUrl;
    },
    config,
    clock,
    request,
    newStudio: async (name = 'Test Studio') => {
      studioCounter += 1;
      const created = await createStudio(
        running.app.proofdesk.db,
        { name, email: `owner-${process.pid}-${studioCounter}-${Date.now()}@example.com` },
        now(),
      );
      return pair(created.studio.id, created.pairing.code, 'First laptop');
    },
    pairAnotherDevice: async (studio, name = 'Second laptop') => {
      const issued = await issuePairingCode(running.app.proofdesk.db, studio.studioId, now());
      return pair(studio.studioId, issued.code, name);
    },
    newGallery,
    openGallery: async (gallery) => {
      const res = expectOk(await request('POST', `/v1/galleries/${gallery.slug}/access`, { body: { code: gallery.accessCode } }), 'access');
      return res.body.token as string;
    },
    restart: async () => {
      await running.app.close();
      running = await listen();
    },
    close: async () => {
      await running.app.close();
      await database.dispose();
    },
  };
}

/**
 * Runs the same suite once on SQLite and once on PostgreSQL, each with its own fresh database.
 * A database that cannot start fails every test of its suite with the reason (what to install):
 * a failing beforeAll alone would report them as skipped, and skipped is not allowed here.
 */
export function describeOnEachDatabase(
  name: string,
  suite: (server: () => TestServer) => void,
  /** A function when the options are known only once the file's own beforeAll ran (an SMTP server's port). */
  options: TestServerOptions | (() => TestServerOptions) = {},
): void {
  for (const kind of databaseKinds) {
    describe(`${name} [${kind}]`, () => {
      let server: (TestServer & { close: () => Promise<void> }) | undefined;
      let startError: unknown;
      beforeAll(async () => {
        try {
          server = await startTestServer(kind, typeof options === 'function' ? options() : options);
        } catch (error) {
          startError = error;
        }
      });
      afterAll(async () => {
        await server?.close();
      });
      suite(() => {
        if (startError) throw startError;
        if (!server) throw new Error(`The ${kind} test server did not start.`);
        return server;
      });
    });
  }
}
