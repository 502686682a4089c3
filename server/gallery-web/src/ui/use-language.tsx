// Which language the page speaks: the client's own choice (remembered on this device) wins;
// without one, the gallery's language once it is known; before that, the browser's.
import i18next from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../../../shared/schemas/prefs';

const storageKey = 'proofdesk.gallery.language';

const isLanguage = (value: unknown): value is Language => languages.some((l) => l === value);

function storedChoice(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // Storage can be blocked (private modes, strict settings): just do not remember.
  }
}

export function initialLanguage(): Language {
  return storedChoice() ?? (navigator.language.toLowerCase().startsWith('pl') ? 'pl' : 'en');
}

export function applyLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The gallery's language applies only when the client never chose one here. */
export function adoptGalleryLanguage(language: Language): void {
  if (storedChoice() === null) applyLanguage(language);
}

export function useLanguageChoice(): { language: Language; choose(language: Language): void } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const choose = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered, still applied.
    }
    applyLanguage(next);
  }, []);
  return { language, choose };
}
