import { describe, expect, it } from 'vitest';
import {
  allowedTaskActions,
  applyTaskEvent,
  createTask,
  orderRetouchDone,
  type RetouchTask,
  retouchTaskSchema,
  type TaskActor,
  type TaskEvent,
  type TaskEventType,
  type TaskResult,
  taskActions,
  taskEventTypes,
  taskProblems,
  taskRefusalCodes,
  taskRefusalTexts,
  taskStates,
  taskTransitionSchema,
} from './index';

// ---------------------------------------------------------------------------------------
// Fixtures: tasks written out by hand (not produced by the machine), one per row of the table.

const anna: TaskActor = { deviceId: 'imac-studio', name: 'Anna', deviceName: 'Studio iMac' };
const marek: TaskActor = { deviceId: 'laptop-marek', name: 'Marek' };
const ewa: TaskActor = { deviceId: 'laptop-ewa', name: 'Ewa', deviceName: 'Ewa’s MacBook' };
const SHA = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);
const CREATED = '2026-03-04T09:00:00.000Z';
const CLAIMED = '2026-03-04T12:00:00.000Z';
const EXPIRES = '2026-03-04T14:05:00.000Z';
const LIVE = '2026-03-04T13:00:00.000Z';
const EXPIRED = '2026-03-04T15:00:00.000Z';
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const fresh: RetouchTask = {
  id: 't1',
  source: { kind: 'order_photo', orderId: 'o1', photoId: 'p1', instructions: 'Soften the skin, keep the freckles' },
  state: 'to_do',
  lease: null,
  rounds: [],
  createdBy: ewa,
  createdAt: CREATED,
  updatedAt: CREATED,
};
const round1 = { n: 1, retoucher: anna, versionSha256: null, submittedAt: null, review: null };
const annaLease = { holder: anna, claimedAt: CLAIMED, expiresAt: EXPIRES, takenOverFrom: null };
const inProgress: RetouchTask = { ...fresh, state: 'in_progress', lease: annaLease, rounds: [round1], updatedAt: CLAIMED };
const submitted = { ...round1, versionSha256: SHA, submittedAt: CLAIMED };
const inReview: RetouchTask = { ...fresh, state: 'in_review', rounds: [submitted], updatedAt: CLAIMED };
const rejectedRound = { ...submitted, review: { verdict: 'rejected' as const, by: ewa, at: CLAIMED, comment: 'Too warm', markupCount: 2 } };
const approvedRound = { ...submitted, review: { verdict: 'approved' as const, by: ewa, at: CLAIMED, comment: null, markupCount: 0 } };

type Row = { task: RetouchTask; actor: TaskActor; at: string };
const rows: Record<string, Row> = {
  'to_do (new) · Marek': { task: fresh, actor: marek, at: LIVE },
  'to_do (released) · Marek': { task: { ...fresh, rounds: [round1], updatedAt: CLAIMED }, actor: marek, at: LIVE },
  'in_progress, live · Anna (holder)': { task: inProgress, actor: anna, at: LIVE },
  'in_progress, live · Marek': { task: inProgress, actor: marek, at: LIVE },
  'in_progress, expired · Anna (holder)': { task: inProgress, actor: anna, at: EXPIRED },
  'in_progress, expired · Marek': { task: inProgress, actor: marek, at: EXPIRED },
  'in_progress, taken over · Anna': {
    task: {
      ...inProgress,
      lease: { holder: marek, claimedAt: EXPIRED, expiresAt: plus(EXPIRED, 60), takenOverFrom: anna },
      rounds: [{ ...round1, retoucher: marek }],
      updatedAt: EXPIRED,
    },
    actor: anna,
    at: plus(EXPIRED, 10),
  },
  'in_review · Ewa': { task: inReview, actor: ewa, at: LIVE },
  'in_review · Anna (retoucher)': { task: inReview, actor: anna, at: LIVE },
  'rejected · Anna': { task: { ...inReview, state: 'rejected', rounds: [rejectedRound] }, actor: anna, at: LIVE },
  'approved · Ewa': { task: { ...inReview, state: 'approved', rounds: [approvedRound] }, actor: ewa, at: LIVE },
  'in_progress · Anna, dated before the last change': { task: inProgress, actor: anna, at: plus(CLAIMED, -1) },
};

