// Which of a gallery's proofs the storage does not hold yet. Storage is the truth (a blob
// exists or it does not); a few checks run at once so a 20,000-photo gallery stays quick.
import type { BlobStorage } from '../storage/blob-storage';

const PARALLEL_CHECKS = 16;

export async function findMissingProofs(storage: BlobStorage, sha256s: Iterable<string>): Promise<string[]> {
  const distinct = [...new Set(sha256s)];
  const present = new Array<boolean>(distinct.length);
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) {
      const index = next;
      next += 1;
      present[index] = await storage.has(distinct[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHECKS, distinct.length) }, worker));
  return distinct.filter((_, i) => !present[i]);
}
