import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, JSON_BODY_LIMIT } from '../build-server';
import { PAIRING_RATE } from '../routes/pairing';
import { createTestDatabase, type TestDatabase } from '../test-support/test-databases';
import { describeOnEachDatabase } from '../test-support/test-server';

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cache-control')).toBe('no-store');
}

describeOnEachDatabase('HTTP basics', (server) => {
  it('answers the public health check, with security headers', async () => {
    const res = await server().request('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expectSecurityHeaders(res.headers);
  });

  it('answers an unknown route with a JSON 404 that names it', async () => {
    const res = await server().request('GET', '/v1/nothing-here?x=1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('GET /v1/nothing-here') } });
    expectSecurityHeaders(res.headers);
  });

  it('refuses malformed JSON with a readable 400', async () => {
    const res = await server().request('POST', '/v1/devices/pair', { body: '{"code": ' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'invalid_input', message: 'The request body is not valid JSON.' });
    expectSecurityHeaders(res.headers);
  });

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const res = await server().request('POST', '/v1/devices/pair', { body: { code: 'x'.repeat(JSON_BODY_LIMIT + 10), deviceName: 'a' } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('64 KiB');
    expectSecurityHeaders(res.headers);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await server().request('POST', '/v1/devices/pair', { body: '<pair/>', headers: { 'content-type': 'application/xml' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('names the fields that failed validation', async () => {
    const res = await server().request('POST', '/v1/devices/pair', { body: { code: 'ABCD-EFGH-JKMN' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.message).toMatch(/^The pairing request was not accepted: deviceName: /);
    expect(res.body.error.fields).toHaveProperty('deviceName');
  });
});

describe('server options', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.dispose());

  it('becomes a generic JSON 500 without a stack, and the details go to the log only', async () => {
    const logged: string[] = [];
    const app = await buildServer(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: database.dataDir,
        database: database.database,
        mail: { kind: 'eml-folder', dir: database.dataDir },
        trustProxy: false,
        galleryWebDir: database.dataDir,
      },
      { logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } },
    );
    app.get('/v1/test-boom', async () => {
      throw new Error('secret internal detail at /srv/proofdesk/db.ts:12');
    });
    const res = await app.inject({ method: 'GET', url: '/v1/test-boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: expect.stringContaining('Something went wrong on the server') } });
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('.ts:');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(logged.join('')).toContain('secret internal detail');
  });

  it('behind N trusted proxies, rate limits key on the forwarded client address', async () => {
    const app = await buildServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: database.dataDir,
      database: database.database,
      mail: { kind: 'eml-folder', dir: database.dataDir },
      trustProxy: 1,
      galleryWebDir: database.dataDir,
    });
    const attempt = (forwardedFor: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/devices/pair',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { code: 'AAAA-AAAA-AAAA', deviceName: 'x' },
      });
    try {
      for (let i = 0; i < PAIRING_RATE.limit; i += 1) expect((await attempt('203.0.113.1')).statusCode).toBe(401);
      expect((await attempt('203.0.113.1')).statusCode).toBe(429);
      // A spoofed extra hop on the left is not trusted: the address the proxy saw still counts.
      expect((await attempt('198.51.100.1, 203.0.113.1')).statusCode).toBe(429);
      expect((await attempt('203.0.113.2')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
