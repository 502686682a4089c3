// The retouch queue's tasks and leases through the API: tasks from a paid order (by hand, by card,
// forced; never twice) and by hand, claims judged by the server's clock (renew, release, expiry,
// takeover) with the machine's sentences, two laptops racing for one task, replays and the feed.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { type RetouchTaskView, retouchTaskViewSchema } from '../../shared/schemas/retouch-api';
import { createOrderTasks, NO_NOTE_INSTRUCTIONS } from '../retouch/order-tasks';
import { MINUTE, orderEvent, orderWaitingToRetouch, placeOrder, retouchCalls, retouchFeed } from '../test-support/retouch-fixtures';
import { describeOnEachDatabase } from '../test-support/test-server';

const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;

describeOnEachDatabase('retouch queue: tasks and leases', (server) => {
  it('a paid order with retouch before delivery gets one task per ordered photo, by the system with the client’s note; never twice', async () => {
    const note = 'Please remove the exit sign behind us';
    const { studio, gallery, order } = await orderWaitingToRetouch(server(), { photoCount: 2, note });
    const desk = retouchCalls(server, studio);
    const listed = await desk.list(order.id);
    expect(listed.status).toBe(200);
    const tasks = listed.body.tasks as RetouchTaskView[];
    expect(tasks).toHaveLength(2);
    for (const view of tasks) expect(retouchTaskViewSchema.parse(view)).toEqual(view);
    expect(tasks.map((t) => t.photo.name).sort()).toEqual(gallery.photos.slice(0, 2).map((p) => p.name));
    const first = tasks.find((t) => t.photo.photoId === gallery.photos[0]?.id) as RetouchTaskView;
    expect(first).toMatchObject({
      task: {
        source: { kind: 'order_photo', orderId: order.id, photoId: gallery.photos[0]?.id, instructions: note },
        state: 'to_do',
        lease: null,
        rounds: [],
        createdBy: { deviceId: 'server', name: 'Proofdesk' },
      },
      photo: { galleryId: gallery.id, orderId: order.id, orderNumber: order.number, original: null },
      priority: 'normal',
      dueAt: null,
      versions: [],
      markups: {},
      history: [{ from: null, to: 'to_do', eventType: 'create', round: 0 }],
      revision: 1,
    });
    expect((await desk.get(first.task.id)).body).toEqual(first);
    const feed = await retouchFeed(server(), studio);
    expect(feed.map((c) => [c.galleryId, c.view.task.id, c.by]).sort()).toEqual(
      tasks.map((t) => [gallery.id, t.task.id, { deviceId: 'server', deviceName: 'Proofdesk' }]).sort(),
    );

    // Paying again is refused; entering again (a replay, a second writer) makes nothing.
    expect((await orderEvent(server(), studio, order.id, { type: 'mark_paid', method: 'offline' })).body.error.refusal).toBe(
      'already_paid',
    );
    const db = server().app.proofdesk.db;
    const row = await db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    const made = await db
      .transaction()
      .execute((trx) => createOrderTasks(trx, { order: row, photoIds: JSON.parse(row.photo_ids), now: Date.now() }));
    expect(made).toBe(0);
    expect((await desk.list(order.id)).body.tasks).toHaveLength(2);
    expect(await retouchFeed(server(), studio)).toHaveLength(2);

    // No note: a sentence that says so. Without retouch before delivery: no tasks.
    const silent = await placeOrder(server(), gallery, 1);
    await orderEvent(server(), studio, silent.id, { type: 'mark_paid', method: 'offline' });
    expect((await desk.list(silent.id)).body.tasks.map((t: RetouchTaskView) => t.task.source)).toEqual([
      { kind: 'order_photo', orderId: silent.id, photoId: gallery.photos[0]?.id, instructions: NO_NOTE_INSTRUCTIONS },
    ]);
    const plain = await server().newGallery(studio);
    const direct = await placeOrder(server(), plain, 2, 'no retouch here');
    expect((await orderEvent(server(), studio, direct.id, { type: 'mark_paid', method: 'offline' })).body.state).toBe('ready_to_deliver');
    expect((await desk.list(direct.id)).body.tasks).toEqual([]);
    expect((await desk.list()).body.tasks).toHaveLength(3);
  });

  it('a card payment, a forced delivery and a free order make the tasks too, in the transaction that moves the order', async () => {
    const studio = await server().newStudio();
    await server().request('PUT', '/v1/studio/settings', {
      token: studio.token,
      body: { paymentInstructions: '', notificationEmail: null, cardPayments: true },
    });
    const gallery = await server().newGallery(studio, { settings: { retouchBeforeDelivery: true } });
    const desk = retouchCalls(server, studio);
    const byCard = await placeOrder(server(), gallery, 3);
    expect((await desk.list(byCard.id)).body.tasks).toEqual([]);
    const started = await server().request('POST', `/v1/client/orders/${byCard.id}/payment`, {
      token: byCard.session,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(started.status).toBe(201);
    const paid = await fetch(`${server().baseUrl}/pay/test/${started.body.paymentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect((await desk.list(byCard.id)).body.tasks).toHaveLength(3);

    const forced = await placeOrder(server(), gallery, 1);
    const res = await orderEvent(server(), studio, forced.id, { type: 'force_delivery', reason: 'pays on collection' });
    expect(res.body.state).toBe('waiting_to_retouch');
    expect((await desk.list(forced.id)).body.tasks).toHaveLength(1);

    // A free order skips payment at placement: its tasks come with it.
    const free = await server().newGallery(studio, {
      settings: { retouchBeforeDelivery: true },
      deliveryMethods: [
        { id: 'full', kind: 'digital_full', label: 'Free', priceMinor: 0, currency: 'PLN', vatRateBp: 0, pricing: 'per_photo' },
      ],
    });
    const gift = await placeOrder(server(), free, 2);
    expect((await desk.list(gift.id)).body.tasks).toHaveLength(2);
  });

  it('by hand: a brief, a priority and a due date; the same task id again answers the same task, for another photo it is refused', async () => {
    const studio = await server().newStudio();
    const desk = retouchCalls(server, studio);
    const taskId = randomUUID();
    const body = { taskId, photoId: 'photo-1', galleryId: null, priority: 'high', dueAt: '2031-05-01T12:00:00.000Z' };
    const made = await desk.create(body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      task: { id: taskId, source: { kind: 'by_hand', brief: 'Remove the exit sign' }, state: 'to_do', createdBy: { name: 'Anna' } },
      photo: { photoId: 'photo-1', name: 'IMG_0001.jpg', galleryId: null, orderId: null, orderNumber: null, original: null },
      priority: 'high',
      dueAt: '2031-05-01T12:00:00.000Z',
      revision: 1,
    });
    expect(made.body.task.createdBy).toEqual({ deviceId: studio.deviceId, name: 'Anna', deviceName: 'First laptop' });
    const again = await desk.create(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(made.body);
    const squat = await desk.create({ ...body, photoId: 'photo-2' });
    expect(squat.status).toBe(409);
    expect(squat.body.error).toMatchObject({ refusal: 'already_created', reasonKey: 'create.already_created' });
    expect(squat.body.error.message).toMatch(/^This retouch task already exists/);
    // Another studio may use the same id: tasks are per studio.
    expect((await retouchCalls(server, await server().newStudio()).create(body)).status).toBe(201);

    const noBrief = await desk.create({ photoId: 'photo-3', brief: '  ' });
    expect(noBrief.status).toBe(400);
    expect(noBrief.body.error.message).toContain('Write a short brief');
    const badName = await desk.create({ photoId: 'photo-3', name: '../IMG.jpg' });
    expect(badName.body.error.fields.name).toMatch(/without folders/);

    const planned = await desk.plan(taskId, { priority: 'urgent', dueAt: null });
    expect(planned.body).toMatchObject({ priority: 'urgent', dueAt: null, revision: 2 });
    expect((await desk.plan(taskId, { priority: 'urgent' })).body.revision).toBe(2); // Nothing changed.
    const empty = await desk.plan(taskId, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Change the priority, the due date or both');
    const unknown = await desk.get(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Reload the retouch queue/);
    expect((await desk.list()).body.tasks).toHaveLength(1);
  });

  it('leases follow the server’s clock: claim, renew, expiry, takeover and release, each refusal with the machine’s sentence', async () => {
    const anna = retouchCalls(server, await server().newStudio(), 'Anna');
    const marek = retouchCalls(server, await server().pairAnotherDevice(anna.studio, 'Studio iMac'), 'Marek');
    const taskId = (await anna.create({ photoId: 'photo-1' })).body.task.id as string;

    const claimed = await anna.claim(taskId, 30);
    expect(claimed.status).toBe(200);
    const lease = claimed.body.task.lease;
    expect(lease.holder).toEqual({ deviceId: anna.studio.deviceId, name: 'Anna', deviceName: 'First laptop' });
    expect(Date.parse(lease.expiresAt) - Date.parse(lease.claimedAt)).toBe(30 * MINUTE);
    expect(Math.abs(Date.parse(lease.claimedAt) - (Date.now() + server().clock.offsetMs))).toBeLessThan(5000);
    expect(claimed.body).toMatchObject({ task: { state: 'in_progress', rounds: [{ n: 1 }] }, revision: 2 });

    const lost = await marek.claim(taskId);
    expect(lost.status).toBe(409);
    expect(lost.body.error).toMatchObject({
      code: 'conflict',
      refusal: 'leased',
      reasonKey: 'claim.leased',
      message: `Anna is working on this photo until ${hhmm(lease.expiresAt)} (on First laptop). Pick another one, or wait.`,
    });
    expect(lost.body.error.task).toEqual(claimed.body);
    expect((await anna.claim(taskId)).body.error.refusal).toBe('already_holding');
    expect((await marek.event(taskId, { type: 'renew', leaseMinutes: 30 })).body.error).toMatchObject({
      refusal: 'not_holder',
      message: 'Anna is working on this photo (on First laptop), not you. Pick another one, or ask Anna.',
    });
    const tooLong = await anna.event(taskId, { type: 'renew', leaseMinutes: 13 * 60 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('invalid_input');

    const renewed = await anna.event(taskId, { type: 'renew', leaseMinutes: 60 });
    expect(renewed.status).toBe(200);
    const expiresAt = renewed.body.task.lease.expiresAt as string;
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.parse(lease.expiresAt));

    server().clock.offsetMs += 61 * MINUTE;
    expect((await anna.event(taskId, { type: 'renew', leaseMinutes: 30 })).body.error).toMatchObject({
      refusal: 'lease_expired',
      message: `Your hold on this photo ran out at ${hhmm(expiresAt)}. Claim it again to keep working.`,
    });
    const takeover = await marek.claim(taskId, 45);
    expect(takeover.status).toBe(200);
    expect(takeover.body.task.lease).toMatchObject({
      holder: { name: 'Marek', deviceName: 'Studio iMac' },
      takenOverFrom: { name: 'Anna' },
    });
    expect(takeover.body.history.at(-1).note).toMatch(/^Taken over from Anna, whose hold had run out; held until \d\d:\d\d UTC\.$/);
    expect((await anna.event(taskId, { type: 'release' })).body.error).toMatchObject({
      refusal: 'not_holder',
      reasonKey: 'lease.taken_over',
      message: 'Your hold on this photo ran out and Marek took it over (on Studio iMac). Ask Marek before going on, or pick another photo.',
    });
    const released = await marek.event(taskId, { type: 'release' });
    expect(released.body).toMatchObject({ task: { state: 'to_do', lease: null } });
    expect(released.body.history.map((h: { eventType: string }) => h.eventType)).toEqual(['create', 'claim', 'renew', 'claim', 'release']);
    expect(
      (await anna.event(taskId, { type: 'submit', version: { sha256: 'a'.repeat(64), name: 'x.jpg', size: 1, width: 1, height: 1 } }))
        .status,
    ).toBe(409);
    const unknownType = await anna.event(taskId, { type: 'steal' });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.message).toMatch(/^The task action was not accepted/);

    // Another studio reaches none of it: every task route answers 404, and the task stays as it was.
    const stranger = retouchCalls(server, await server().newStudio('Other Studio'), 'Mallory');
    for (const res of [await stranger.get(taskId), await stranger.claim(taskId), await stranger.plan(taskId, { priority: 'urgent' })]) {
      expect(res.status).toBe(404);
    }
    expect((await stranger.list()).body.tasks).toEqual([]);
    expect((await anna.get(taskId)).body).toEqual(released.body);
  });

  it('two laptops claiming one task at the same moment, 30 times: exactly one holds it each time, the other is told who', async () => {
    const anna = retouchCalls(server, await server().newStudio(), 'Anna');
    const marek = retouchCalls(server, await server().pairAnotherDevice(anna.studio, 'Studio iMac'), 'Marek');
    const taskId = (await anna.create({ photoId: 'photo-1' })).body.task.id as string;
    let claims = 0;
    for (let i = 0; i < 30; i += 1) {
      const results = await Promise.all([anna.claim(taskId), marek.claim(taskId)]);
      expect(
        results.map((r) => r.status),
        JSON.stringify(results.map((r) => r.body.error ?? r.body.task.lease)),
      ).toSatisfy((s: number[]) => [...s].sort().join() === '200,409');
      const winner = results[0]?.status === 200 ? anna : marek;
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body.error.refusal).toBe('leased');
      expect(loser?.body.error.message).toMatch(new RegExp(`^${winner.person} is working on this photo`));
      const now = (await anna.get(taskId)).body;
      expect(now.task.lease.holder.name).toBe(winner.person);
      claims += 1;
      expect(now.history.filter((h: { eventType: string }) => h.eventType === 'claim')).toHaveLength(claims);
      expect((await winner.event(taskId, { type: 'release' })).status).toBe(200);
    }
  });

  it('a replayed request (same Idempotency-Key) has one effect; the feed carries each change once, revisions only grow', async () => {
    const anna = retouchCalls(server, await server().newStudio(), 'Anna');
    const key = randomUUID();
    const body = { taskId: randomUUID(), photoId: 'photo-1' };
    const made = await anna.create(body, key);
    const replayed = await anna.create(body, key);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const taskId = made.body.task.id as string;
    const claimKey = randomUUID();
    const claim = await anna.event(taskId, { type: 'claim', leaseMinutes: 30 }, claimKey);
    const again = await anna.event(taskId, { type: 'claim', leaseMinutes: 30 }, claimKey);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(claim.body);
    await anna.event(taskId, { type: 'renew', leaseMinutes: 60 });
    await anna.plan(taskId, { priority: 'low' });
    const last = await anna.event(taskId, { type: 'release' });
    expect(last.body.history.map((h: { eventType: string }) => h.eventType)).toEqual(['create', 'claim', 'renew', 'release']);

    const feed = await retouchFeed(server(), anna.studio);
    expect(feed.map((c) => c.view.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(feed.map((c) => c.galleryId)).toEqual(['', '', '', '', '']);
    expect(feed.every((c) => c.by.deviceId === anna.studio.deviceId && c.by.deviceName === 'First laptop')).toBe(true);
    expect(feed.at(-1)?.view).toEqual(last.body);
    expect(feed.at(-1)?.view).toEqual((await anna.get(taskId)).body);
  });
});
