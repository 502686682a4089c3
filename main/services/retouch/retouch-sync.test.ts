// The retouch queue across two (and three) laptops against the real hosted API (a child process
// on loopback): a paid order with "retouch before delivery" gets its task on the server; Anna
// claims it, Bob's claim is refused naming Anna, and Bob sees her hold through the feed; Anna,
// offline, drops her edit: queued, shown at once, sent when the server is back; Bob rejects with a
// circle and a comment; Anna sees the markup, resumes and drops round 2; Bob approves and the order
// is ready to deliver. A review queued offline that the server refuses later becomes the task's
// problem with the server's sentence.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Markup } from '../../../shared/retouch';
import { type ServerProcess, startServerProcess } from '../sync/test-support/server-process';
import { untilDrained } from '../sync/test-support/studio-fixture';
import { CLAIM_OFFLINE } from './leases';
import type { RetouchLaptop } from './test-support/retouch-laptop';
import { SHOOT_FILES, secondLaptop, studioWithRetouchOrder } from './test-support/retouch-studio';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.dispose();
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The original with a painted rectangle: what a retoucher's export looks like to the diff. */
async function paintedEdit(original: string, out: string, left: number, colour: string): Promise<string> {
  const patch = await sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
    .png()
    .toBuffer();
  await sharp(original)
    .composite([{ input: patch, left, top: 20 }])
    .jpeg({ quality: 95 })
    .toFile(out);
  return out;
}

async function readyImages(laptop: RetouchLaptop, taskId: string) {
  laptop.retouch.get(taskId);
  await laptop.retouch.idle();
  return laptop.retouch.get(taskId);
}

const circle: Markup = {
  kind: 'circle',
  id: 'm1',
  comment: 'The lamp post is still there',
  color: 'red',
  center: { x: 0.3, y: 0.2 },
  rx: 0.1,
  ry: 0.08,
};

it('two laptops: one holder at a time, an offline drop sent later, a marked-up rejection, round 2, approval moves the order', async () => {
  const { studio: anna, orderId, shootDir } = await studioWithRetouchOrder(server);
  const [task] = anna.retouch.list('all', '', orderId).rows;
  if (!task) throw new Error('the paid order has no retouch task');
  expect(task).toMatchObject({ photoName: SHOOT_FILES[0], state: 'to_do', brief: 'Remove the lamp post, please', holder: null });
  expect(anna.orders.get(orderId).state).toBe('waiting_to_retouch');
  // Anna's laptop holds the photo: it uploads the original, so other laptops can download it.
  await until('the original on the server', async () => {
    await anna.sync.syncNow();
    return anna.catalog.retouch.view(task.taskId)?.photo.original;
  });

  const bob = await secondLaptop(server, anna, 'Bob', 'Studio iMac');
  expect(bob.retouch.list('unclaimed', '').rows.map((r) => r.taskId)).toEqual([task.taskId]);

  expect(await anna.retouch.claim([task.taskId])).toEqual({ claimed: [task.taskId], refused: [] });
  expect(anna.retouch.list('mine', '').rows).toMatchObject([{ taskId: task.taskId, holder: 'Anna (Studio laptop)', mine: true }]);
  await bob.sync.syncNow();
  expect(bob.retouch.get(task.taskId).row).toMatchObject({ state: 'in_progress', holder: 'Anna (Studio laptop)', mine: false });
  const refused = await bob.retouch.claim([task.taskId]);
  expect(refused.claimed).toEqual([]);
  expect(refused.refused[0]?.reason).toMatch(
    /^Anna is working on this photo until \d\d:\d\d UTC \(on Studio laptop\)\. Pick another one, or wait\.$/,
  );

  // Anna offline: claiming is refused with a sentence; her drop is queued and shown at once.
  await server.kill();
  expect((await anna.retouch.claim(['another'])).refused[0]?.reason).toBe(CLAIM_OFFLINE);
  const original = path.join(shootDir, SHOOT_FILES[0] as string);
  const edits = path.join(anna.dir, 'Edits');
  mkdirSync(edits, { recursive: true });
  const round1 = await paintedEdit(original, path.join(edits, 'orient-1-landscape-Edit.jpg'), 30, '#ff00ff');
  const preview = await anna.retouch.dropPreview(undefined, [edits]);
  const pairs = preview.rows.flatMap((r) => (r.kind === 'matched' ? [{ taskId: r.photo.photoId, path: r.file.path }] : []));
  expect(pairs).toEqual([{ taskId: task.taskId, path: round1 }]);
  await anna.retouch.submit(pairs).done;
  expect(anna.retouch.get(task.taskId)).toMatchObject({
    view: { task: { state: 'in_review' }, versions: [{ round: 1 }] },
    row: { pending: true },
  });
  expect(anna.catalog.outbox.byTopic(`retouch:${task.taskId}`, 'pending').map((r) => r.kind)).toEqual(['upload', 'request']);

  await server.restart();
  await untilDrained(anna);
  expect(anna.retouch.get(task.taskId)).toMatchObject({ view: { task: { state: 'in_review' } }, row: { pending: false }, problem: null });

  // Bob, the reviewer: downloads the original and the version, compares, sends it back with a circle.
  await bob.sync.syncNow();
  const toReview = await readyImages(bob, task.taskId);
  expect(toReview.original.status).toBe('ready');
  expect(toReview.versions).toEqual([{ round: 1, slot: expect.objectContaining({ status: 'ready' }) }]);
  const diff = await bob.retouch.diff({ taskId: task.taskId, before: 0, after: 1, threshold: 24 });
  expect(diff).toMatchObject({ kind: 'overlay', scaled: false });
  bob.retouch.review({ taskId: task.taskId, verdict: 'reject', markups: [circle], comment: 'Almost: the lamp post' });
  await untilDrained(bob);

  // Anna sees the markup after sync, resumes (online) and drops round 2.
  await anna.sync.syncNow();
  const sentBack = anna.retouch.get(task.taskId);
  expect(sentBack.view.task.state).toBe('rejected');
  expect(sentBack.view.markups['1']).toEqual([circle]);
  expect(sentBack.view.task.rounds[0]?.review).toMatchObject({
    verdict: 'rejected',
    by: { name: 'Bob' },
    comment: 'Almost: the lamp post',
    markupCount: 1,
  });
  expect(anna.retouch.list('mine', '').rows.map((r) => r.taskId)).toEqual([task.taskId]);
  const resumed = await anna.retouch.resume(task.taskId);
  expect(resumed.view.task).toMatchObject({ state: 'in_progress', rounds: [{ n: 1 }, { n: 2, retoucher: { name: 'Anna' } }] });
  const round2 = await paintedEdit(original, path.join(edits, 'orient-1-landscape-Edit.jpg'), 30, '#00ff00');
  await anna.retouch.submit([{ taskId: task.taskId, path: round2 }]).done;
  await untilDrained(anna);

  // Bob approves round 2: the order's only task is done, so the order is ready to deliver.
  await bob.sync.syncNow();
  expect(bob.retouch.get(task.taskId).view.versions.map((v) => v.round)).toEqual([1, 2]);
  bob.retouch.review({ taskId: task.taskId, verdict: 'approve', comment: 'Perfect' });
  expect(bob.retouch.get(task.taskId).view.task.state).toBe('approved');
  await untilDrained(bob);
  await anna.sync.syncNow();
  expect(anna.retouch.get(task.taskId).view.task.state).toBe('approved');
  expect(anna.orders.get(orderId).state).toBe('ready_to_deliver');
  expect(server.count('SELECT count(*) FROM retouch_versions WHERE task_id = ?', task.taskId)).toBe(2);
}, 120_000);

