import { expect, it } from 'vitest';
import { describeOnEachDatabase, type TestServer, type TestStudio } from '../test-support/test-server';
import { completeKey, releaseKey, reserveKey, STALE_PENDING_MS } from './idempotency-store';

async function pairingCodeCount(server: TestServer, studio: TestStudio): Promise<number> {
  const rows = await server.app.proofdesk.db.selectFrom('pairing_codes').select('id').where('studio_id', '=', studio.studioId).execute();
  return rows.length;
}

describeOnEachDatabase('Idempotency-Key on studio POSTs', (server) => {
  const issue = (studio: TestStudio, key?: string, body?: unknown) =>
    server().request('POST', '/v1/pairing-codes', { token: studio.token, headers: key ? { 'idempotency-key': key } : {}, body });

  it('replays the stored answer for a repeated key and applies the change once', async () => {
    const studio = await server().newStudio();
    const before = await pairingCodeCount(server(), studio);
    const key = '0190f5b2-7c1e-7a3b-9c4d-2e5f6a7b8c9d';
    const first = await issue(studio, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const repeats = [];
    for (let i = 0; i < 20; i += 1) repeats.push(await issue(studio, key));
    for (const again of repeats) {
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await pairingCodeCount(server(), studio)).toBe(before + 1);
  });

  it('without a key, every POST is a new change', async () => {
    const studio = await server().newStudio();
    const before = await pairingCodeCount(server(), studio);
    const a = await issue(studio);
    const b = await issue(studio);
    expect(a.body.code).not.toBe(b.body.code);
    expect(await pairingCodeCount(server(), studio)).toBe(before + 2);
  });

  it('keys belong to one device: the same key from another device is a different change', async () => {
    const studio = await server().newStudio();
    const other = await server().pairAnotherDevice(studio);
    const a = await issue(studio, 'shared-key-1');
    const b = await issue(other, 'shared-key-1');
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(a.body.code).not.toBe(b.body.code);
  });

  it('refuses a key reused for a different request with 422', async () => {
    const studio = await server().newStudio();
    const victim = await server().pairAnotherDevice(studio);
    expect((await issue(studio, 'key-reuse')).status).toBe(201);
    const reused = await server().request('POST', `/v1/devices/${victim.deviceId}/revoke`, {
      token: studio.token,
      headers: { 'idempotency-key': 'key-reuse' },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toEqual({ code: 'conflict', message: expect.stringMatching(/already used for a different request/) });
    // ...and the different request did not run.
    expect((await server().request('GET', '/v1/me', { token: victim.token })).status).toBe(200);
  });

  it('replays a stored error answer too, so a retried bad request stays the same bad request', async () => {
    const studio = await server().newStudio();
    const first = await issue(studio, 'bad-body', { unexpected: true });
    expect(first.status).toBe(400);
    const again = await issue(studio, 'bad-body', { unexpected: true });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('makes a repeated revoke answer the same', async () => {
    const studio = await server().newStudio();
    const other = await server().pairAnotherDevice(studio);
    const path = `/v1/devices/${other.deviceId}/revoke`;
    const first = await server().request('POST', path, { token: studio.token, headers: { 'idempotency-key': 'revoke-1' } });
    const again = await server().request('POST', path, { token: studio.token, headers: { 'idempotency-key': 'revoke-1' } });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('concurrent requests with one key produce one change', async () => {
    const studio = await server().newStudio();
    const before = await pairingCodeCount(server(), studio);
    const results = await Promise.all(Array.from({ length: 8 }, () => issue(studio, 'burst-key')));
    const ok = results.filter((r) => r.status === 201);
    const busy = results.filter((r) => r.status === 409);
    expect(ok.length + busy.length).toBe(8);
    expect(new Set(ok.map((r) => r.body.code)).size).toBe(1);
    for (const r of busy) expect(r.body.error.message).toMatch(/still being processed/);
    expect(await pairingCodeCount(server(), studio)).toBe(before + 1);
  });

  it('refuses a malformed key', async () => {
    const studio = await server().newStudio();
    const res = await issue(studio, 'has spaces in it');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^The Idempotency-Key header was not accepted/);
  });

  it('store: a released key (server failure) runs again; a stale pending one is taken over', async () => {
    const studio = await server().newStudio();
    const { db, now } = server().app.proofdesk;
    expect(await reserveKey(db, `device:${studio.deviceId}`, 'k1', 'h', now())).toEqual({ kind: 'reserved' });
    expect(await reserveKey(db, `device:${studio.deviceId}`, 'k1', 'h', now())).toEqual({ kind: 'in_progress' });
    await releaseKey(db, `device:${studio.deviceId}`, 'k1');
    expect(await reserveKey(db, `device:${studio.deviceId}`, 'k1', 'h', now())).toEqual({ kind: 'reserved' });
    expect(await reserveKey(db, `device:${studio.deviceId}`, 'k1', 'h', now() + STALE_PENDING_MS + 1)).toEqual({ kind: 'reserved' });
    await completeKey(db, `device:${studio.deviceId}`, 'k1', 201, '{"ok":true}');
    expect(await reserveKey(db, `device:${studio.deviceId}`, 'k1', 'h', now())).toEqual({
      kind: 'replay',
      statusCode: 201,
      body: '{"ok":true}',
    });
    expect(await reserveKey(db, `device:${studio.deviceId}`, 'k1', 'other', now())).toEqual({ kind: 'mismatch' });
  });
});
