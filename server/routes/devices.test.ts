import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test-support/test-server';

describeOnEachDatabase('studio devices', (server) => {
  it('GET /v1/me names the studio and this device', async () => {
    const studio = await server().newStudio('Northlight');
    const res = await server().request('GET', '/v1/me', { token: studio.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      studio: { id: studio.studioId, name: 'Northlight', email: expect.stringContaining('@example.com') },
      device: { id: studio.deviceId, name: 'First laptop' },
    });
  });

  it('GET /v1/devices lists the studio’s devices only, marks the current one, and never shows token hashes', async () => {
    const studio = await server().newStudio();
    const second = await server().pairAnotherDevice(studio, 'Retouch PC');
    await server().newStudio('Someone else');
    const res = await server().request('GET', '/v1/devices', { token: second.token });
    expect(res.status).toBe(200);
    expect(res.body.devices).toEqual([
      {
        id: studio.deviceId,
        name: 'First laptop',
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
        revokedAt: null,
        current: false,
      },
      {
        id: second.deviceId,
        name: 'Retouch PC',
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
        revokedAt: null,
        current: true,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/hash/i);
  });

  it('a revoked device is refused with 401 and told what happened; the others keep working', async () => {
    const studio = await server().newStudio();
    const stolen = await server().pairAnotherDevice(studio, 'Stolen laptop');
    const revoke = await server().request('POST', `/v1/devices/${stolen.deviceId}/revoke`, { token: studio.token });
    expect(revoke.status).toBe(200);
    expect(revoke.body.device).toMatchObject({ id: stolen.deviceId, revokedAt: expect.stringMatching(/Z$/), current: false });

    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/devices'],
      ['POST', '/v1/pairing-codes'],
    ] as const) {
      const refused = await server().request(method, path, { token: stolen.token });
      expect(refused.status).toBe(401);
      expect(refused.body.error).toEqual({
        code: 'unauthorized',
        message: expect.stringMatching(/^This device was disconnected from the studio account on \d{4}-.*Pair it again/),
      });
      expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await server().request('GET', '/v1/me', { token: studio.token })).status).toBe(200);
  });

  it('revoking twice keeps the first time', async () => {
    const studio = await server().newStudio();
    const other = await server().pairAnotherDevice(studio);
    const first = await server().request('POST', `/v1/devices/${other.deviceId}/revoke`, { token: studio.token });
    server().clock.offsetMs += 5000;
    const second = await server().request('POST', `/v1/devices/${other.deviceId}/revoke`, { token: studio.token });
    server().clock.offsetMs -= 5000;
    expect(second.status).toBe(200);
    expect(second.body.device.revokedAt).toBe(first.body.device.revokedAt);
  });

  it('a device can disconnect itself, and is refused afterwards', async () => {
    const studio = await server().newStudio();
    const res = await server().request('POST', `/v1/devices/${studio.deviceId}/revoke`, { token: studio.token });
    expect(res.status).toBe(200);
    expect(res.body.device.current).toBe(true);
    expect((await server().request('GET', '/v1/me', { token: studio.token })).status).toBe(401);
  });

  it("cannot revoke another studio's device: 404, and that device keeps working", async () => {
    const mine = await server().newStudio();
    const theirs = await server().newStudio('Rival');
    const res = await server().request('POST', `/v1/devices/${theirs.deviceId}/revoke`, { token: mine.token });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no such device in this studio account/);
    expect((await server().request('GET', '/v1/me', { token: theirs.token })).status).toBe(200);
  });

  it('validates the device id and the body', async () => {
    const studio = await server().newStudio();
    const badId = await server().request('POST', '/v1/devices/not-an-id/revoke', { token: studio.token });
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields).toHaveProperty('deviceId');
    const badBody = await server().request('POST', `/v1/devices/${studio.deviceId}/revoke`, { token: studio.token, body: { reason: 'x' } });
    expect(badBody.status).toBe(400);
  });

  it('refuses a token whose secret was altered', async () => {
    const studio = await server().newStudio();
    const [kind, id, secret] = studio.token.split('.') as [string, string, string];
    const altered = `${kind}.${id}.${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    const res = await server().request('GET', '/v1/me', { token: altered });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/not valid for this server/);
  });
});
