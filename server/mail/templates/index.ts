// The order e-mails in every language the gallery page speaks (shared/schemas/prefs languages):
// one catalogue per language with one function per e-mail kind, rendered to text and HTML.
// client_download_links is delivery's own (server/deliveries/download-mail.ts): it carries the order's current link.
import type { EmailKind } from '../../../shared/schemas/orders-api';
import type { Language } from '../../../shared/schemas/prefs';
import { type MailContent, type RenderedMail, render } from './blocks';
import { en } from './en';
import type { OrderMailFacts } from './facts';
import { pl } from './pl';

export type TemplatedKind = Exclude<EmailKind, 'client_download_links'>;
export type MailCatalogue = Record<TemplatedKind, (facts: OrderMailFacts) => MailContent>;

const catalogues: Record<Language, MailCatalogue> = { en, pl };

export function renderOrderEmail(kind: TemplatedKind, language: Language, facts: OrderMailFacts): RenderedMail {
  return render(catalogues[language][kind](facts), language);
}

export type { OrderMailFacts } from './facts';
