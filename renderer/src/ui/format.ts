// Dates, money and sizes in the user's language and the computer's time zone.
import i18next from 'i18next';

/** The app's language, refined by the browser's region when they agree (en-GB vs en-US). */
export function userLocale(): string {
  const language = i18next.language?.startsWith('pl') ? 'pl' : 'en';
  const system = typeof navigator === 'undefined' ? '' : navigator.language;
  if (system.toLowerCase().startsWith(language)) return system;
  return language === 'pl' ? 'pl-PL' : 'en-GB';
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(userLocale(), { timeStyle: 'short' }).format(new Date(iso));
}

export function formatMoney(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(userLocale(), { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** Sizes from kilobytes up ("0 kB", "812 kB", "3.5 MB"), so a progress line reads evenly. */
export function formatBytes(bytes: number): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(userLocale(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit >= 1 ? 1 : 0,
  }).format(value);
}
