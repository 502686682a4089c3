// The order e-mails in English. Each takes the order's facts and answers a subject and blocks.
import type { Block } from './blocks';
import { formatMoney, type OrderMailFacts } from './facts';
import type { MailCatalogue } from './index';

const photos = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);
const money = (f: OrderMailFacts, minor: number) => formatMoney(minor, f.currency, 'en');
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function orderFacts(f: OrderMailFacts): Block {
  return {
    kind: 'facts',
    rows: [
      ['Order', f.number],
      ['Photos', String(f.photoCount)],
      ['Delivery', f.deliveryLabel],
      ['Total', `${money(f, f.totalMinor)} (incl. VAT ${money(f, f.vatMinor)})`],
    ],
  };
}

function links(f: OrderMailFacts): Block[] {
  return [
    { kind: 'link', label: 'Your order', url: f.orderUrl },
    { kind: 'link', label: 'Your gallery', url: f.galleryUrl },
    { kind: 'p', text: 'Both links ask for the access code of your gallery.' },
  ];
}

function howToPay(f: OrderMailFacts): Block[] {
  const blocks: Block[] = [
    f.paymentInstructions
      ? { kind: 'pre', title: 'How to pay', text: f.paymentInstructions }
      : { kind: 'p', text: `${f.studioName} will send you the payment details. If you have questions, reply to this e-mail.` },
  ];
  if (f.cardPayments) blocks.push({ kind: 'p', text: 'You can also pay by card on your order page.' });
  return blocks;
}

const free = 'This order is free, so there is nothing to pay.';
const next = (f: OrderMailFacts) =>
  f.state === 'waiting_to_retouch'
    ? `${f.studioName} will now retouch your photos and send you download links when they are ready.`
    : `${f.studioName} will send you download links when your photos are ready.`;

export const en: MailCatalogue = {
  studio_new_order: (f) => ({
    subject: `New order ${f.number} from ${f.clientName} (${photos(f.photoCount)})`,
    greeting: 'Hello,',
    blocks: [
      { kind: 'p', text: `${f.clientName} ordered ${photos(f.photoCount)} in the gallery “${f.galleryTitle}”.` },
      {
        kind: 'p',
        text:
          f.state === 'awaiting_validation'
            ? 'The order is waiting for your validation. Validate it in Proofdesk; the client then gets your payment instructions.'
            : f.state === 'awaiting_payment'
              ? 'The order is waiting for payment: the client has been sent your payment instructions. Mark it as paid in Proofdesk when the money arrives.'
              : `${free} It is ${f.state === 'waiting_to_retouch' ? 'waiting to retouch' : 'ready to deliver'}.`,
      },
      orderFacts(f),
      {
        kind: 'facts',
        rows: [
          ['Client', f.clientName],
          ['E-mail', f.clientEmail],
          ...(f.clientPhone ? ([['Phone', f.clientPhone]] as [string, string][]) : []),
          ...(f.note ? ([['Note', f.note]] as [string, string][]) : []),
        ],
      },
      { kind: 'list', title: 'Photos', items: f.photoNames },
      { kind: 'link', label: 'Gallery', url: f.galleryUrl },
      { kind: 'p', text: 'Reply to this e-mail to write to the client.' },
    ],
    signature: 'Proofdesk',
  }),

  client_order_confirmation: (f) => ({
    subject: `Your order ${f.number} has been received`,
    greeting: `Hello ${firstName(f.clientName)},`,
    blocks: [
      { kind: 'p', text: `Thank you for your order ${f.number} in the gallery “${f.galleryTitle}”.` },
      ...(f.state === 'awaiting_validation'
        ? [
            {
              kind: 'p',
              text: `${f.studioName} will check your order and confirm it. You will get another e-mail with the payment details then.`,
            } as Block,
          ]
        : f.state === 'awaiting_payment'
          ? [{ kind: 'p', text: 'Your order is waiting for payment.' } as Block, ...howToPay(f)]
          : [{ kind: 'p', text: `${free} ${next(f)}` } as Block]),
      orderFacts(f),
      ...links(f),
    ],
    signature: f.studioName,
  }),

  client_awaiting_payment: (f) => ({
    subject: `Order ${f.number} is confirmed: payment details`,
    greeting: `Hello ${firstName(f.clientName)},`,
    blocks: [
      { kind: 'p', text: `${f.studioName} has confirmed your order ${f.number}. It is now waiting for payment.` },
      ...howToPay(f),
      orderFacts(f),
      ...links(f),
    ],
    signature: f.studioName,
  }),

  client_paid: (f) => ({
    subject: f.paidMethod === 'free' ? `Order ${f.number} is confirmed` : `Payment received for order ${f.number}`,
    greeting: `Hello ${firstName(f.clientName)},`,
    blocks: [
      {
        kind: 'p',
        text:
          f.paidMethod === 'free'
            ? `${f.studioName} has confirmed your order ${f.number}. ${free}`
            : `Thank you: the payment of ${money(f, f.totalMinor)} for your order ${f.number} has arrived.`,
      },
      { kind: 'p', text: next(f) },
      orderFacts(f),
      ...links(f),
    ],
    signature: f.studioName,
  }),

  client_cancelled: (f) => ({
    subject: `Order ${f.number} has been cancelled`,
    greeting: `Hello ${firstName(f.clientName)},`,
    blocks: [
      { kind: 'p', text: `${f.studioName} has cancelled your order ${f.number}. Nothing more needs to be paid for it.` },
      { kind: 'p', text: `If you did not expect this, reply to this e-mail to write to ${f.studioName}.` },
      orderFacts(f),
      { kind: 'link', label: 'Your gallery', url: f.galleryUrl },
    ],
    signature: f.studioName,
  }),
};