it('a review queued offline that the server refuses later becomes the task’s problem, with the server’s sentence', async () => {
  const { studio: anna, photoIds, shootDir } = await studioWithRetouchOrder(server);
  const bob = await secondLaptop(server, anna, 'Bob', 'Studio iMac');
  const cleo = await secondLaptop(server, anna, 'Cleo', 'Front desk');
  // A task by hand on Anna's second photo; she claims it and submits round 1.
  const { taskIds } = anna.retouch.create({
    photoIds: [photoIds[1] as string],
    brief: 'Brighten the faces',
    priority: 'high',
    dueAt: null,
  });
  const taskId = taskIds[0] as string;
  await untilDrained(anna);
  expect(anna.retouch.get(taskId).view.revision).toBeGreaterThanOrEqual(1);
  expect(anna.catalog.retouch.isLocal(taskId)).toBe(false);
  expect((await anna.retouch.claim([taskId])).claimed).toEqual([taskId]);
  const edit = await paintedEdit(path.join(shootDir, SHOOT_FILES[1] as string), path.join(anna.dir, 'progressive-edit.jpg'), 10, '#0000ff');
  await anna.retouch.submit([{ taskId, path: edit }]).done;
  await untilDrained(anna);

  // Bob goes offline (his laptop points at a dead address) and approves: shown at once.
  await bob.sync.syncNow();
  bob.sync.setServerUrl('http://127.0.0.1:9');
  bob.retouch.review({ taskId, verdict: 'approve' });
  expect(bob.retouch.get(taskId).view.task.state).toBe('approved');
  // Meanwhile Cleo sends it back.
  await cleo.sync.syncNow();
  cleo.retouch.review({ taskId, verdict: 'reject', markups: [], comment: 'Too bright now' });
  await untilDrained(cleo);

  // Bob back online: his approval is refused; the task shows the server's state and why.
  bob.sync.setServerUrl(server.url);
  await untilDrained(bob);
  const seen = bob.retouch.get(taskId);
  expect(seen.view.task.state).toBe('rejected');
  expect(seen.problem).toMatch(/^Approve \(progressive\.jpg\): No version of this photo is waiting for review \(it is sent back\)\.$/);
  expect(bob.retouch.list('all', '').rows.find((r) => r.taskId === taskId)).toMatchObject({ state: 'rejected', pending: false });
  expect(bob.retouch.dismissProblem(taskId).problem).toBeNull();
}, 120_000);
