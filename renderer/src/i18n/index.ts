// All UI text goes through i18next; English and Polish ship together and must have the
// same keys (checked by a test).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/schemas/prefs';
import en from './en.json';
import pl from './pl.json';

export const catalogues = { en, pl } as const;

export function initI18n(language: Language = 'en') {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function setLanguage(language: Language) {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
