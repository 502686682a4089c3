// The order e-mails in Polish (the same blocks as en.ts). Names are not declined: the client's
// name only ever appears where Polish needs no case ending ("Klient: Anna Nowak").
import type { Block } from './blocks';
import { formatMoney, type OrderMailFacts } from './facts';
import type { MailCatalogue } from './index';

const plural = new Intl.PluralRules('pl');
const photos = (n: number) => {
  const form = plural.select(n);
  return `${n} ${form === 'one' ? 'zdjęcie' : form === 'few' ? 'zdjęcia' : 'zdjęć'}`;
};
const money = (f: OrderMailFacts, minor: number) => formatMoney(minor, f.currency, 'pl');

function orderFacts(f: OrderMailFacts): Block {
  return {
    kind: 'facts',
    rows: [
      ['Zamówienie', f.number],
      ['Zdjęcia', String(f.photoCount)],
      ['Forma dostawy', f.deliveryLabel],
      ['Razem', `${money(f, f.totalMinor)} (w tym VAT ${money(f, f.vatMinor)})`],
    ],
  };
}

function links(f: OrderMailFacts): Block[] {
  return [
    { kind: 'link', label: 'Twoje zamówienie', url: f.orderUrl },
    { kind: 'link', label: 'Twoja galeria', url: f.galleryUrl },
    { kind: 'p', text: 'Oba linki poproszą o kod dostępu do galerii.' },
  ];
}

function howToPay(f: OrderMailFacts): Block[] {
  const blocks: Block[] = [
    f.paymentInstructions
      ? { kind: 'pre', title: 'Jak zapłacić', text: f.paymentInstructions }
      : { kind: 'p', text: `${f.studioName} prześle Ci dane do płatności. Jeśli masz pytania, odpowiedz na tę wiadomość.` },
  ];
  if (f.cardPayments) blocks.push({ kind: 'p', text: 'Możesz też zapłacić kartą na stronie zamówienia.' });
  return blocks;
}

const free = 'To zamówienie jest bezpłatne – nie trzeba nic płacić.';
const next = (f: OrderMailFacts) =>
  f.state === 'waiting_to_retouch'
    ? `${f.studioName} wykona teraz retusz zdjęć i prześle Ci linki do pobrania, gdy będą gotowe.`
    : `${f.studioName} prześle Ci linki do pobrania zdjęć, gdy będą gotowe.`;

export const pl: MailCatalogue = {
  studio_new_order: (f) => ({
    subject: `Nowe zamówienie ${f.number}: ${f.clientName} (${photos(f.photoCount)})`,
    greeting: 'Dzień dobry,',
    blocks: [
      { kind: 'p', text: `nowe zamówienie w galerii „${f.galleryTitle}”: ${photos(f.photoCount)}.` },
      {
        kind: 'p',
        text:
          f.state === 'awaiting_validation'
            ? 'Zamówienie czeka na Twoją weryfikację. Zweryfikuj je w Proofdesk – klient otrzyma wtedy Twoje instrukcje płatności.'
            : f.state === 'awaiting_payment'
              ? 'Zamówienie czeka na płatność: klient otrzymał Twoje instrukcje płatności. Gdy pieniądze dotrą, oznacz je w Proofdesk jako opłacone.'
              : `${free} ${f.state === 'waiting_to_retouch' ? 'Czeka na retusz.' : 'Jest gotowe do wydania.'}`,
      },
      orderFacts(f),
      {
        kind: 'facts',
        rows: [
          ['Klient', f.clientName],
          ['E-mail', f.clientEmail],
          ...(f.clientPhone ? ([['Telefon', f.clientPhone]] as [string, string][]) : []),
          ...(f.note ? ([['Wiadomość', f.note]] as [string, string][]) : []),
        ],
      },
      { kind: 'list', title: 'Zdjęcia', items: f.photoNames },
      { kind: 'link', label: 'Galeria', url: f.galleryUrl },
      { kind: 'p', text: 'Odpowiedz na tę wiadomość, aby napisać do klienta.' },
    ],
    signature: 'Proofdesk',
  }),

  client_order_confirmation: (f) => ({
    subject: `Zamówienie ${f.number} zostało przyjęte`,
    greeting: 'Dzień dobry,',
    blocks: [
      { kind: 'p', text: `dziękujemy za zamówienie ${f.number} w galerii „${f.galleryTitle}”.` },
      ...(f.state === 'awaiting_validation'
        ? [
            {
              kind: 'p',
              text: `${f.studioName} sprawdzi i potwierdzi zamówienie. Wtedy otrzymasz kolejną wiadomość z danymi do płatności.`,
            } as Block,
          ]
        : f.state === 'awaiting_payment'
          ? [{ kind: 'p', text: 'Zamówienie czeka na płatność.' } as Block, ...howToPay(f)]
          : [{ kind: 'p', text: `${free} ${next(f)}` } as Block]),
      orderFacts(f),
      ...links(f),
    ],
    signature: f.studioName,
  }),

  client_awaiting_payment: (f) => ({
    subject: `Zamówienie ${f.number} zostało potwierdzone – dane do płatności`,
    greeting: 'Dzień dobry,',
    blocks: [
      { kind: 'p', text: `zamówienie ${f.number} zostało potwierdzone i czeka teraz na płatność.` },
      ...howToPay(f),
      orderFacts(f),
      ...links(f),
    ],
    signature: f.studioName,
  }),

  client_paid: (f) => ({
    subject: f.paidMethod === 'free' ? `Zamówienie ${f.number} zostało potwierdzone` : `Zamówienie ${f.number} zostało opłacone`,
    greeting: 'Dzień dobry,',
    blocks: [
      {
        kind: 'p',
        text:
          f.paidMethod === 'free'
            ? `zamówienie ${f.number} zostało potwierdzone. ${free}`
            : `dziękujemy – płatność ${money(f, f.totalMinor)} za zamówienie ${f.number} dotarła.`,
      },
      { kind: 'p', text: next(f) },
      orderFacts(f),
      ...links(f),
    ],
    signature: f.studioName,
  }),

  client_cancelled: (f) => ({
    subject: `Zamówienie ${f.number} zostało anulowane`,
    greeting: 'Dzień dobry,',
    blocks: [
      { kind: 'p', text: `zamówienie ${f.number} zostało anulowane. Nie trzeba za nie nic płacić.` },
      { kind: 'p', text: 'Jeśli to dla Ciebie zaskoczenie, odpowiedz na tę wiadomość, aby napisać do fotografa.' },
      orderFacts(f),
      { kind: 'link', label: 'Twoja galeria', url: f.galleryUrl },
    ],
    signature: f.studioName,
  }),
};
