// Wire format between the renderer and the browser host's WebSocket. It carries the same
// call names and envelopes as Electron IPC, so the renderer cannot tell the two apart.
import { z } from 'zod';
import { envelopeSchema } from './envelope';

export const HOST_SOCKET_PATH = '/ws';
export const HOST_TOKEN_PARAM = 'token';

export const hostRequestSchema = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown(),
});
export type HostRequest = z.infer<typeof hostRequestSchema>;

export const hostMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id: z.number().int().nullable(), envelope: envelopeSchema }),
  z.object({ t: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;
