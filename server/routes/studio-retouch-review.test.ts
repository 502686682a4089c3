// The retouch queue's review through the API: a version is submitted only once uploaded, a rejection
// keeps its markups (relative vectors) for the round, the retoucher resumes round 2, and the last
// approval of an order moves the order to ready to deliver in the same transaction, once, even
// when two reviewers approve the order's last two photos at the same moment.
import { expect, it } from 'vitest';
import { markupListSchema } from '../../shared/retouch/markup';
import type { RetouchTaskView } from '../../shared/schemas/retouch-api';
import {
  orderEvent,
  orderWaitingToRetouch,
  type RetouchCalls,
  retouchCalls,
  retouchFeed,
  sha256Of,
  uploadBytes,
} from '../test-support/retouch-fixtures';
import { describeOnEachDatabase, fakeJpeg } from '../test-support/test-server';

const markups = [
  { kind: 'circle', id: 'm1', center: { x: 0.42, y: 0.3 }, rx: 0.05, ry: 0.08, comment: 'Stray hair' },
  { kind: 'pin', id: 'm2', n: 1, at: { x: 0.8, y: 0.75 }, color: 'yellow' },
];

describeOnEachDatabase('retouch queue: review', (server) => {
  /** Uploads a version and submits it as the holder. */
  const submit = async (desk: RetouchCalls, taskId: string) => {
    const bytes = fakeJpeg(500);
    const sha256 = await uploadBytes(server(), desk.studio, bytes);
    return desk.event(taskId, {
      type: 'submit',
      version: { sha256, name: 'IMG_0001-edit.jpg', size: bytes.length, width: 6000, height: 4000 },
    });
  };
  const team = async (studio: Parameters<typeof retouchCalls>[1]) => ({
    anna: retouchCalls(server, studio, 'Anna'),
    marek: retouchCalls(server, await server().pairAnotherDevice(studio, 'Studio iMac'), 'Marek'),
  });
  const orderOf = async (studio: Parameters<typeof retouchCalls>[1], orderId: string) =>
    (await server().request('GET', `/v1/orders/${orderId}`, { token: studio.token })).body;

  it('submit needs the uploaded version; a rejection keeps its markups; round 2; the last approval moves the order to ready to deliver', async () => {
    const { studio, order } = await orderWaitingToRetouch(server(), { photoCount: 2 });
    const { anna, marek } = await team(studio);
    const [t1, t2] = ((await anna.list(order.id)).body.tasks as RetouchTaskView[]).map((t) => t.task.id) as [string, string];
    await anna.claim(t1);

    const bytes = fakeJpeg(800);
    const version = { sha256: sha256Of(bytes), name: 'IMG_0001-edit.jpg', size: bytes.length, width: 6000, height: 4000 };
    const early = await anna.event(t1, { type: 'submit', version });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'conflict', missingFiles: [version.sha256] });
    expect(early.body.error.message).toBe(
      'IMG_0001-edit.jpg has not been uploaded yet. Upload it (POST /v1/uploads with its sha256 and size, then its chunks and finish), then send the version for review again.',
    );
    await uploadBytes(server(), studio, bytes);
    const wrongSize = await anna.event(t1, { type: 'submit', version: { ...version, size: version.size + 1 } });
    expect(wrongSize.body.error).toMatchObject({ wrongSize: [version.sha256] });
    expect((await anna.get(t1)).body.task.state).toBe('in_progress'); // Refusals changed nothing.

    const submitted = await anna.event(t1, { type: 'submit', version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ task: { state: 'in_review', lease: null }, versions: [{ round: 1, ...version }] });
    expect((await anna.event(t1, { type: 'approve' })).body.error).toMatchObject({
      refusal: 'self_review',
      message: expect.stringMatching(/^You retouched this version, so someone else has to review it/),
    });
    expect((await marek.event(t1, { type: 'reject', markups: [] })).body.error).toMatchObject({
      refusal: 'needs_feedback',
      message: 'Say what to change: draw at least one markup on the photo or write a comment, then send it back.',
    });
    const badMarkup = await marek.event(t1, {
      type: 'reject',
      markups: [{ kind: 'circle', id: 'x', center: { x: 9, y: 0 }, rx: 1, ry: 1 }],
    });
    expect(badMarkup.status).toBe(400);
    const rejected = await marek.event(t1, { type: 'reject', markups, comment: 'Warmer skin, please' });
    expect(rejected.status).toBe(200);
    const stored = markupListSchema.parse(markups);
    expect(stored[1]).toMatchObject({ comment: '', color: 'yellow' });
    expect(rejected.body).toMatchObject({
      task: { state: 'rejected', rounds: [{ n: 1, review: { verdict: 'rejected', markupCount: 2, comment: 'Warmer skin, please' } }] },
      markups: { '1': stored },
    });
    expect((await anna.get(t1)).body.markups).toEqual({ '1': stored });

    expect((await anna.claim(t1)).body.error).toMatchObject({
      refusal: 'use_resume',
      message: 'This photo was sent back for changes. Use Resume to start round 2.',
    });
    const resumed = await anna.event(t1, { type: 'resume', leaseMinutes: 30 });
    expect(resumed.body).toMatchObject({ task: { state: 'in_progress', rounds: [{ n: 1 }, { n: 2, review: null }] } });
    const round2 = await submit(anna, t1);
    expect(round2.body.versions.map((v: { round: number }) => v.round)).toEqual([1, 2]);
    const approved = await marek.event(t1, { type: 'approve', comment: 'Lovely' });
    expect(approved.body.task.state).toBe('approved');
    expect(approved.body.history.map((h: { eventType: string; round: number }) => `${h.eventType}:${h.round}`)).toEqual([
      'create:0',
      'claim:1',
      'submit:1',
      'reject:1',
      'resume:2',
      'submit:2',
      'approve:2',
    ]);
    expect((await orderOf(studio, order.id)).state).toBe('waiting_to_retouch'); // One photo to go.
    expect((await anna.event(t1, { type: 'release' })).body.error.refusal).toBe('task_approved');
    expect((await anna.plan(t1, { priority: 'high' })).body.error.refusal).toBe('task_approved');

    await anna.claim(t2);
    await submit(anna, t2);
    const last = await marek.event(t2, { type: 'approve' });
    expect(last.status).toBe(200);
    const moved = await orderOf(studio, order.id);
    expect(moved.state).toBe('ready_to_deliver');
    expect(moved.history.at(-1)).toMatchObject({
      from: 'waiting_to_retouch',
      to: 'ready_to_deliver',
      eventType: 'retouch_completed',
      actor: { kind: 'system', name: 'Proofdesk' },
      note: 'Retouching done: every photo approved; ready to deliver.',
    });
    const changes = (await server().request('GET', '/v1/changes?limit=1000', { token: studio.token })).body.changes as {
      seq: number;
      type: string;
      payload: { order?: { state: string }; view?: RetouchTaskView; cause?: string };
    }[];
    const approval = changes.find(
      (c) => c.type === 'retouch.task.updated' && c.payload.view?.task.id === t2 && c.payload.view.task.state === 'approved',
    );
    const readyEntries = changes.filter(
      (c) => c.type === 'order.updated' && c.payload.order?.state === 'ready_to_deliver' && !c.payload.cause,
    );
    expect(readyEntries).toHaveLength(1);
    expect(readyEntries[0]?.seq).toBeGreaterThan(approval?.seq ?? Number.POSITIVE_INFINITY);
  });

  it('two reviewers approving an order’s last two photos at the same moment move the order once', async () => {
    const { studio, order } = await orderWaitingToRetouch(server(), { photoCount: 2 });
    const { anna, marek } = await team(studio);
    const ewa = retouchCalls(server, await server().pairAnotherDevice(studio, 'Ewa’s laptop'), 'Ewa');
    const ids = ((await anna.list(order.id)).body.tasks as RetouchTaskView[]).map((t) => t.task.id);
    for (const id of ids) {
      await anna.claim(id);
      await submit(anna, id);
    }
    const results = await Promise.all([
      marek.event(ids[0] as string, { type: 'approve' }),
      ewa.event(ids[1] as string, { type: 'approve' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const moved = await orderOf(studio, order.id);
    expect(moved.state).toBe('ready_to_deliver');
    expect(moved.history.filter((h: { eventType: string }) => h.eventType === 'retouch_completed')).toHaveLength(1);
  });

  it('an order marked as retouched by hand moves on at once; its tasks stay and approving them later changes no order', async () => {
    const { studio, order } = await orderWaitingToRetouch(server(), { photoCount: 1 });
    const { anna, marek } = await team(studio);
    const [taskId] = ((await anna.list(order.id)).body.tasks as RetouchTaskView[]).map((t) => t.task.id) as [string];
    expect((await orderEvent(server(), studio, order.id, { type: 'retouch_completed', by: 'manual' })).body.state).toBe('ready_to_deliver');
    await anna.claim(taskId);
    await submit(anna, taskId);
    expect((await marek.event(taskId, { type: 'approve' })).status).toBe(200);
    const after = await orderOf(studio, order.id);
    expect(after.history.filter((h: { eventType: string }) => h.eventType === 'retouch_completed')).toHaveLength(1);
    // Each change of the task once in the feed: create, claim, submit, approve.
    expect((await retouchFeed(server(), studio)).map((c) => c.view.revision)).toEqual([1, 2, 3, 4]);
  });
});
