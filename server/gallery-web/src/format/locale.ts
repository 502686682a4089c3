// The page speaks the languages the studio app does; Intl needs a region to pick European
// conventions (day before month, a 24-hour clock) for English too.
import type { Language } from '../../../../shared/schemas/prefs';

export const intlLocale: Record<Language, string> = { en: 'en-GB', pl: 'pl-PL' };
