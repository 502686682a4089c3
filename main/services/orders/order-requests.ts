// Studio actions on an order, queued in the outbox (topic order:<id>) so they work offline and
// go out in order. The server applies them with the same state machine and may refuse one.
import type { StudioOrderEventBody } from '../../../shared/schemas/orders-api';
import type { Catalog } from '../catalog';

export const orderTopic = (orderId: string) => `order:${orderId}`;
const base = (orderId: string) => `/v1/orders/${encodeURIComponent(orderId)}`;

export const EVENT_PATH = /^\/v1\/orders\/([^/]+)\/events$/;
export const CONTACT_PATH = /^\/v1\/orders\/([^/]+)\/contact$/;

export function queueOrderEvent(catalog: Catalog, orderId: string, number: string, event: StudioOrderEventBody, label: string): void {
  catalog.outbox.enqueue({
    method: 'POST',
    path: `${base(orderId)}/events`,
    body: event,
    label: `${label} (order ${number})`,
    topic: orderTopic(orderId),
  });
}

export function queueContact(catalog: Catalog, orderId: string, number: string, contact: { email: string; phone?: string | null }): void {
  catalog.outbox.enqueue({
    method: 'PATCH',
    path: `${base(orderId)}/contact`,
    body: contact,
    label: `Correct the client’s e-mail (order ${number})`,
    topic: orderTopic(orderId),
  });
}

export function queueResend(catalog: Catalog, orderId: string, number: string, emailId: string): void {
  catalog.outbox.enqueue({
    method: 'POST',
    path: `${base(orderId)}/emails/${encodeURIComponent(emailId)}/resend`,
    body: {},
    label: `Resend e-mail (order ${number})`,
    topic: orderTopic(orderId),
  });
}

export function queueRenewLink(catalog: Catalog, orderId: string, number: string, days: number): void {
  catalog.outbox.enqueue({
    method: 'POST',
    path: `${base(orderId)}/delivery/link`,
    body: { days },
    label: `New download link (order ${number})`,
    topic: orderTopic(orderId),
  });
}
