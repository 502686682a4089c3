// All page text goes through i18next. English and Polish ship together with the same keys
// (a test checks); English carries the few/many forms too, so the key sets are identical.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../../shared/schemas/prefs';
import en from './en.json';
import pl from './pl.json';

export const catalogues = { en, pl } as const;

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
