import { AppError } from '../../../shared/errors';
import { localServerUrl } from '../../core/local-server';
import type { Handlers } from '../types';
import type { HandlerDeps } from './deps';

type AppCalls = 'app.info' | 'prefs.get' | 'prefs.set' | 'dialog.pickFolder' | `library.${string}`;

export function appHandlers({
  appInfo,
  prefs,
  library,
  pickFolder,
  session,
}: HandlerDeps): Pick<Handlers, Extract<keyof Handlers, AppCalls>> {
  return {
    'app.info': () => appInfo(),
    'prefs.get': () => prefs.get(),
    'prefs.set': async (patch) => {
      const next = prefs.set(patch);
      // The open library's sync follows a new address at once, not only after the library is
      // reopened; one round reads it into the status, so pairing right after goes to it.
      const sync = session()?.sync;
      if (sync && patch.serverUrl !== undefined) {
        sync.setServerUrl(next.serverUrl ?? localServerUrl());
        await sync.syncNow();
      }
      return next;
    },
    'library.current': () => library.current(),
    'library.recent': () => library.recent(),
    'library.create': (input) => library.create(input),
    'library.open': (input) => library.open(input.path),
    'library.close': async () => {
      await library.close();
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
