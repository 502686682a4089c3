import type { z } from 'zod';
import type { CallName, Calls, EventName, EventPayload } from '../../shared/contract';

export interface CallContext {
  /** Origin of the calling page (Electron sender frame URL or WebSocket Origin header). */
  origin: string | null;
  transport: 'electron' | 'host';
}

export type HandlerInput<N extends CallName> = z.output<Calls[N]['input']>;
export type HandlerOutput<N extends CallName> = z.input<Calls[N]['output']>;
export type Handler<N extends CallName> = (input: HandlerInput<N>, ctx: CallContext) => HandlerOutput<N> | Promise<HandlerOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };

export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;
