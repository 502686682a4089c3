// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness, so keys sort by creation time.
// Used as outbox idempotency keys. Within one millisecond (or if the clock steps back) a
// 42-bit counter in rand_a + the top of rand_b keeps keys strictly increasing (RFC 9562 §6.2
// method 1), so the server's key log reads in the order the studio made its changes.
import { randomFillSync } from 'node:crypto';

export type UuidV7 = () => string;

const COUNTER_BITS = 42;
const COUNTER_MAX = 2 ** COUNTER_BITS - 1;

export function createUuidV7(nowMs: () => number, fillRandom: (bytes: Uint8Array) => void = randomFillSync): UuidV7 {
  let lastMs = -1;
  let counter = 0;
  const bytes = Buffer.alloc(16);
  return () => {
    let ms = Math.max(0, Math.trunc(nowMs()));
    fillRandom(bytes);
    if (ms > lastMs) {
      // Seeded at random with its top bit clear: room for ≥ 2^41 keys before the ms must move.
      counter = bytes.readUIntBE(0, 6) % 2 ** 41;
      lastMs = ms;
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > COUNTER_MAX) {
        lastMs += 1;
        ms = lastMs;
        counter = 0;
      }
    }
    return format(ms, counter, bytes.subarray(12, 16));
  };
}

function format(ms: number, counter: number, random: Uint8Array): string {
  const out = new Uint8Array(16);
  // 48-bit timestamp, big-endian (Math, not bit ops: JS bit ops are 32-bit).
  for (let i = 5; i >= 0; i -= 1) {
    out[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  const high = Math.floor(counter / 2 ** 30); // 12 bits → rand_a
  const low = counter % 2 ** 30; // 30 bits → top of rand_b
  out[6] = 0x70 | (high >> 8); // version 7
  out[7] = high & 0xff;
  out[8] = 0x80 | (low >>> 24); // variant 10, then 6 counter bits
  out[9] = (low >>> 16) & 0xff;
  out[10] = (low >>> 8) & 0xff;
  out[11] = low & 0xff;
  out.set(random, 12);
  const hex = Buffer.from(out).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
