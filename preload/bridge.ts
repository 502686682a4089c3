// Builds window.proofdesk. Kept apart from the Electron import so it is tested with a fake
// ipcRenderer. It imports only type information and the channel names: the sandboxed preload
// cannot load packages, and main validates every call name and input against the contract.
import type { ProofdeskBridge } from '../shared/bridge-type';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc-channels';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

export function createBridge(ipc: IpcRendererLike, pathForFile?: (file: File) => string): ProofdeskBridge {
  return Object.freeze({
    ...(pathForFile ? { pathForFile: (file: File) => pathForFile(file) } : {}),
    call(name, input) {
      return ipc.invoke(IPC_CALL_CHANNEL, String(name), input);
    },
    on(event, listener) {
      const wrapped = (_e: unknown, name: unknown, payload: unknown) => {
        if (name === event) listener(payload);
      };
      ipc.on(IPC_EVENT_CHANNEL, wrapped);
      return () => ipc.removeListener(IPC_EVENT_CHANNEL, wrapped);
    },
  } satisfies ProofdeskBridge);
}
