// Sandboxed preload: exposes exactly one object, window.proofdesk.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge';

// webUtils.getPathForFile is how a sandboxed page learns where a dropped folder lives.
contextBridge.exposeInMainWorld(
  'proofdesk',
  createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
