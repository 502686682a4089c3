// The queue on a real catalog (no server): tasks as the feed leaves them, filtered, counted and
// sorted for this person; queued changes shown at once through the task machine and refused with
// its sentence before anything is queued; the server's answer replacing the view; a refusal from
// the server becoming the task's problem until dismissed; tasks made by hand.
import { describe, expect, it } from 'vitest';
import { advance, BOB, hours, taskView } from '../catalog/retouch-test-support';
import { openRetouchLaptop } from './test-support/retouch-laptop';

const NOW = '2026-03-04T12:00:00.000Z';
const ME = { deviceId: 'this-computer', name: 'Anna', deviceName: 'Test laptop' };
const sha = (c: string) => c.repeat(64);
const version = (c: string) => ({ sha256: sha(c), name: 'IMG_edit.jpg', size: 10, width: 60, height: 40 });

function queue() {
  const laptop = openRetouchLaptop(null, 'Anna', { now: () => new Date(NOW) });
  const at = (h: number) => hours('2026-03-04T09:00:00.000Z', h);
  const todo = taskView({ taskId: 'todo', name: 'IMG_0001.CR3', orderId: 'o1', orderNumber: '2026-0007' });
  const urgent = taskView({ taskId: 'urgent', name: 'IMG_0002.CR3', priority: 'urgent' });
  const mine = advance(taskView({ taskId: 'mine', name: 'IMG_0003.CR3', dueAt: hours(NOW, 30) }), ME, at(1), {
    type: 'claim',
    expiresAt: hours(NOW, 1),
  });
  const bobs = advance(taskView({ taskId: 'bobs', name: 'IMG_0004.CR3', dueAt: hours(NOW, 5) }), BOB, at(1), {
    type: 'claim',
    expiresAt: hours(NOW, 1),
  });
  const review = advance(
    advance(taskView({ taskId: 'review', name: 'IMG_0005.CR3' }), BOB, at(1), { type: 'claim', expiresAt: at(3) }),
    BOB,
    at(2),
    {
      type: 'submit',
      versionSha256: sha('b'),
    },
    { version: version('b') },
  );
  const sentBack = advance(
    advance(
      advance(taskView({ taskId: 'sentback', name: 'IMG_0006.CR3', dueAt: hours(NOW, -2) }), ME, at(0.5), {
        type: 'claim',
        expiresAt: at(2),
      }),
      ME,
      at(1),
      {
        type: 'submit',
        versionSha256: sha('c'),
      },
      { version: version('c') },
    ),
    BOB,
    at(2),
    { type: 'reject', markupCount: 0, comment: 'Softer skin' },
    { markups: [] },
  );
  const approved = advance(
    advance(
      advance(taskView({ taskId: 'approved', name: 'IMG_0007.CR3', dueAt: hours(NOW, 1) }), BOB, at(0.5), {
        type: 'claim',
        expiresAt: at(2),
      }),
      BOB,
      at(1),
      {
        type: 'submit',
        versionSha256: sha('d'),
      },
      { version: version('d') },
    ),
    ME,
    at(2),
    { type: 'approve' },
  );
  for (const v of [todo, urgent, mine, bobs, review, sentBack, approved]) laptop.catalog.retouch.putView(v);
  laptop.retouch.feedApplied();
  return laptop;
}

