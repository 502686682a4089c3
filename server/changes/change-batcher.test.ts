import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test-support/test-server';
import { ChangeBatcher } from './change-batcher';

describeOnEachDatabase('change batcher (group commit)', (server) => {
  it('changes recorded together are committed together, each with its own seq in the order recorded', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const { db } = server().app.proofdesk;
    const batcher = new ChangeBatcher(db);
    const before = Number(
      (
        await db
          .selectFrom('changes')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('studio_id', '=', studio.studioId)
          .executeTakeFirst()
      )?.seq ?? 0,
    );
    const seqs = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        batcher.record({ studioId: studio.studioId, galleryId: gallery.id, type: 'gallery.viewed', at: 1000 + i, payload: {} }),
      ),
    );
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => before + i + 1));
    const rows = await db
      .selectFrom('changes')
      .select(['seq', 'at'])
      .where('studio_id', '=', studio.studioId)
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [Number(r.seq), Number(r.at)])).toEqual(seqs.map((seq, i) => [seq, 1000 + i]));
  });

  it('a failed batch fails every caller in it and stores none of it; the next batch still works', async () => {
    const studio = await server().newStudio();
    const gallery = await server().newGallery(studio);
    const { db } = server().app.proofdesk;
    const batcher = new ChangeBatcher(db);
    const change = (at: number, payload: Record<string, unknown> = {}) =>
      batcher.record({ studioId: studio.studioId, galleryId: gallery.id, type: 'gallery.viewed', at, payload });
    // A BigInt cannot be written as JSON: the second change throws inside the shared transaction.
    const results = await Promise.allSettled([change(1), change(2, { n: 10n })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(change(3)).resolves.toEqual(expect.any(Number));
    const stored = await db
      .selectFrom('changes')
      .select('at')
      .where('studio_id', '=', studio.studioId)
      .where('type', '=', 'gallery.viewed')
      .execute();
    expect(stored.map((r) => Number(r.at))).toEqual([3]);
  });
});
