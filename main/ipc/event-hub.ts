// Events from services to every open window (Electron webContents, host WebSockets).
// Payloads are validated against the contract at the source, so a bad payload is a bug
// found where it was made, not in the renderer.
import { type EventName, type EventPayload, events } from '../../shared/contract';
import type { EventListener } from './types';

export interface EventHub {
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const checked = events[name].parse(payload) as EventPayload<typeof name>;
      for (const listener of listeners) listener(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
