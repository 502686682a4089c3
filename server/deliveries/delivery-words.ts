// The words a delivery shows a client, in the languages of the gallery page (en, pl): set names
// (also the folder names inside a zip), file counts, sizes and the link's expiry. Used by the
// download e-mail and the download page, so both say the same thing.
import type { DeliverySet } from '../../shared/schemas/delivery-api';
import type { Language } from '../../shared/schemas/prefs';

const locales: Record<Language, string> = { en: 'en-GB', pl: 'pl-PL' };

export const setLabels: Record<Language, Record<DeliverySet, string>> = {
  en: { full: 'Full resolution', web: 'Web version' },
  pl: { full: 'Pełna rozdzielczość', web: 'Wersja do internetu' },
};

const plural = new Intl.PluralRules('pl');

export function fileCount(n: number, language: Language): string {
  if (language === 'en') return n === 1 ? '1 file' : `${n} files`;
  const form = plural.select(n);
  return `${n} ${form === 'one' ? 'plik' : form === 'few' ? 'pliki' : 'plików'}`;
}

/** Decimal units, as file managers show them: 840 KB, 4.2 MB, 12 MB, 1.3 GB ("4,2 MB" in Polish). */
export function formatBytes(bytes: number, language: Language): string {
  const units: [number, string][] = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      const digits = value < 10 ? 1 : 0;
      return `${new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(value)} ${unit}`;
    }
  }
  return language === 'en' ? `${bytes} bytes` : `${bytes} B`;
}

/**
 * The server does not know the client's time zone (the page runs no script), so the time is
 * shown with its zone: Polish readers in Warsaw time, English ones in UTC.
 */
export function formatExpiry(ms: number, language: Language): string {
  return (
    new Intl.DateTimeFormat(locales[language], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: language === 'pl' ? 'Europe/Warsaw' : 'UTC',
    }).format(new Date(ms)) + (language === 'pl' ? '' : ' UTC')
  );
}
