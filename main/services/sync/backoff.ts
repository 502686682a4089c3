// Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
// Jitter"): a random wait in [0, min(cap, base·2^attempt)). Jitter spreads the retries of
// many studio laptops coming back online at once, so they do not hit the server in step.
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 };

/** `attempt` counts failures so far (1 after the first); `random` returns [0, 1). */
export function backoffDelayMs(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random() * ceiling);
}
