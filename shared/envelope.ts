// The one shape every call answer takes on every transport (Electron IPC, the browser
// host's WebSocket): a value, or a user-readable error. Never a thrown stack across a boundary.
import { z } from 'zod';
import { type AppErrorData, appErrorSchema } from './errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(error: AppErrorData): Envelope<never> {
  return { ok: false, error };
}
