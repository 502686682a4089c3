// One handler per contract call. Handlers are thin: they translate to a service call.
import { AppError } from '../../shared/errors';
import type { AppInfo } from '../../shared/schemas/app';
import type { LibraryService } from '../services/library';
import type { PreferencesService } from '../services/settings';
import type { Handlers } from './types';

export interface HandlerDeps {
  appInfo: () => AppInfo;
  prefs: PreferencesService;
  library: LibraryService;
  /** Present only where a native picker exists (Electron). */
  pickFolder?: (title?: string) => Promise<string | null>;
}

export function createHandlers({ appInfo, prefs, library, pickFolder }: HandlerDeps): Handlers {
  return {
    'app.info': () => appInfo(),
    'prefs.get': () => prefs.get(),
    'prefs.set': (patch) => prefs.set(patch),
    'library.current': () => library.current(),
    'library.recent': () => library.recent(),
    'library.create': (input) => library.create(input),
    'library.open': (input) => library.open(input.path),
    'library.close': () => {
      library.close();
      return null;
    },
    'dialog.pickFolder': async ({ title }) => {
      if (!pickFolder) {
        throw new AppError('unsupported', 'This window cannot open a folder picker. Type or paste the folder path instead.');
      }
      return { path: await pickFolder(title) };
    },
  };
}
