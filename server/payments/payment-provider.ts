// A card payment provider (issue 6): the server starts a payment for an order and sends the client
// to the provider's page; the provider tells the server how it ended through its own callback
// route, which calls settle(). Only server/payments/test-provider.ts exists today; a real provider
// (Przelewy24, Stripe…) implements the same interface and verifies its callback's signature.
import type { FastifyInstance } from 'fastify';

export interface PayableOrder {
  orderId: string;
  orderNumber: string;
  studioName: string;
  amountMinor: number;
  currency: string;
  /** Where the client goes back to: the order page of the gallery (/g/<slug>#order=<id>). */
  returnPath: string;
}

export interface StartedPayment {
  /** The provider's id of the payment (stored as payments.id and as the paid order's reference). */
  paymentId: string;
  /** Where to send the client's browser to pay. */
  redirectUrl: string;
}

export type PaymentOutcome = 'succeeded' | 'declined';

export type SettleResult =
  | { ok: true; returnPath: string }
  /** A refusal a person reads (the order machine's sentence, or why the payment cannot be settled). */
  | { ok: false; status: 404 | 409; message: string; returnPath: string | null };

/** Applies the provider's word on a payment: the order paid (one transaction) or the attempt declined. */
export type SettlePayment = (paymentId: string, outcome: PaymentOutcome) => Promise<SettleResult>;

export interface PaymentProvider {
  /** Stored in payments.provider. */
  id: string;
  /** The actor of the card_payment_succeeded event, as a person would say it. */
  name: string;
  startPayment(order: PayableOrder): Promise<StartedPayment>;
  /** The provider's own routes (checkout page, callback); registered outside the authenticated scopes. */
  routes(app: FastifyInstance, settle: SettlePayment): Promise<void>;
}
