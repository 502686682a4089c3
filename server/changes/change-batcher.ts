// Group commit for changes that come in bursts (gallery.viewed: every load of a gallery page is
// one). Each change in its own transaction costs a commit, i.e. an fsync on SQLite
// (synchronous=FULL), and better-sqlite3 waits for it on the event loop; under the gallery load
// benchmark that was a fifth of the server's time. Changes recorded in the same turn of the event
// loop are written in one transaction instead, in the order they came: every caller still waits
// until its change is committed, so an answered request never refers to a change that is not stored.
import type { Db } from '../db/types';
import { type NewChange, recordChange } from './change-feed';

interface Pending {
  change: NewChange;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

export class ChangeBatcher {
  private pending: Pending[] = [];

  constructor(private readonly db: Db) {}

  /** Resolves with the change's seq once the transaction holding it has committed. */
  record(change: NewChange): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ change, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const seqs = await this.db.transaction().execute(async (trx) => {
        const done: number[] = [];
        for (const { change } of batch) done.push(await recordChange(trx, change));
        return done;
      });
      for (const [i, p] of batch.entries()) p.resolve(seqs[i] as number);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
