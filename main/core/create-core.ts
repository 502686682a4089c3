// The composition root shared by the Electron app and the browser host: builds the
// services with their dependencies and the one dispatcher both transports use.
import type { AppInfo } from '../../shared/schemas/app';
import { createEventHub, type EventHub } from '../ipc/event-hub';
import { createHandlers, type DesktopShell } from '../ipc/handlers';
import { createDispatcher, type Dispatch } from '../ipc/registry';
import type { Logger } from '../ipc/types';
import { createLibraryService, type LibraryService } from '../services/library';
import type { SecretStore } from '../services/secrets';
import { createPreferences, type PreferencesService, type PrefsBackingStore } from '../services/settings';
import { type LibrarySession, openLibrarySession, type SessionOptions } from './library-session';

export interface CoreOptions {
  runtime: AppInfo['runtime'];
  version: string;
  prefsStore: PrefsBackingStore;
  isTrustedOrigin: (origin: string | null) => boolean;
  log: Logger;
  notices?: string[];
  pickFolder?: (title?: string) => Promise<string | null>;
  now?: () => Date;
  /** Where the device token is kept (keyring-backed in Electron, a 0600 file elsewhere). */
  secrets: SecretStore;
  /** Where the hosted service this app runs on loopback leaves a pairing code (core/local-server.ts). */
  localPairingFile?: string;
  /** The system's file opener (Electron's shell); the browser host has none. */
  shell?: DesktopShell;
  /** Tuning for tests (short settle windows); production uses the defaults. */
  ingest?: SessionOptions['ingest'];
}

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  prefs: PreferencesService;
  library: LibraryService;
  /** The open library's catalog and services, or null. */
  session(): LibrarySession | null;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const events = createEventHub();
  const prefs = createPreferences(options.prefsStore);
  let session: LibrarySession | null = null;
  const library = createLibraryService({
    prefs,
    now: options.now ?? (() => new Date()),
    ownerName: options.runtime === 'electron' ? 'Proofdesk' : 'Proofdesk (browser host)',
    // The catalog opens with the library and closes with it; a catalog that cannot be
    // opened (newer version, damaged) makes the open fail as a whole.
    onChange: async (lib) => {
      const previous = session;
      session = null;
      await previous?.close();
      if (lib) {
        session = await openLibrarySession(lib, {
          events,
          log: options.log,
          secrets: options.secrets,
          serverUrl: prefs.get().serverUrl,
          personName: () => prefs.get().personName,
          ...(options.localPairingFile ? { localPairingFile: options.localPairingFile } : {}),
          ...(options.ingest ? { ingest: options.ingest } : {}),
        });
      }
      events.emit('library.changed', lib);
    },
  });
  const appInfo = (): AppInfo => ({
    name: 'Proofdesk',
    version: options.version,
    runtime: options.runtime,
    platform: process.platform,
    nodeVersion: process.versions.node,
    canPickFolders: Boolean(options.pickFolder),
    notices: [...(options.notices ?? []), ...(options.secrets.notice ? [options.secrets.notice] : [])],
  });
  const handlers = createHandlers({
    appInfo,
    prefs,
    library,
    session: () => session,
    onPhotosChanged: (shootId) => events.emit('photos.changed', { shootId }),
    ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
    ...(options.shell ? { shell: options.shell } : {}),
  });
  const dispatch = createDispatcher({ handlers, isTrustedOrigin: options.isTrustedOrigin, log: options.log });
  return { dispatch, events, prefs, library, session: () => session, close: () => library.close() };
}
