// What an order e-mail may say about its order: gathered once by server/mail/order-mail.ts,
// worded by the catalogues (en.ts, pl.ts).
import type { OrderFlowStateName } from '../../../shared/orders';
import type { Language } from '../../../shared/schemas/prefs';

export interface OrderMailFacts {
  number: string;
  studioName: string;
  galleryTitle: string;
  clientName: string;
  clientEmail: string;
  clientPhone: string | null;
  note: string;
  photoCount: number;
  /** File names of the ordered photos, for the studio's e-mail. */
  photoNames: string[];
  deliveryLabel: string;
  totalMinor: number;
  vatMinor: number;
  currency: string;
  state: OrderFlowStateName;
  /** How it was paid (null while unpaid); 'free' for a zero total. */
  paidMethod: 'offline' | 'card' | 'free' | null;
  /** The studio's bank transfer details; empty when it wrote none. */
  paymentInstructions: string;
  cardPayments: boolean;
  /** https://…/g/<slug> */
  galleryUrl: string;
  /** https://…/g/<slug>#order=<id> (server/gallery-web/src/state/route.ts) */
  orderUrl: string;
}

/** Money in the reader's language: "45,00 zł" in Polish, "PLN 45.00" in English. */
export function formatMoney(minor: number, currency: string, language: Language): string {
  const format = new Intl.NumberFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
