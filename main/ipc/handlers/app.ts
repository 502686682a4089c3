import { AppError } from '../../../shared/errors';
import type { Handlers } from '../types';
import type { HandlerDeps } from './deps';

type AppCalls = 'app.info' | 'prefs.get' | 'prefs.set' | 'dialog.pickFolder' | `library.${string}`;

export function appHandlers({ appInfo, prefs, library, pickFolder }: HandlerDeps): Pick<Handlers, Extract<keyof Handlers, AppCalls>> {
  return {
    'app.info': () => appInfo(),
    'prefs.get': () => prefs.get(),
    'prefs.set': (patch) => prefs.set(patch),
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