function sample(type: TaskEventType, actor: TaskActor, at: string): TaskEvent {
  const head = { actor, at };
  switch (type) {
    case 'create':
      return { type, ...head, taskId: 't2', source: { kind: 'by_hand', brief: 'Retouch the cover' } };
    case 'claim':
    case 'renew':
    case 'resume':
      return { type, ...head, expiresAt: plus(at, 120) };
    case 'submit':
      return { type, ...head, versionSha256: SHA2 };
    case 'reject':
      return { type, ...head, markupCount: 2, comment: 'Lift the shadows' };
    default:
      return { type, ...head };
  }
}

// ---------------------------------------------------------------------------------------
// The expected table: the state reached, or `!code` for a refusal.

type Cell = string;
const expected: Record<string, Record<TaskEventType, Cell>> = {
  'to_do (new) · Marek': {
    create: '!already_created',
    claim: 'in_progress',
    renew: '!illegal_transition',
    release: '!illegal_transition',
    submit: '!illegal_transition',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'to_do (released) · Marek': {
    create: '!already_created',
    claim: 'in_progress',
    renew: '!illegal_transition',
    release: '!illegal_transition',
    submit: '!illegal_transition',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'in_progress, live · Anna (holder)': {
    create: '!already_created',
    claim: '!already_holding',
    renew: 'in_progress',
    release: 'to_do',
    submit: 'in_review',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'in_progress, live · Marek': {
    create: '!already_created',
    claim: '!leased',
    renew: '!not_holder',
    release: '!not_holder',
    submit: '!not_holder',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'in_progress, expired · Anna (holder)': {
    create: '!already_created',
    claim: 'in_progress',
    renew: '!lease_expired',
    release: 'to_do',
    submit: 'in_review',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'in_progress, expired · Marek': {
    create: '!already_created',
    claim: 'in_progress',
    renew: '!not_holder',
    release: '!not_holder',
    submit: '!not_holder',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'in_progress, taken over · Anna': {
    create: '!already_created',
    claim: '!leased',
    renew: '!not_holder',
    release: '!not_holder',
    submit: '!not_holder',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: '!illegal_transition',
  },
  'in_review · Ewa': {
    create: '!already_created',
    claim: '!in_review',
    renew: '!illegal_transition',
    release: '!illegal_transition',
    submit: '!in_review',
    approve: 'approved',
    reject: 'rejected',
    resume: '!illegal_transition',
  },
  'in_review · Anna (retoucher)': {
    create: '!already_created',
    claim: '!in_review',
    renew: '!illegal_transition',
    release: '!illegal_transition',
    submit: '!in_review',
    approve: '!self_review',
    reject: '!self_review',
    resume: '!illegal_transition',
  },
  'rejected · Anna': {
    create: '!already_created',
    claim: '!use_resume',
    renew: '!illegal_transition',
    release: '!illegal_transition',
    submit: '!use_resume',
    approve: '!illegal_transition',
    reject: '!illegal_transition',
    resume: 'in_progress',
  },
  'approved · Ewa': {
    create: '!already_created',
    claim: '!task_approved',
    renew: '!task_approved',
    release: '!task_approved',
    submit: '!task_approved',
    approve: '!task_approved',
    reject: '!task_approved',
    resume: '!task_approved',
  },
  'in_progress · Anna, dated before the last change': {
    create: '!already_created',
    claim: '!out_of_order',
    renew: '!out_of_order',
    release: '!out_of_order',
    submit: '!out_of_order',
    approve: '!out_of_order',
    reject: '!out_of_order',
    resume: '!out_of_order',
  },
};

const outcome = (result: TaskResult): Cell => (result.ok ? result.task.state : `!${result.code}`);

function expectOk(result: TaskResult): Extract<TaskResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.code}: ${result.reason}`);
  return result;
}
function expectRefused(result: TaskResult, code: string) {
  if (result.ok) throw new Error(`accepted, expected ${code}`);
  expect(result.code).toBe(code);
  return result;
}

describe('the state × event table', () => {
  it('covers every row and every event type', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(rows).sort());
    for (const cells of Object.values(expected)) expect(Object.keys(cells).sort()).toEqual([...taskEventTypes].sort());
    for (const [name, row] of Object.entries(rows)) expect(taskProblems(row.task), name).toEqual([]);
    expect(new Set(Object.values(rows).map((r) => r.task.state))).toEqual(new Set(taskStates));
  });

  for (const [name, row] of Object.entries(rows)) {
    it(`${name}`, () => {
      const before = structuredClone(row.task);
      const got: Record<string, Cell> = {};
      for (const type of taskEventTypes) {
        const result = applyTaskEvent(row.task, sample(type, row.actor, row.at));
        got[type] = outcome(result);
        expect(row.task).toEqual(before);
        if (result.ok) {
          expect(taskTransitionSchema.safeParse(result.transition).success).toBe(true);
          expect(result.transition.from).toBe(row.task.state);
          expect(taskProblems(result.task)).toEqual([]);
          expect(retouchTaskSchema.safeParse(result.task).success).toBe(true);
        } else {
          expect(result.reason).toMatch(/^[A-Z].*\.$/);
          expect(result.reason).not.toMatch(/[{}]/);
        }
      }
      expect(got).toEqual(expected[name]);
      // The buttons say the same as the reducer, with the same refusal.
      for (const a of allowedTaskActions(row.task, row.actor, row.at)) {
        const cell = expected[name]?.[a.action] ?? '';
        expect(a.allowed, `${a.action}`).toBe(!cell.startsWith('!'));
        if (!a.allowed) expect(`!${a.refusal.code}`).toBe(cell);
      }
    });
  }

  it('names every refusal code and key in use', () => {
    for (const { code } of Object.values(taskRefusalTexts)) expect(taskRefusalCodes).toContain(code);
    expect(taskActions).toEqual(['claim', 'resume', 'renew', 'release', 'submit', 'approve', 'reject']);
  });
});

// ---------------------------------------------------------------------------------------

const claim = (actor: TaskActor, at: string, minutes = 60): TaskEvent => ({ type: 'claim', actor, at, expiresAt: plus(at, minutes) });
const renew = (actor: TaskActor, at: string, minutes = 60): TaskEvent => ({ type: 'renew', actor, at, expiresAt: plus(at, minutes) });
const resume = (actor: TaskActor, at: string, minutes = 60): TaskEvent => ({ type: 'resume', actor, at, expiresAt: plus(at, minutes) });
const submit = (actor: TaskActor, at: string, versionSha256 = SHA): TaskEvent => ({ type: 'submit', actor, at, versionSha256 });
const T = '2026-03-04T10:00:00.000Z';

function run(task: RetouchTask, ...events: TaskEvent[]): RetouchTask {
  return events.reduce((t, e) => expectOk(applyTaskEvent(t, e)).task, task);
}

describe('leases', () => {
  it('refuses a claim on a leased photo with who, until when and on which device', () => {
    const r = expectRefused(applyTaskEvent(inProgress, claim(marek, LIVE)), 'leased');
    expect(r.reason).toBe('Anna is working on this photo until 14:05 UTC (on Studio iMac). Pick another one, or wait.');
    expect(r.reasonKey).toBe('claim.leased');
    expect(r.params.expiresAt).toBe(EXPIRES);
  });

  it('two assistants claiming at once: the first one the server applies wins', () => {
    for (const [first, second] of [
      [anna, marek],
      [marek, anna],
    ] as const) {
      const won = run(fresh, claim(first, T));
      expect(won.lease?.holder).toEqual(first);
      const lost = expectRefused(applyTaskEvent(won, claim(second, T)), 'leased');
      expect(lost.reason).toContain(`${first.name} is working on this photo until 11:00 UTC`);
    }
  });

  it('an expired lease may be taken over, judged by the event’s time; the old holder is then refused', () => {
    const held = run(fresh, claim(anna, T, 30));
    expectRefused(applyTaskEvent(held, claim(marek, plus(T, 29.99))), 'leased');
    const taken = run(held, claim(marek, plus(T, 30)));
    expect(taken.lease).toEqual({ holder: marek, claimedAt: plus(T, 30), expiresAt: plus(T, 90), takenOverFrom: anna });
    expect(taken.rounds).toEqual([{ n: 1, retoucher: marek, versionSha256: null, submittedAt: null, review: null }]);
    for (const e of [submit(anna, plus(T, 31)), renew(anna, plus(T, 31)), { type: 'release' as const, actor: anna, at: plus(T, 31) }]) {
      const r = expectRefused(applyTaskEvent(taken, e), 'not_holder');
      expect(r.reasonKey).toBe('lease.taken_over');
      expect(r.reason).toBe('Your hold on this photo ran out and Marek took it over. Ask Marek before going on, or pick another photo.');
    }
    const byEwa = expectRefused(applyTaskEvent(taken, submit(ewa, plus(T, 31))), 'not_holder');
    expect(byEwa.reason).toBe('Marek is working on this photo, not you. Pick another one, or ask Marek.');
  });

  it('renews before expiry only, by the holder only, and never beyond the longest lease', () => {
    const held = run(fresh, claim(anna, T, 30));
    const renewed = run(held, renew(anna, plus(T, 20), 60));
    expect(renewed.lease?.expiresAt).toBe(plus(T, 80));
    expect(renewed.lease?.claimedAt).toBe(T);
    const late = expectRefused(applyTaskEvent(held, renew(anna, plus(T, 30))), 'lease_expired');
    expect(late.reason).toBe('Your hold on this photo ran out at 10:30 UTC. Claim it again to keep working.');
    expectRefused(applyTaskEvent(held, renew(marek, plus(T, 10))), 'not_holder');
    expectRefused(applyTaskEvent(held, renew(anna, plus(T, 10), 13 * 60)), 'bad_lease');
    expectRefused(applyTaskEvent(fresh, claim(anna, T, 0)), 'bad_lease');
    // The same person on another device is not the holder.
    expectRefused(applyTaskEvent(held, renew({ ...anna, deviceId: 'laptop-anna' }, plus(T, 10))), 'not_holder');
    // After expiry the holder claims again.
    expect(run(held, claim(anna, plus(T, 40))).lease?.takenOverFrom).toBeNull();
  });

  it('release puts the photo back to do; the next claim takes over the unsubmitted round', () => {
    const released = run(fresh, claim(anna, T), { type: 'release', actor: anna, at: plus(T, 5) });
    expect(released.state).toBe('to_do');
    expect(released.lease).toBeNull();
    const next = run(released, claim(marek, plus(T, 6)));
    expect(next.rounds).toEqual([{ n: 1, retoucher: marek, versionSha256: null, submittedAt: null, review: null }]);
    expect(next.lease?.takenOverFrom).toBeNull();
  });

  it('submit: refused for a non-holder, accepted from the holder even after expiry when nobody took over', () => {
    const held = run(fresh, claim(anna, T, 30));
    expectRefused(applyTaskEvent(held, submit(marek, plus(T, 5))), 'not_holder');
    const late = expectOk(applyTaskEvent(held, submit(anna, plus(T, 45))));
    expect(late.task.state).toBe('in_review');
    expect(late.task.lease).toBeNull();
    expect(late.task.rounds[0]).toEqual({ n: 1, retoucher: anna, versionSha256: SHA, submittedAt: plus(T, 45), review: null });
    expectRefused(applyTaskEvent(held, { type: 'submit', actor: anna, at: plus(T, 5), versionSha256: 'XYZ' }), 'invalid_event');
  });

  it('allowedTaskActions gives the buttons with reasons', () => {
    const forMarek = allowedTaskActions(inProgress, marek, LIVE);
    const claimButton = forMarek.find((a) => a.action === 'claim');
    expect(claimButton?.allowed).toBe(false);
    if (claimButton && !claimButton.allowed) expect(claimButton.refusal.reason).toMatch(/^Anna is working on this photo until 14:05 UTC/);
    expect(
      allowedTaskActions(inProgress, anna, LIVE)
        .filter((a) => a.allowed)
        .map((a) => a.action),
    ).toEqual(['renew', 'release', 'submit']);
    expect(
      allowedTaskActions(inProgress, marek, EXPIRED)
        .filter((a) => a.allowed)
        .map((a) => a.action),
    ).toEqual(['claim']);
    expect(
      allowedTaskActions(inReview, ewa, LIVE)
        .filter((a) => a.allowed)
        .map((a) => a.action),
    ).toEqual(['approve', 'reject']);
  });
});

describe('review rounds', () => {
  it('numbers rounds through reject and resume twice, keeping each round’s record', () => {
    const reject = (at: string, markupCount: number, comment?: string): TaskEvent => ({
      type: 'reject',
      actor: ewa,
      at,
      markupCount,
      comment,
    });
    let task = run(fresh, claim(anna, T), submit(anna, plus(T, 10), 'a'.repeat(64)));
    expect(task.rounds.map((r) => r.n)).toEqual([1]);
    const r1 = expectOk(applyTaskEvent(task, reject(plus(T, 20), 3)));
    expect(r1.transition.round).toBe(1);
    task = r1.task;
    expect(task.state).toBe('rejected');
    expectRefused(applyTaskEvent(task, claim(anna, plus(T, 21))), 'use_resume');
    const resumed = expectOk(applyTaskEvent(task, resume(anna, plus(T, 30))));
    expect(resumed.transition.round).toBe(2);
    task = run(resumed.task, submit(anna, plus(T, 40), 'b'.repeat(64)), reject(plus(T, 50), 0, 'Still too warm'));
    task = run(task, resume(marek, plus(T, 60)), submit(marek, plus(T, 70), 'c'.repeat(64)));
    expectRefused(applyTaskEvent(task, { type: 'approve', actor: { ...marek, deviceId: 'imac-2' }, at: plus(T, 75) }), 'self_review');
    task = run(task, { type: 'approve', actor: anna, at: plus(T, 80), comment: 'Lovely' });
    expect(task.state).toBe('approved');
    expect(task.rounds).toEqual([
      {
        n: 1,
        retoucher: anna,
        versionSha256: 'a'.repeat(64),
        submittedAt: plus(T, 10),
        review: { verdict: 'rejected', by: ewa, at: plus(T, 20), comment: null, markupCount: 3 },
      },
      {
        n: 2,
        retoucher: anna,
        versionSha256: 'b'.repeat(64),
        submittedAt: plus(T, 40),
        review: { verdict: 'rejected', by: ewa, at: plus(T, 50), comment: 'Still too warm', markupCount: 0 },
      },
      {
        n: 3,
        retoucher: marek,
        versionSha256: 'c'.repeat(64),
        submittedAt: plus(T, 70),
        review: { verdict: 'approved', by: anna, at: plus(T, 80), comment: 'Lovely', markupCount: 0 },
      },
    ]);
    expect(taskProblems(task)).toEqual([]);
  });

  it('a rejection needs a markup or a comment', () => {
    const r = expectRefused(
      applyTaskEvent(inReview, { type: 'reject', actor: ewa, at: LIVE, markupCount: 0, comment: '  ' }),
      'needs_feedback',
    );
    expect(r.reason).toMatch(/draw at least one markup on the photo or write a comment/);
  });

  it('self-review is refused by device or by name', () => {
    for (const actor of [
      { ...anna, name: 'Someone' },
      { deviceId: 'other', name: ' anna ' },
    ]) {
      expectRefused(applyTaskEvent(inReview, { type: 'approve', actor, at: LIVE }), 'self_review');
    }
  });
});

describe('createTask and orderRetouchDone', () => {
  it('creates a to_do task from an order photo or by hand, with no round yet', () => {
    const fromOrder = expectOk(
      createTask({
        type: 'create',
        actor: ewa,
        at: CREATED,
        taskId: 't1',
        source: { kind: 'order_photo', orderId: 'o1', photoId: 'p1', instructions: 'Soften the skin, keep the freckles' },
      }),
    );
    expect(fromOrder.task).toEqual(fresh);
    expect(fromOrder.transition).toMatchObject({ from: null, to: 'to_do', round: 0, note: 'Created from photo p1 of order o1.' });
    expect(expectOk(createTask(sample('create', anna, T))).task.source).toEqual({ kind: 'by_hand', brief: 'Retouch the cover' });
    expectRefused(
      createTask({ type: 'create', actor: ewa, at: CREATED, taskId: 't1', source: { kind: 'by_hand', brief: ' ' } }),
      'invalid_event',
    );
    expectRefused(createTask(claim(anna, T)), 'invalid_event');
  });

  it('an order’s retouching is done when it has tasks and every one is approved', () => {
    expect(orderRetouchDone([])).toBe(false);
    expect(orderRetouchDone([{ state: 'approved' }, { state: 'approved' }])).toBe(true);
    for (const state of taskStates.filter((s) => s !== 'approved'))
      expect(orderRetouchDone([{ state: 'approved' }, { state }])).toBe(false);
  });
});
