// One laptop, no setup: the hosted service Proofdesk runs on loopback leaves a pairing code in a
// 0600 file, and the library's sync pairs itself with it on its first round.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../services/sync/test-support/server-process';
import { openStudio } from '../services/sync/test-support/studio-fixture';
import { readLocalPairing } from './local-server';

let server: ServerProcess;
let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pd-local-pairing-'));
  file = path.join(dir, 'local-pairing.json');
  server = await startServerProcess({ PROOFDESK_LOCAL_PAIRING_FILE: file });
});
afterAll(async () => {
  await server?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

it('the local service creates the studio and leaves a code only this user can read; the app pairs itself once', async () => {
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const offer = await readLocalPairing(file);
  expect(offer).toEqual({ code: expect.stringMatching(/\S{6,}/), deviceName: expect.any(String) });
  expect(server.count("SELECT count(*) FROM studios WHERE email = 'studio@proofdesk.localhost'")).toBe(1);

  let offers = 0;
  const studio = openStudio(server.url, {
    autoPair: () => {
      offers += 1;
      return readLocalPairing(file);
    },
  });
  const status = await studio.sync.syncNow();
  expect(status).toMatchObject({ paired: true, revoked: false, lastError: null });
  // Paired: the next rounds do not look for a code again.
  await studio.sync.syncNow();
  expect(offers).toBe(1);
  // A second laptop cannot reuse the code (single use): it stays unpaired, and asks once.
  const other = openStudio(server.url, { autoPair: () => readLocalPairing(file) });
  expect((await other.sync.syncNow()).paired).toBe(false);
  expect((await other.sync.syncNow()).paired).toBe(false);

  // Restarted, the service issues a new code for the same studio (no second account).
  await server.restart();
  expect((await other.sync.syncNow()).paired).toBe(true);
  expect(server.count('SELECT count(*) FROM studios')).toBe(1);
  expect(server.count('SELECT count(*) FROM devices')).toBe(2);
});

it('an expired or unreadable file offers nothing', async () => {
  const stale = path.join(dir, 'stale.json');
  writeFileSync(stale, JSON.stringify({ code: 'ABC-DEF-GHI', expiresAt: '2001-01-01T00:00:00.000Z' }));
  expect(await readLocalPairing(stale)).toBeNull();
  writeFileSync(stale, '{half');
  expect(await readLocalPairing(stale)).toBeNull();
  expect(await readLocalPairing(path.join(dir, 'missing.json'))).toBeNull();
});
