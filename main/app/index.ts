// Electron entry: lifecycle, the window, the app:// scheme and IPC. Everything else is in
// services that run under plain Node (see main/core/create-core.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, shell } from 'electron';
import Store from 'electron-store';
import { defaultPrefs } from '../../shared/schemas/prefs';
import { contentSecurityPolicy } from '../assets/csp';
import { consoleLogger } from '../core/console-logger';
import { createCore } from '../core/create-core';
import { localPairingFile } from '../core/local-server';
import { createSafeStorageSecretStore } from '../services/secrets';
import { prefsJsonSchemaProperties } from '../services/settings';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './app-origin';
import { planAppRequest } from './app-protocol';
import { bridgeIpc } from './ipc-bridge';
import { forkLocalServer } from './local-server';
import { guardNavigation } from './navigation-guard';
import { mainWindowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.resolve(here, '../preload/index.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();
let coreForQuit: ReturnType<typeof createCore> | null = null;

app.whenReady().then(async () => {
  const csp = contentSecurityPolicy();
  let mediaDir: () => string | null = () => null;
  protocol.handle(APP_SCHEME, async (request) => {
    const plan = planAppRequest(request.url, rendererDir, csp, mediaDir());
    if (plan.kind === 'error') return new Response(plan.reason, { status: plan.status });
    const file = await net.fetch(`file://${plan.filePath}`);
    return new Response(file.body, { status: file.status, headers: plan.headers });
  });

  const store = new Store<Record<string, unknown>>({
    name: 'preferences',
    schema: prefsJsonSchemaProperties(),
    defaults: { ...defaultPrefs },
    clearInvalidConfig: true,
  });
  const core = createCore({
    runtime: 'electron',
    version: app.getVersion(),
    prefsStore: store,
    // safeStorage where the OS has a real keyring; otherwise a 0600 file and a visible notice.
    secrets: createSafeStorageSecretStore(app.getPath('userData'), safeStorage),
    localPairingFile: localPairingFile(app.getPath('userData')),
    isTrustedOrigin: isAppUrl,
    log: consoleLogger,
    pickFolder: async (title) => {
      const result = await dialog.showOpenDialog({ title: title ?? 'Choose a folder', properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // Retouch: open an original or a version in the system's editor, or show it in its folder.
    shell: { openPath: (file) => shell.openPath(file), showItemInFolder: (file) => shell.showItemInFolder(file) },
  });
  mediaDir = () => core.session()?.mediaDir ?? null;
  if (core.prefs.get().serverUrl === null) {
    forkLocalServer(path.resolve(here, 'server.js'), app.getPath('userData')).then(
      (server) => app.once('will-quit', () => server.stop()),
      (error: Error) => consoleLogger.warn(`the local hosted service could not start: ${error.message}`),
    );
  }
  await core.library.reopenLast();
  coreForQuit = core;
  bridgeIpc(ipcMain, core, () => BrowserWindow.getAllWindows());

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, (url) => void shell.openExternal(url)));

  const openWindow = () => {
    const win = new BrowserWindow(mainWindowOptions(preloadPath));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(APP_ENTRY_URL);
  };
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
});

app.on('before-quit', () => {
  // The catalog and its watchers close with the library (WAL checkpoint, lock released).
  void coreForQuit?.close();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
