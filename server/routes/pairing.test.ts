import { expect, it } from 'vitest';
import { issuePairingCode, PAIRING_CODE_TTL_MS } from '../accounts/pairing-codes';
import { createStudio } from '../accounts/studios';
import { describeOnEachDatabase } from '../test-support/test-server';
import { PAIRING_RATE } from './pairing';

let emails = 0;
const newEmail = () => {
  emails += 1;
  return `pair-${Date.now()}-${emails}@example.com`;
};

describeOnEachDatabase('POST /v1/devices/pair', (server) => {
  const studioWithCode = async () => {
    const { db, now } = server().app.proofdesk;
    return createStudio(db, { name: 'Lens & Light', email: newEmail() }, now());
  };

  it('trades a pairing code for a device token that works, shown once and stored only as a hash', async () => {
    const created = await studioWithCode();
    const res = await server().request('POST', '/v1/devices/pair', { body: { code: created.pairing.code, deviceName: 'Studio MacBook' } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^pdd\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(res.body.device).toMatchObject({ name: 'Studio MacBook', createdAt: expect.stringMatching(/Z$/) });
    expect(res.body.studio).toEqual({ id: created.studio.id, name: 'Lens & Light' });

    const me = await server().request('GET', '/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.device.id).toBe(res.body.device.id);

    const row = await server()
      .app.proofdesk.db.selectFrom('devices')
      .selectAll()
      .where('id', '=', res.body.device.id)
      .executeTakeFirstOrThrow();
    const secret = res.body.token.split('.')[2];
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the code typed in lower case with spaces instead of dashes', async () => {
    const created = await studioWithCode();
    const typed = created.pairing.code.toLowerCase().replaceAll('-', ' ');
    const res = await server().request('POST', '/v1/devices/pair', { body: { code: typed, deviceName: 'Laptop' } });
    expect(res.status).toBe(201);
  });

  it('is single use: the second device gets 401 and is told to make a new code', async () => {
    const created = await studioWithCode();
    const body = { code: created.pairing.code, deviceName: 'Laptop' };
    expect((await server().request('POST', '/v1/devices/pair', { body })).status).toBe(201);
    const again = await server().request('POST', '/v1/devices/pair', { body });
    expect(again.status).toBe(401);
    expect(again.body.error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/already used.*Create a new code/) });
  });

  it('lets only one of two simultaneous requests with the same code win', async () => {
    const created = await studioWithCode();
    const body = { code: created.pairing.code, deviceName: 'Racer' };
    const results = await Promise.all(Array.from({ length: 5 }, () => server().request('POST', '/v1/devices/pair', { body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 401, 401, 401, 401]);
  });

  it('expires', async () => {
    const created = await studioWithCode();
    server().clock.offsetMs += PAIRING_CODE_TTL_MS + 1000;
    try {
      const res = await server().request('POST', '/v1/devices/pair', { body: { code: created.pairing.code, deviceName: 'Late laptop' } });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/expired.*15 minutes/);
    } finally {
      server().clock.offsetMs -= PAIRING_CODE_TTL_MS + 1000;
    }
  });

  it('refuses an unknown code with 401 and no detail about other studios', async () => {
    const res = await server().request('POST', '/v1/devices/pair', { body: { code: 'ZZZZ-ZZZZ-ZZZZ', deviceName: 'Laptop' } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/^This pairing code is not valid/);
  });

  it('answers brute force with 429 and Retry-After, even for the right code, per client IP', async () => {
    const created = await studioWithCode();
    const app = server().app;
    const attempt = (code: string, ip: string) =>
      app.inject({ method: 'POST', url: '/v1/devices/pair', remoteAddress: ip, payload: { code, deviceName: 'Guess' } });
    for (let i = 0; i < PAIRING_RATE.limit; i += 1) {
      expect((await attempt(`AAAA-BBBB-${String(i).padStart(4, '2')}`, '203.0.113.7')).statusCode).toBe(401);
    }
    const blocked = await attempt(created.pairing.code, '203.0.113.7');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toEqual({
      code: 'rate_limited',
      message: 'Too many pairing attempts from your network. Wait 15 minutes and try again.',
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    // Another network is not affected, and the code was not used up by the refused attempt.
    expect((await attempt(created.pairing.code, '198.51.100.2')).statusCode).toBe(201);
  });

  it('does not count successful pairings against the network', async () => {
    const { db, now } = server().app.proofdesk;
    const created = await studioWithCode();
    for (let i = 0; i < PAIRING_RATE.limit + 2; i += 1) {
      const { code } = await issuePairingCode(db, created.studio.id, now());
      const res = await server().app.inject({
        method: 'POST',
        url: '/v1/devices/pair',
        remoteAddress: '192.0.2.50',
        payload: { code, deviceName: `Laptop ${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
  });

  it('a paired device can issue a code that pairs another laptop', async () => {
    const studio = await server().newStudio();
    const issued = await server().request('POST', '/v1/pairing-codes', { token: studio.token });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeGreaterThan(PAIRING_CODE_TTL_MS - 60_000);
    const paired = await server().request('POST', '/v1/devices/pair', { body: { code: issued.body.code, deviceName: 'Assistant laptop' } });
    expect(paired.status).toBe(201);
    expect(paired.body.studio.id).toBe(studio.studioId);
  });
});
