import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { HOST_SOCKET_PATH } from '../../shared/host-protocol';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { makeTestCore } from '../../test/helpers/test-core';
import { type RunningHost, startHost } from './host-server';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let host: RunningHost;
const trustedOrigins = new Set<string>();

beforeEach(async () => {
  temp = await makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Proofdesk</title>');
  await fs.writeFile(path.join(temp.dir, 'secret.txt'), 'not for you');
  const { core } = makeTestCore(path.join(temp.dir, 'config'), { trusted: (o) => o !== null && trustedOrigins.has(o) });
  host = await startHost({ core, rendererDir, token: 'a'.repeat(43) });
  for (const origin of host.origins) trustedOrigins.add(origin);
});
afterEach(async () => {
  await host.close();
  trustedOrigins.clear();
  await temp.cleanup();
});

function connect(options: { token?: string | null; origin?: string }) {
  const query = options.token === null ? '' : `?token=${options.token ?? host.token}`;
  return new WebSocket(`ws://127.0.0.1:${host.port}${HOST_SOCKET_PATH}${query}`, { origin: options.origin ?? host.origin });
}

function refusal(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('connection was accepted')));
    ws.on('error', () => undefined);
  });
}

function rawGet(pathname: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: pathname, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('listens on loopback only and hands out the token in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.openUrl).toBe(`${host.origin}/#token=${host.token}`);
  });

  it('answers calls over the socket with the dispatcher envelope and pushes events', async () => {
    const ws = connect({});
    await new Promise((resolve) => ws.once('open', resolve));
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ t: 'call', id: 1, name: 'app.info', input: {} }));
    ws.send(JSON.stringify({ t: 'call', id: 2, name: 'library.create', input: { path: path.join(temp.dir, 'lib'), name: 'Test studio' } }));
    await expect.poll(() => messages.length).toBeGreaterThanOrEqual(3);
    expect(messages).toContainEqual(expect.objectContaining({ t: 'result', id: 1, envelope: expect.objectContaining({ ok: true }) }));
    expect(messages).toContainEqual(
      expect.objectContaining({ t: 'event', name: 'library.changed', payload: expect.objectContaining({ name: 'Test studio' }) }),
    );
    ws.close();
  });

  it('answers a malformed message with a readable error instead of dropping the socket', async () => {
    const ws = connect({});
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send('{not json');
    expect(await reply).toMatchObject({ t: 'result', id: null, envelope: { ok: false, error: { code: 'invalid_input' } } });
    ws.close();
  });

  it('refuses a socket without a token', async () => {
    expect(await refusal(connect({ token: null }))).toBe(401);
  });

  it('refuses a socket with a wrong token of the same length', async () => {
    expect(await refusal(connect({ token: 'b'.repeat(43) }))).toBe(401);
  });

  it('refuses a socket from another origin even with the token', async () => {
    expect(await refusal(connect({ origin: 'https://evil.example' }))).toBe(403);
  });

  it('serves the renderer with CSP that allows only its own socket', async () => {
    const res = await rawGet('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Proofdesk');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`ws://127.0.0.1:${host.port}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await rawGet(attempt);
      expect(res.status, attempt).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('not for you');
    }
  });
});
