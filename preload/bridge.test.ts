import { describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc-channels';
import { createBridge, type IpcRendererLike } from './bridge';

// ipcRenderer exists only inside Electron, which cannot run here; this stand-in records
// what the bridge sends, which is all the bridge itself decides.
function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: 'pong' };
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (...args: unknown[]) => {
    for (const l of listeners.get(IPC_EVENT_CHANNEL) ?? []) l({}, ...args);
  };
  return { ipc, invoked, emit, listeners };
}

describe('preload bridge', () => {
  it('sends every call on the one call channel with its name as data', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(await bridge.call('app.info', {})).toEqual({ ok: true, value: 'pong' });
    expect(invoked).toEqual([[IPC_CALL_CHANNEL, 'app.info', {}]]);
  });

  it('delivers only the subscribed event and unsubscribes cleanly', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    const got: unknown[] = [];
    const off = bridge.on('job.progress', (p) => got.push(p));
    emit('library.changed', null);
    emit('job.progress', { jobId: 'j' });
    expect(got).toEqual([{ jobId: 'j' }]);
    off();
    expect(listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('is frozen so page scripts cannot swap its methods', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
