// Property test: thousands of random event sequences (a seeded PRNG, so a failure replays from
// its seed), with the machine's invariants checked after every step.
import { describe, expect, it } from 'vitest';
import { randomInt as int, pick, seededRandom as prng, type Rand } from '../test-support/seeded-random';
import {
  allowedTaskActions,
  applyTaskEvent,
  createTask,
  liveHolder,
  type RetouchTask,
  retouchTaskSchema,
  sameActor,
  type TaskActor,
  type TaskEvent,
  type TaskEventType,
  type TaskStateName,
  taskEventTypes,
  taskProblems,
  taskRefusalCodes,
  taskStates,
  taskTransitionSchema,
} from './index';

const START = Date.UTC(2026, 2, 4, 9);
const MIN = 60_000;
const actors: readonly TaskActor[] = [
  { deviceId: 'imac', name: 'Anna', deviceName: 'Studio iMac' },
  { deviceId: 'laptop-anna', name: 'Anna' },
  { deviceId: 'laptop-marek', name: 'Marek' },
  { deviceId: 'laptop-ewa', name: 'Ewa' },
];
const iso = (t: number) => new Date(t).toISOString();

function randomEvent(rand: Rand, type: TaskEventType, actor: TaskActor, at: number): TaskEvent {
  const head = { actor, at: iso(at) };
  const lease = () => iso(at + pick(rand, [15, 30, 60, 120, 0, 13 * 60]) * MIN);
  switch (type) {
    case 'create':
      return { type, ...head, taskId: 't', source: { kind: 'by_hand', brief: 'Retouch it' } };
    case 'claim':
    case 'renew':
    case 'resume':
      return { type, ...head, expiresAt: lease() };
    case 'submit':
      return { type, ...head, versionSha256: int(rand, 0, 15).toString(16).repeat(64) };
    case 'reject':
      return { type, ...head, markupCount: pick(rand, [0, 0, 1, 3]), comment: rand() < 0.4 ? 'Warmer, please' : undefined };
    case 'approve':
      return { type, ...head, comment: rand() < 0.3 ? 'Nice' : undefined };
    case 'release':
      return { type, ...head };
  }
}

/** A valid-payload event for a button, to check allowedTaskActions against the reducer. */
function buttonEvent(type: TaskEventType, actor: TaskActor, at: number): TaskEvent {
  const head = { actor, at: iso(at) };
  if (type === 'claim' || type === 'renew' || type === 'resume') return { type, ...head, expiresAt: iso(at + 30 * MIN) };
  if (type === 'submit') return { type, ...head, versionSha256: 'f'.repeat(64) };
  if (type === 'reject') return { type, ...head, markupCount: 1 };
  return randomEvent(prng(1), type, actor, at);
}

/** Every move an accepted event may make. */
const moves: Record<TaskStateName, readonly TaskStateName[]> = {
  to_do: ['in_progress'],
  in_progress: ['in_progress', 'to_do', 'in_review'],
  in_review: ['approved', 'rejected'],
  rejected: ['in_progress'],
  approved: [],
};

const RUNS = 3000;
const MAX_STEPS = 40;

