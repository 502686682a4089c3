// Sandboxed preload: exposes exactly one object, window.proofdesk.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('proofdesk', createBridge(ipcRenderer));
