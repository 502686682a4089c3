// Connects the dispatcher to Electron IPC: one call channel, one event channel, both named
// in shared/contract.ts. The sender frame's URL is the origin the dispatcher checks.
import type { BrowserWindow, IpcMain } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract';
import type { Core } from '../core/create-core';

export function bridgeIpc(ipcMain: IpcMain, core: Core, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, input: unknown) =>
    core.dispatch(name, input, { origin: event.senderFrame?.url ?? null, transport: 'electron' }),
  );
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const win of windows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
  };
}
