// A ProofdeskBridge over the browser host's WebSocket (same calls, same envelopes as IPC).
// Calls made while (re)connecting wait; a dropped connection fails pending calls with an
// offline error and reconnects with backoff.
import type { ProofdeskBridge } from '../../../shared/bridge-type';
import type { EventName } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { HOST_SOCKET_PATH, HOST_TOKEN_PARAM, hostMessageSchema } from '../../../shared/host-protocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function createHostBridge(baseUrl: string, token: string): ProofdeskBridge {
  const socketUrl = `${baseUrl.replace(/^http/, 'ws')}${HOST_SOCKET_PATH}?${HOST_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const outbox: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  function connect() {
    const ws = new WebSocket(socketUrl);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      while (outbox.length) ws.send(outbox.shift() as string);
    };
    ws.onmessage = (event) => {
      const parsed = hostMessageSchema.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.t === 'result') {
        if (message.id === null) return;
        pending.get(message.id)?.resolve(message.envelope);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      for (const [id, call] of pending) {
        call.reject(
          new AppError('offline', 'The connection to Proofdesk was interrupted. Your last action may not have been saved; try it again.'),
        );
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  return {
    call(name, input) {
      const id = nextId++;
      const text = JSON.stringify({ t: 'call', id, name, input });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket?.readyState === WebSocket.OPEN) socket.send(text);
        else outbox.push(text);
      });
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
