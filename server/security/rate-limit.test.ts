import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test-support/test-server';
import { enforceRateLimit, hitRateLimit, refundRateLimit } from './rate-limit';

const rule = { what: 'test attempts', limit: 3, windowMs: 60_000 };

describeOnEachDatabase('database-backed rate limit', (server) => {
  it('allows the limit, refuses the next, and opens again when the window has passed', async () => {
    const { db } = server().app.proofdesk;
    const t0 = 1_000_000;
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await hitRateLimit(db, 'k:window', rule, t0 + i));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(60);
    expect((await hitRateLimit(db, 'k:window', rule, t0 + rule.windowMs)).allowed).toBe(true);
  });

  it('never lets concurrent attempts slip past the limit', async () => {
    const { db } = server().app.proofdesk;
    const decisions = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(db, 'k:burst', { ...rule, limit: 10 }, 5_000_000)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('gives one attempt back on refund, never below zero', async () => {
    const { db } = server().app.proofdesk;
    for (let i = 0; i < 3; i += 1) await hitRateLimit(db, 'k:refund', rule, 7_000_000);
    await refundRateLimit(db, 'k:refund');
    expect((await hitRateLimit(db, 'k:refund', rule, 7_000_001)).allowed).toBe(true);
    for (let i = 0; i < 10; i += 1) await refundRateLimit(db, 'k:refund');
    const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', 'k:refund').executeTakeFirstOrThrow();
    expect(row.hits).toBe(0);
  });

  it('throws a 429 ApiError with Retry-After and a message that says how long to wait', async () => {
    const { db } = server().app.proofdesk;
    for (let i = 0; i < 3; i += 1) await enforceRateLimit(db, 'k:enforce', rule, 9_000_000);
    await expect(enforceRateLimit(db, 'k:enforce', rule, 9_000_000)).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Too many test attempts from your network. Wait a minute and try again.',
      options: { headers: { 'retry-after': '60' } },
    });
  });
});
