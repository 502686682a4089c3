// Time-ordered ids (RFC 9562 UUIDv7) for rows listed in the order they were made (e-mails of an
// order): 48 bits of milliseconds, then a counter within the millisecond, then random bits.
import { randomBytes } from 'node:crypto';

let lastMs = -1;
let counter = 0;

export function uuidv7(nowMs: number = Date.now()): string {
  const ms = Math.max(nowMs, lastMs);
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  // 12-bit counter in rand_a keeps ids of one millisecond in order (4096 per ms, then it wraps into random).
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
