import type { CallName, EventName } from './contract';

/** What the preload exposes as window.proofdesk, and what the browser host's client imitates.
 * Both answer every call with an Envelope (see envelope.ts). */
export interface ProofdeskBridge {
  call(name: CallName, input: unknown): Promise<unknown>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Electron only: the path on disk of a file or folder dropped onto the window. */
  pathForFile?(file: File): string;
}