describe('the retouch queue', () => {
  it('filters, counts and sorts for this person: priority, then due date, then oldest', () => {
    const { retouch } = queue();
    const all = retouch.list('all', '');
    expect(all.me).toBe('Anna');
    expect(all.counts).toEqual({ all: 7, mine: 2, unclaimed: 2, in_review: 1, rejected: 1, due: 2, approved: 1 });
    expect(all.rows.map((r) => r.taskId)).toEqual(['urgent', 'sentback', 'approved', 'bobs', 'mine', 'review', 'todo']);
    expect(retouch.list('mine', '').rows.map((r) => r.taskId)).toEqual(['sentback', 'mine']);
    expect(retouch.list('due', '').rows.map((r) => [r.taskId, r.overdue])).toEqual([
      ['sentback', true],
      ['bobs', false],
    ]);
    expect(retouch.list('unclaimed', '').rows.map((r) => r.taskId)).toEqual(['urgent', 'todo']);
    const bobs = all.rows.find((r) => r.taskId === 'bobs');
    expect(bobs).toMatchObject({ holder: 'Bob (Studio iMac)', mine: false, state: 'in_progress', round: 1, pending: false });
    expect(all.rows.find((r) => r.taskId === 'todo')).toMatchObject({
      orderNumber: '2026-0007',
      brief: 'Remove the blemish',
      holder: null,
      round: 0,
    });
    expect(retouch.list('all', '0007').rows.map((r) => r.taskId)).toEqual(['approved', 'todo']);
    expect(retouch.list('all', 'bob').rows.map((r) => r.taskId)).toEqual(['bobs']);
    expect(retouch.list('all', '', 'o1').rows.map((r) => r.taskId)).toEqual(['todo']);
    expect(retouch.list('all', '', 'o1').counts.all).toBe(1);
  });

  it('shows a queued release or review at once, and refuses with the machine’s sentence before queueing', () => {
    const { retouch, catalog } = queue();
    expect(retouch.release(['mine', 'bobs'])).toEqual({
      claimed: ['mine'],
      refused: [{ taskId: 'bobs', reason: expect.stringMatching(/^Bob is working on this photo \(on Studio iMac\), not you/) }],
    });
    expect(retouch.get('mine')).toMatchObject({ view: { task: { state: 'to_do', lease: null } }, row: { pending: true, mine: false } });

    expect(() => retouch.review({ taskId: 'review', verdict: 'reject', markups: [] })).toThrow(/draw at least one markup/);
    const circle = {
      kind: 'circle' as const,
      id: 'm1',
      comment: 'Here',
      color: 'red' as const,
      center: { x: 0.5, y: 0.4 },
      rx: 0.1,
      ry: 0.08,
    };
    const rejected = retouch.review({ taskId: 'review', verdict: 'reject', markups: [circle], comment: 'The ear' });
    expect(rejected.view.task.state).toBe('rejected');
    expect(rejected.view.markups['1']).toEqual([circle]);
    expect(rejected.view.history.at(-1)).toMatchObject({ eventType: 'reject', actor: { name: 'Anna' } });
    expect(rejected.actions.find((a) => a.action === 'resume')).toMatchObject({ allowed: true });
    // My own round cannot be reviewed by me; an approved task takes nothing.
    expect(() => retouch.review({ taskId: 'approved', verdict: 'approve' })).toThrow(/approved/);
    expect(catalog.outbox.list('pending').map((r) => [r.path, (r.body as { type: string }).type, r.topic])).toEqual([
      ['/v1/retouch/tasks/mine/events', 'release', 'retouch:mine'],
      ['/v1/retouch/tasks/review/events', 'reject', 'retouch:review'],
    ]);
    expect(retouch.list('all', '').counts).toMatchObject({ unclaimed: 3, in_review: 0, rejected: 2 });
  });

  it('keeps the server’s answer as the view, and shows a later refusal as the task’s problem until dismissed', () => {
    const { retouch, catalog } = queue();
    retouch.review({ taskId: 'review', verdict: 'approve', comment: 'Lovely' });
    const [row] = catalog.outbox.list('pending');
    if (!row) throw new Error('nothing queued');
    const server = catalog.retouch.view('review');
    if (!server) throw new Error('no view');
    const answered = advance(server, { deviceId: 'this-computer', name: 'Anna', deviceName: 'Test laptop' }, '2026-03-04T12:00:01.000Z', {
      type: 'approve',
      comment: 'Lovely',
    });
    catalog.transaction(() => {
      catalog.outbox.markDone(row.seq, answered);
      retouch.delivered(row, answered);
    });
    expect(retouch.get('review')).toMatchObject({
      view: { revision: answered.revision, task: { state: 'approved' } },
      row: { pending: false },
    });

    retouch.plan('todo', { priority: 'high', dueAt: '2026-03-05T10:00:00.000Z' });
    expect(retouch.get('todo').view).toMatchObject({ priority: 'high', dueAt: '2026-03-05T10:00:00.000Z' });
    expect(() => retouch.plan('todo', {})).toThrow(/priority, the due date or both/);
    const plan = catalog.outbox.list('pending')[0];
    if (!plan) throw new Error('no plan queued');
    catalog.outbox.markRejected(plan.seq, 'Only the studio owner can change due dates.', null);
    retouch.rejected(plan, 'Only the studio owner can change due dates.');
    expect(retouch.get('todo')).toMatchObject({
      problem: 'Plan (IMG_0001.CR3): Only the studio owner can change due dates.',
      view: { priority: 'normal' },
    });
    expect(retouch.dismissProblem('todo').problem).toBeNull();
    expect(catalog.outbox.list('rejected')).toEqual([]);
  });

  it('makes tasks by hand from photos of the library: shown at once as to do, sent on sync', () => {
    const { retouch, catalog } = queue();
    const shoot = catalog.shoots.add({ path: '/s', name: 'S', kind: 'shoot' });
    const photo = catalog.photos.create({
      shootId: shoot.id,
      folder: '/s',
      stem: 'IMG_0412',
      files: [{ path: '/s/IMG_0412.jpg', role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
    });
    expect(() => retouch.create({ photoIds: ['nope'], brief: 'x', priority: 'normal', dueAt: null })).toThrow(/not in this library/);
    const { taskIds } = retouch.create({ photoIds: [photo.id], brief: 'Remove the exit sign', priority: 'high', dueAt: null });
    expect(taskIds).toHaveLength(1);
    const made = retouch.get(taskIds[0] as string);
    expect(made).toMatchObject({
      view: {
        task: { state: 'to_do', source: { kind: 'by_hand', brief: 'Remove the exit sign' } },
        photo: { name: 'IMG_0412.jpg' },
        priority: 'high',
      },
      row: { pending: true, brief: 'Remove the exit sign' },
    });
    expect(
      catalog.outbox.byTopic(`retouch:${taskIds[0]}`, 'pending').map((r) => [r.method, r.path, (r.body as { name: string }).name]),
    ).toEqual([['POST', '/v1/retouch/tasks', 'IMG_0412.jpg']]);
  });

  it('answers a task at once, saying why an image that is not on this computer cannot be shown yet', () => {
    const { retouch } = queue();
    const started = Date.now();
    const detail = retouch.get('review');
    expect(Date.now() - started).toBeLessThan(200);
    expect(detail.original).toEqual({
      status: 'missing',
      message: expect.stringMatching(
        /^The original of IMG_0005.CR3 is not on this computer, and the computer that holds it has not uploaded it yet/,
      ),
    });
    expect(detail.versions).toEqual([
      {
        round: 1,
        slot: {
          status: 'missing',
          message: expect.stringMatching(/^Round 1 of IMG_0005.CR3 is not on this computer, and the hosted service cannot be reached/),
        },
      },
    ]);
    expect(detail.originalPath).toBeNull();
    expect(() => retouch.get('nope')).toThrow(/not in the library/);
  });

  it('refuses claiming without the hosted service, with a sentence', async () => {
    const { retouch } = queue();
    const claim = await retouch.claim(['todo']);
    expect(claim.claimed).toEqual([]);
    expect(claim.refused[0]?.reason).toMatch(/Pair this computer/);
  });
});
