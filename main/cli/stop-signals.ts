// Ctrl+C (SIGINT) and SIGTERM ask the command to stop: it finishes the photos in flight,
// closes the catalog and releases the library. `npm run ingest` forwards the signal the
// terminal already sent, so a second one within a second is the same request; a later one
// means "stop now" and exits at once (the catalog is crash-safe, the next run resumes).
export interface StopSignals {
  /** Resolves with the signal once a stop was asked for. */
  readonly requested: Promise<NodeJS.Signals>;
  dispose(): void;
}

export function listenForStop(onForce: (signal: NodeJS.Signals) => void, now = Date.now): StopSignals {
  let first: number | null = null;
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const handler = (signal: NodeJS.Signals) => {
    if (first === null) {
      first = now();
      resolve(signal);
    } else if (now() - first > 1000) onForce(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, handler);
  return {
    requested,
    dispose() {
      for (const signal of signals) process.off(signal, handler);
    },
  };
}

export function exitCodeFor(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 143 : 130;
}
