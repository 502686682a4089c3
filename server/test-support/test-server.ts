// A real server for API tests: fresh database, listening on 127.0.0.1:0, plus the few
// helpers every suite needs (a studio with a paired device, a gallery, a fetch wrapper).
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { issuePairingCode, redeemPairingCode } from '../accounts/pairing-codes';
import { createStudio } from '../accounts/studios';
import { buildServer } from '../build-server';
import type { ServerConfig } from '../config';
import { type CreatedGallery, createGallery } from '../galleries/galleries';
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

export interface TestServer {
  kind: DatabaseKind;
  app: FastifyInstance;
  baseUrl: string;
  config: ServerConfig;
  /** The server's clock: tests add to `offsetMs` to step past expiry times. */
  clock: { offsetMs: number };
  request: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<ApiResponse>;
  newStudio: (name?: string) => Promise<TestStudio>;
  pairAnotherDevice: (studio: TestStudio, name?: string) => Promise<TestStudio>;
  newGallery: (studio: TestStudio, title?: string) => Promise<CreatedGallery>;
}

let studioCounter = 0;

export async function startTestServer(kind: DatabaseKind): Promise<TestServer & { close: () => Promise<void> }> {
  const database: TestDatabase = await createTestDatabase(kind);
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: database.dataDir,
    database: database.database,
    mail: { kind: 'eml-folder', dir: `${database.dataDir}/mail` },
    trustProxy: false,
  };
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  const app = await buildServer(config, { now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { db } = app.proofdesk;

  const request: TestServer['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
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
    const paired = await redeemPairingCode(db, code, name, now());
    return { studioId, deviceId: paired.device.id, token: paired.token };
  };

  return {
    kind,
    app,
    baseUrl,
    config,
    clock,
    request,
    newStudio: async (name = 'Test Studio') => {
      studioCounter += 1;
      const created = await createStudio(db, { name, email: `owner-${process.pid}-${studioCounter}-${Date.now()}@example.com` }, now());
      return pair(created.studio.id, created.pairing.code, 'First laptop');
    },
    pairAnotherDevice: async (studio, name = 'Second laptop') => {
      const issued = await issuePairingCode(db, studio.studioId, now());
      return pair(studio.studioId, issued.code, name);
    },
    newGallery: (studio, title = 'Wedding proofs') => createGallery(db, { studioId: studio.studioId, title }, now()),
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

/**
 * Runs the same suite once on SQLite and once on PostgreSQL, each with its own fresh database.
 * A database that cannot start fails every test of its suite with the reason (what to install):
 * a failing beforeAll alone would report them as skipped, and skipped is not allowed here.
 */
export function describeOnEachDatabase(name: string, suite: (server: () => TestServer) => void): void {
  for (const kind of databaseKinds) {
    describe(`${name} [${kind}]`, () => {
      let server: (TestServer & { close: () => Promise<void> }) | undefined;
      let startError: unknown;
      beforeAll(async () => {
        try {
          server = await startTestServer(kind);
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
