// App preferences over a key-value store: electron-store in the Electron app, conf (the
// library electron-store is built on) under plain Node. Both expose `store` as the whole object.
import { AppError } from '../../../shared/errors';
import { defaultPrefs, type Prefs, type PrefsPatch, prefsSchema } from '../../../shared/schemas/prefs';

export interface PrefsBackingStore {
  store: Record<string, unknown>;
}

export interface PreferencesService {
  get(): Prefs;
  set(patch: PrefsPatch): Prefs;
  rememberLibrary(libraryPath: string): void;
  forgetLibrary(libraryPath: string): void;
}

export function createPreferences(backing: PrefsBackingStore): PreferencesService {
  function read(): Prefs {
    const parsed = prefsSchema.safeParse(backing.store);
    // A settings file edited by hand into nonsense falls back to defaults rather than
    // locking the user out of the app; valid keys are kept.
    if (parsed.success) return parsed.data;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(backing.store)) {
      const field = prefsSchema.shape[key as keyof Prefs];
      if (field?.safeParse(value).success) kept[key] = value;
    }
    return prefsSchema.parse(kept);
  }

  function write(next: Prefs): Prefs {
    try {
      backing.store = next;
    } catch (error) {
      throw new AppError(
        'io_error',
        `Your preferences could not be saved (${(error as Error).message}). Check that the settings folder is writable.`,
      );
    }
    return next;
  }

  return {
    get: read,
    set(patch) {
      return write(prefsSchema.parse({ ...read(), ...patch }));
    },
    rememberLibrary(libraryPath) {
      const current = read();
      const recent = [libraryPath, ...current.recentLibraries.filter((p) => p !== libraryPath)].slice(0, 10);
      write({ ...current, recentLibraries: recent });
    },
    forgetLibrary(libraryPath) {
      const current = read();
      write({ ...current, recentLibraries: current.recentLibraries.filter((p) => p !== libraryPath) });
    },
  };
}

export { defaultPrefs };
