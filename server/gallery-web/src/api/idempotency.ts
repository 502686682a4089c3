// One Idempotency-Key per checkout attempt. The same request sent again (a retry after a
// dropped connection, a double click) reuses its key, so the server replays the first answer
// instead of creating a second order; a changed request (another method, a fixed e-mail
// address) is a new attempt and gets a new key, so a stored refusal is not replayed at it.

/** UUID v4 from getRandomValues: crypto.randomUUID exists only in secure contexts (https). */
export function uuidV4(random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): string {
  const b = new Uint8Array(16);
  random(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface AttemptKeys {
  /** The key for this exact request: the previous one when the request is unchanged. */
  keyFor(request: unknown): string;
  /** After an order exists there is nothing to retry; the next checkout starts afresh. */
  reset(): void;
}

export function attemptKeys(makeKey: () => string = uuidV4): AttemptKeys {
  let last: { request: string; key: string } | null = null;
  return {
    keyFor(request) {
      const text = JSON.stringify(request);
      if (last?.request !== text) last = { request: text, key: makeKey() };
      return last.key;
    },
    reset() {
      last = null;
    },
  };
}
