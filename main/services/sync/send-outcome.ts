// What sending one outbox row led to; the sender turns it into the row's next state.

import { verdictOf } from './answers';
import { type ApiAnswer, NetworkError } from './api-client';

export type SendOutcome =
  | { kind: 'done'; response: unknown }
  | { kind: 'rejected'; message: string; response: unknown }
  /** `offline`: no answer at all (network), as opposed to an answer saying "try later". */
  | { kind: 'retry'; message: string; retryAfterMs: number | null; offline: boolean }
  | { kind: 'unauthorized'; message: string }
  /** The user cancelled the row while it was being sent (uploads). */
  | { kind: 'cancelled' };

/** An answer that is not a success, as an outcome; null when it is a success. */
export function failureOf(answer: ApiAnswer): SendOutcome | null {
  const verdict = verdictOf(answer);
  switch (verdict.kind) {
    case 'ok':
      return null;
    case 'retry':
      return { ...verdict, offline: false };
    case 'unauthorized':
      return verdict;
    case 'rejected':
      return { kind: 'rejected', message: verdict.message, response: answer.body };
  }
}

/** Runs one HTTP step; a network failure becomes a retry outcome instead of an exception. */
export async function attempt<T>(step: () => Promise<T>): Promise<T | SendOutcome> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof NetworkError) return { kind: 'retry', message: error.message, retryAfterMs: null, offline: true };
    throw error;
  }
}
