// The composition root shared by the Electron app and the browser host: builds the
// services with their dependencies and the one dispatcher both transports use.
import type { AppInfo } from '../../shared/schemas/app';
import { createEventHub, type EventHub } from '../ipc/event-hub';
import { createHandlers } from '../ipc/handlers';
import { createDispatcher, type Dispatch } from '../ipc/registry';
import type { Logger } from '../ipc/types';
import { createLibraryService, type LibraryService } from '../services/library';
import { createPreferences, type PreferencesService, type PrefsBackingStore } from '../services/settings';

export interface CoreOptions {
  runtime: AppInfo['runtime'];
  version: string;
  prefsStore: PrefsBackingStore;
  isTrustedOrigin: (origin: string | null) => boolean;
  log: Logger;
  notices?: string[];
  pickFolder?: (title?: string) => Promise<string | null>;
  now?: () => Date;
}

export interface Core {
  dispatch: Dispatch;
  events: EventHub;
  prefs: PreferencesService;
  library: LibraryService;
}

export function createCore(options: CoreOptions): Core {
  const events = createEventHub();
  const prefs = createPreferences(options.prefsStore);
  const library = createLibraryService({
    prefs,
    now: options.now ?? (() => new Date()),
    onChange: (lib) => events.emit('library.changed', lib),
  });
  const appInfo = (): AppInfo => ({
    name: 'Proofdesk',
    version: options.version,
    runtime: options.runtime,
    platform: process.platform,
    nodeVersion: process.versions.node,
    canPickFolders: Boolean(options.pickFolder),
    notices: options.notices ?? [],
  });
  const handlers = createHandlers({ appInfo, prefs, library, ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}) });
  const dispatch = createDispatcher({ handlers, isTrustedOrigin: options.isTrustedOrigin, log: options.log });
  return { dispatch, events, prefs, library };
}