describe('the retouch task machine, over random event sequences', () => {
  it(`keeps its invariants over ${RUNS} seeded sequences`, () => {
    let steps = 0;
    const accepted = new Map<string, number>();
    const refusedBy = new Map<string, number>();
    const reached = new Set<string>();
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed);
      let now = START;
      const created = createTask(randomEvent(rand, 'create', pick(rand, actors), now));
      if (!created.ok) throw new Error(`seed ${seed}: create refused`);
      let task: RetouchTask = created.task;
      /** Who held the task when: [from, to) per lease, cut short by release, submit or takeover. */
      const held: { holder: TaskActor; from: number; to: number }[] = [];
      const trail: string[] = ['create → to_do'];
      const fail = (message: string): never => {
        throw new Error(`seed ${seed}, step ${trail.length}: ${message}\n  ${trail.join('\n  ')}`);
      };

      const length = int(rand, 1, MAX_STEPS);
      for (let step = 1; step <= length; step++) {
        steps++;
        now += pick(rand, [0, 1, 5, 10, 20, 40, 90, -10]) * MIN;
        const type =
          rand() < 0.03
            ? 'create'
            : pick(
                rand,
                taskEventTypes.filter((t) => t !== 'create'),
              );
        const actor = pick(rand, actors);
        const event = randomEvent(rand, type, actor, now);
        const before = structuredClone(task);
        const result = applyTaskEvent(task, event);
        const again = applyTaskEvent(before, event);
        trail.push(
          `${event.type} by ${actor.name}@${actor.deviceId} at ${event.at} → ${result.ok ? result.task.state : `refused ${result.code}`}`,
        );

        if (JSON.stringify(again) !== JSON.stringify(result)) fail('the same event on the same task gave a different answer');
        if (JSON.stringify(task) !== JSON.stringify(before)) fail('the task given was changed');

        // The buttons agree with the reducer.
        for (const a of allowedTaskActions(before, actor, iso(now))) {
          if (applyTaskEvent(before, buttonEvent(a.action, actor, now)).ok !== a.allowed)
            fail(`allowedTaskActions says ${a.action} is ${a.allowed ? '' : 'not '}allowed`);
        }

        if (!result.ok) {
          refusedBy.set(type, (refusedBy.get(type) ?? 0) + 1);
          if (!(taskRefusalCodes as readonly string[]).includes(result.code)) fail(`unknown refusal code ${result.code}`);
          if (!/^[A-Z].*\.$/.test(result.reason) || /[{}]/.test(result.reason)) fail(`refusal sentence: ${result.reason}`);
          continue; // the task stays deep-equal (checked above: `task` is unchanged)
        }

        accepted.set(type, (accepted.get(type) ?? 0) + 1);
        const next = result.task;
        const { transition } = result;
        if (!taskTransitionSchema.safeParse(transition).success) fail('a malformed transition');
        if (transition.from !== before.state || transition.to !== next.state) fail('the transition does not match the task');
        if (transition.round !== next.rounds.length) fail('the transition names the wrong round');
        if (before.state === 'approved') fail('an approved task moved');
        if (!moves[before.state].includes(next.state)) fail(`no move leads from ${before.state} to ${next.state}`);
        if (!retouchTaskSchema.safeParse(next).success) fail('the task does not parse');
        const problems = taskProblems(next);
        if (problems.length) fail(problems.join('; '));

        // Rounds only grow: at most one more, and only by resume; earlier rounds never change.
        const grew = next.rounds.length - before.rounds.length;
        if (grew < 0 || grew > 1) fail(`rounds went from ${before.rounds.length} to ${next.rounds.length}`);
        if (grew === 1 && type !== 'resume' && before.rounds.length > 0) fail(`${type} added a round`);
        for (let i = 0; i < before.rounds.length - 1; i++)
          if (JSON.stringify(next.rounds[i]) !== JSON.stringify(before.rounds[i])) fail(`round ${i + 1} changed`);
        if (next.state === 'in_review') {
          const round = next.rounds[next.rounds.length - 1];
          if (!round?.versionSha256 || !round.submittedAt || round.review) fail('in review without a submitted version for the round');
        }
        if (Date.parse(next.updatedAt) !== now) fail('updatedAt is not the event’s time');

        // At most one live holder at any time.
        const was = liveHolder(before, event.at);
        const is = liveHolder(next, event.at);
        if (was && is && !sameActor(was, is)) fail(`${is.name} holds the task while ${was.name}’s lease is live`);
        const last = held[held.length - 1];
        if (before.lease && !next.lease && last) last.to = Math.min(last.to, now);
        if (next.lease && next.lease !== before.lease) {
          if (next.lease.claimedAt === event.at) {
            if (last) last.to = Math.min(last.to, now);
            held.push({ holder: next.lease.holder, from: now, to: Date.parse(next.lease.expiresAt) });
          } else if (last) last.to = Date.parse(next.lease.expiresAt); // renewed
        }
        task = next;
        reached.add(task.state);
      }
      for (let i = 0; i < held.length; i++)
        for (let j = i + 1; j < held.length; j++) {
          const a = held[i];
          const b = held[j];
          if (a && b && !sameActor(a.holder, b.holder) && a.from < b.to && b.from < a.to)
            fail(`${a.holder.name} and ${b.holder.name} held the task at the same time`);
        }
    }

    // The generator reaches every state and has every event both accepted and refused.
    expect(steps).toBeGreaterThan(RUNS * 5);
    expect([...reached].sort()).toEqual([...taskStates].sort());
    for (const type of taskEventTypes) {
      if (type !== 'create') expect(accepted.get(type) ?? 0, `${type} accepted`).toBeGreaterThan(10);
      expect(refusedBy.get(type) ?? 0, `${type} refused`).toBeGreaterThan(10);
    }
  });
});
