// The "did you mean" hint for an unmatched file: the ordered stem at the smallest edit distance
// (at most 2, and less than half the stem), among the ordered stems with the same numbers in the
// same order. Frame numbers are what tell photos apart, so IMG_0413 never hints IMG_0412, while
// IMG0412, MG_0412 or 20240601-Kowalsky-0042 do hint their ordered names. The search is bounded:
// one bucket per number sequence, at most `perLookup` stems compared in it.

export const MAX_HINT_DISTANCE = 2;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) if it is at
 * most `max`, otherwise `max + 1`. Compares UTF-16 code units (the keys are NFC).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  const d = prev[n] ?? max + 1;
  return d > max ? max + 1 : d;
}

/** The digit runs of a key, in order: "20240601-kowalski-0042" → "20240601|0042". */
export function numberSignature(key: string): string {
  return (key.match(/\d+/g) ?? []).join('|');
}

export interface NearEntry<T> {
  readonly key: string;
  readonly value: T;
}

export class NearStemIndex<T> {
  private readonly buckets = new Map<string, NearEntry<T>[]>();

  constructor(private readonly perLookup = 64) {}

  /** Entries added first win ties, so add them in the order they should be preferred. */
  add(key: string, value: T): void {
    const sig = numberSignature(key);
    const bucket = this.buckets.get(sig);
    if (bucket) bucket.push({ key, value });
    else this.buckets.set(sig, [{ key, value }]);
  }

  /** The nearest entry within the hint distance, or null. */
  nearest(key: string): { entry: NearEntry<T>; distance: number } | null {
    const bucket = this.buckets.get(numberSignature(key));
    if (!bucket) return null;
    const max = Math.min(MAX_HINT_DISTANCE, Math.ceil(key.length / 2) - 1);
    if (max < 1) return null;
    let best: { entry: NearEntry<T>; distance: number } | null = null;
    const limit = Math.min(bucket.length, this.perLookup);
    for (let i = 0; i < limit; i++) {
      const entry = bucket[i] as NearEntry<T>;
      const bound = best ? best.distance - 1 : max;
      if (bound < 1) break;
      const d = boundedEditDistance(key, entry.key, bound);
      if (d <= bound && d > 0) best = { entry, distance: d };
    }
    return best;
  }
}
