// Runs tasks for the same key one after another within this process. Two chunks for one upload
// arriving at once would otherwise interleave their writes to the same partial file before the
// database decides which offset wins; the sha256 check at finish would catch it, but late.
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
