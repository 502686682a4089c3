// Money arrives as integer minor units + an ISO currency; Intl knows how many minor digits
// each currency has (PLN 2, JPY 0), so the division is never hard-coded to 100.
import type { Language } from '../../../../shared/schemas/prefs';
import { intlLocale } from './locale';

export function formatMoney(minor: number, currency: string, language: Language): string {
  const format = new Intl.NumberFormat(intlLocale[language], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** 2300 basis points → "23%" in the page's language. */
export function formatVatRate(vatRateBp: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language], { style: 'percent', maximumFractionDigits: 2 }).format(vatRateBp / 10_000);
}
