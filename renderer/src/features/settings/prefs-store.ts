import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { AppInfo } from '../../../../shared/schemas/app';
import type { Prefs, PrefsPatch } from '../../../../shared/schemas/prefs';
import { getApi } from '../../api/use-api';
import { setLanguage } from '../../i18n';

interface PrefsState {
  prefs: Prefs | null;
  info: AppInfo | null;
  error: AppError | null;
  load(): Promise<void>;
  update(patch: PrefsPatch): Promise<boolean>;
}

export const usePrefs = create<PrefsState>((set) => ({
  prefs: null,
  info: null,
  error: null,
  async load() {
    const api = getApi();
    const [prefs, info] = await Promise.all([api.call('prefs.get'), api.call('app.info')]);
    setLanguage(prefs.language);
    set({ prefs, info });
  },
  async update(patch) {
    try {
      const prefs = await getApi().call('prefs.set', patch);
      setLanguage(prefs.language);
      set({ prefs, error: null });
      return true;
    } catch (error) {
      set({ error: error as AppError });
      return false;
    }
  },
}));
