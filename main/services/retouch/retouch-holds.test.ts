// Holding and handling a task against the real server: a hold is renewed automatically when less
// than a third of it is left (not before, and offline it simply waits); the originals of a batch
// are saved into a folder as a job; the file to open is the photographer's own.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../sync/test-support/server-process';
import { RENEW_BEFORE_MS } from './leases';
import { LEASE_MINUTES } from './retouch-requests';
import { SHOOT_FILES, studioWithRetouchOrder } from './test-support/retouch-studio';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

it('renews a hold running out, not one with time left; offline it waits without a problem', async () => {
  let ahead = 0;
  const { studio: anna, orderId } = await studioWithRetouchOrder(server, 'Anna', () => new Date(Date.now() + ahead));
  const taskId = anna.retouch.list('all', '', orderId).rows[0]?.taskId as string;
  await anna.retouch.claim([taskId]);
  const first = anna.retouch.get(taskId).view.task.lease?.expiresAt as string;
  expect(Date.parse(first) - Date.now()).toBeGreaterThan((LEASE_MINUTES - 1) * 60_000);
  expect(await anna.retouch.renewDue()).toEqual({ renewed: [], refused: [] });

  // An hour and a half later (this laptop's clock): less than a third left, so it is renewed.
  ahead = LEASE_MINUTES * 60_000 - RENEW_BEFORE_MS + 5 * 60_000;
  expect(await anna.retouch.renewDue()).toEqual({ renewed: [taskId], refused: [] });
  const renewed = anna.retouch.get(taskId).view;
  expect(renewed.history.at(-1)).toMatchObject({ eventType: 'renew', actor: { name: 'Anna' } });
  expect(Date.parse(renewed.task.lease?.expiresAt as string)).toBeGreaterThan(Date.parse(first));

  // Later again, with the server away: nothing renewed, nothing refused, no problem shown.
  ahead = Date.parse(renewed.task.lease?.expiresAt as string) - Date.now() - RENEW_BEFORE_MS + 60_000;
  await server.kill();
  expect(await anna.retouch.renewDue()).toEqual({ renewed: [], refused: [] });
  expect(anna.retouch.get(taskId).problem).toBeNull();
  await server.restart();
}, 60_000);

it('saves a batch’s originals into a folder as a job, and finds the file to open', async () => {
  const { studio: anna, orderId, shootDir } = await studioWithRetouchOrder(server);
  const taskId = anna.retouch.list('all', '', orderId).rows[0]?.taskId as string;
  const folder = path.join(anna.dir, 'To retouch');
  mkdirSync(folder);
  const { jobId, done } = anna.retouch.downloadOriginals([taskId], folder, 'folder');
  await done;
  expect(anna.job(jobId)).toMatchObject({ kind: 'retouch.originals', state: 'done', done: 1, total: 1 });
  expect(existsSync(path.join(folder, SHOOT_FILES[0] as string))).toBe(true);

  // Opening: the photographer's own file for the original; no version yet.
  expect(await anna.retouch.filePath(taskId, 'original')).toBe(path.join(shootDir, SHOOT_FILES[0] as string));
  await expect(anna.retouch.filePath(taskId, 'latest_version')).rejects.toThrow(/No version of/);
}, 60_000);
