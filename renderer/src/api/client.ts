// The renderer's one API client. It works over window.proofdesk (Electron preload) or the
// browser host's WebSocket: both are a ProofdeskBridge answering envelopes.
import type { CallInput, CallName, CallOutput, EventName, EventPayload, ProofdeskBridge } from '../../../shared/contract';
import { envelopeSchema } from '../../../shared/envelope';
import { AppError } from '../../../shared/errors';

export interface ApiClient {
  call<N extends CallName>(
    name: N,
    ...input: [CallInput<N>] extends [Record<string, never>] ? [CallInput<N>?] : [CallInput<N>]
  ): Promise<CallOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(bridge: ProofdeskBridge): ApiClient {
  return {
    async call(name, ...args) {
      let raw: unknown;
      try {
        raw = await bridge.call(name, args[0] ?? {});
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('offline', 'Proofdesk could not reach its background service. Wait a moment and try again.');
      }
      const envelope = envelopeSchema.parse(raw);
      if (!envelope.ok) throw AppError.fromData(envelope.error);
      return envelope.value as CallOutput<typeof name>;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
  };
}
