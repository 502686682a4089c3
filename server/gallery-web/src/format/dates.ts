// Times travel as ISO-8601 UTC and are shown in the viewer's own time zone.
import type { Language } from '../../../../shared/schemas/prefs';
import { intlLocale } from './locale';

export const formatDate = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(intlLocale[language], { dateStyle: 'long' }).format(new Date(iso));

export const formatDateTime = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(intlLocale[language], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
