// The studio's order desk (issue 6 point 4): every order the change feed brought, filtered and
// counted, one order in full, and the studio's actions on it. An action is checked at once with
// the same state machine the server uses (so a refusal is told before anything is queued), then
// queued in the outbox; until the server confirms it, the order shows where the action leads.
import { AppError } from '../../../shared/errors';
import { allowedActions, applyOrderEvent, type OrderFlowState, refundedMinor } from '../../../shared/orders';
import { type OrderEventType, orderEventLabels } from '../../../shared/orders/order-events';
import type { StudioOrderEventBody } from '../../../shared/schemas/orders-api';
import type { OrderDetail, OrderFilter, OrderSummary } from '../../../shared/schemas/orders-desk';
import { orderFilters } from '../../../shared/schemas/orders-desk';
import type { Catalog, ClientOrder, OutboxItem } from '../catalog';
import { type OrderData, readOrder } from './order-data';
import { CONTACT_PATH, EVENT_PATH, orderTopic, queueContact, queueOrderEvent, queueRenewLink, queueResend } from './order-requests';

export interface OrdersService {
  list(filter: OrderFilter, search: string): { counts: Record<OrderFilter, number>; orders: OrderSummary[] };
  get(orderId: string): OrderDetail;
  act(orderId: string, event: StudioOrderEventBody): OrderDetail;
  correctContact(orderId: string, contact: { email: string; phone?: string | null }): OrderDetail;
  resendEmail(orderId: string, emailId: string): OrderDetail;
  dismissProblem(orderId: string, seq: number): OrderDetail;
  /** A new download link (the old one stops working), valid for `days`; sent on sync. */
  renewLink(orderId: string, days: number): OrderDetail;
  /** Sync's onDelivered, inside its transaction: a studio action's answer is the whole order. */
  delivered(item: OutboxItem, response: unknown): void;
}

type MachineEvent = Parameters<typeof applyOrderEvent>[1];
/** The body's fields are checked by applyOrderEvent itself (zod, with its sentences). */
const asEvent = (body: StudioOrderEventBody, name: string, at: string) =>
  ({ ...body, actor: { kind: 'studio', name }, at }) as MachineEvent;

const matches: Record<OrderFilter, (state: OrderFlowState['state']) => boolean> = {
  all: () => true,
  needs_validation: (s) => s === 'awaiting_validation' || s === 'placed',
  awaiting_payment: (s) => s === 'awaiting_payment',
  waiting_to_retouch: (s) => s === 'waiting_to_retouch',
  ready_to_deliver: (s) => s === 'ready_to_deliver' || s === 'paid',
  delivered: (s) => s === 'delivered' || s === 'completed',
};

export function createOrdersService({ catalog, deviceName }: { catalog: Catalog; deviceName: () => string }): OrdersService {
  /** The server's order with this computer's still-queued actions applied on top. */
  function current(row: ClientOrder): { order: OrderData; pending: OutboxItem[]; rejected: OutboxItem[] } {
    const order = readOrder(row.data, row.galleryId);
    const pending = catalog.outbox.byTopic(orderTopic(row.id), 'pending');
    for (const item of pending) {
      if (EVENT_PATH.test(item.path) && item.kind === 'request') {
        const body = item.body as StudioOrderEventBody;
        const result = applyOrderEvent(order.flow, asEvent(body, deviceName(), item.createdAt));
        if (result.ok) order.flow = result.order;
      } else if (CONTACT_PATH.test(item.path) && item.kind === 'request') {
        const body = item.body as { email: string; phone?: string | null };
        order.contact = { ...order.contact, email: body.email, ...(body.phone !== undefined ? { phone: body.phone } : {}) };
      }
    }
    return { order, pending, rejected: catalog.outbox.byTopic(orderTopic(row.id), 'rejected') };
  }

  function requireRow(orderId: string): ClientOrder {
    const row = catalog.activity.order(orderId);
    if (!row) throw new AppError('not_found', 'This order is not in the library (yet). Sync, then open it again.');
    return row;
  }

  function summary(row: ClientOrder): OrderSummary & { _data: ReturnType<typeof current> } {
    const now = current(row);
    const { order } = now;
    const gallery = catalog.galleries.get(row.galleryId);
    const client = gallery ? catalog.clients.get(gallery.clientId) : null;
    return {
      id: order.id,
      number: order.number,
      galleryId: row.galleryId,
      galleryTitle: gallery?.title ?? '',
      clientId: client?.id ?? null,
      clientName: client?.name ?? order.contact.name,
      state: order.flow.state,
      placedAt: order.placedAt,
      photoCount: order.photoIds.length,
      deliveryLabel: order.deliveryLabel,
      totalMinor: order.flow.totalMinor,
      currency: order.currency,
      pendingCount: now.pending.length,
      problem: now.rejected.at(-1)?.lastError ?? null,
      _data: now,
    };
  }

  function detail(orderId: string): OrderDetail {
    const { _data: now, ...head } = summary(requireRow(orderId));
    const { order } = now;
    const names = new Map(catalog.galleries.photos(order.galleryId).map((p) => [p.photoId, p.name]));
    const flow = order.flow;
    return {
      ...head,
      contact: order.contact,
      note: order.note,
      vatMinor: order.vatMinor,
      photos: order.photoIds.map((photoId) => {
        const thumb = catalog.variants.get(photoId, 'thumb');
        return {
          photoId,
          name: names.get(photoId) ?? photoId,
          thumb: thumb ? { relPath: thumb.relPath, width: thumb.width, height: thumb.height } : null,
        };
      }),
      paid: flow.paid,
      forcedDelivery: flow.forcedDelivery,
      refunds: flow.refunds.map((r) => ({ amountMinor: r.amountMinor, reason: r.reason, refundedAt: r.refundedAt })),
      refundedMinor: refundedMinor(flow),
      history: order.history.map((t) => ({
        at: t.at,
        from: t.from,
        to: t.to,
        eventType: t.eventType,
        who: t.actor.name ?? t.actor.kind,
        note: t.note,
      })),
      emails: order.emails,
      actions: allowedActions(flow).map((a) => ({
        action: a.action,
        allowed: a.allowed,
        reason: a.allowed ? null : a.refusal.reason,
        maxAmountMinor: a.allowed && a.maxAmountMinor !== undefined ? a.maxAmountMinor : null,
      })),
      pending: now.pending.map((p) => ({ label: p.label, queuedAt: p.createdAt })),
      delivery: order.delivery,
      rejected: now.rejected.map((r) => ({ seq: r.seq, label: r.label, message: r.lastError ?? 'Refused by the hosted service.' })),
    };
  }

  return {
    list(filter, search) {
      const needle = search.toLocaleLowerCase();
      const all = catalog.activity.allOrders().map(summary);
      const counts = Object.fromEntries(orderFilters.map((f) => [f, all.filter((o) => matches[f](o.state)).length])) as Record<
        OrderFilter,
        number
      >;
      const orders = all
        .filter((o) => matches[filter](o.state))
        .filter(
          (o) =>
            !needle ||
            [o.number, o.clientName, o.galleryTitle, o._data.order.contact.email].some((t) => t.toLocaleLowerCase().includes(needle)),
        )
        .map(({ _data, ...o }) => o);
      return { counts, orders };
    },

    get: detail,

    act(orderId, event) {
      const row = requireRow(orderId);
      const { order } = current(row);
      const result = applyOrderEvent(order.flow, asEvent(event, deviceName(), new Date().toISOString()));
      if (!result.ok) throw new AppError(result.code === 'invalid_event' ? 'invalid_input' : 'conflict', result.reason);
      catalog.transaction(() => queueOrderEvent(catalog, orderId, order.number, event, orderEventLabels[event.type as OrderEventType]));
      return detail(orderId);
    },

    correctContact(orderId, contact) {
      const row = requireRow(orderId);
      catalog.transaction(() => queueContact(catalog, orderId, readOrder(row.data, row.galleryId).number, contact));
      return detail(orderId);
    },

    resendEmail(orderId, emailId) {
      const row = requireRow(orderId);
      const order = readOrder(row.data, row.galleryId);
      if (!order.emails.some((e) => e.id === emailId))
        throw new AppError('not_found', 'This e-mail is not in the order’s log. Sync and open the order again.');
      catalog.transaction(() => queueResend(catalog, orderId, order.number, emailId));
      return detail(orderId);
    },

    renewLink(orderId, days) {
      const row = requireRow(orderId);
      const order = readOrder(row.data, row.galleryId);
      if (!order.delivery?.link && order.flow.state !== 'delivered' && order.flow.state !== 'completed')
        throw new AppError('conflict', `Order ${order.number} has not been delivered yet, so it has no download link to renew.`);
      catalog.transaction(() => queueRenewLink(catalog, orderId, order.number, days));
      return detail(orderId);
    },
    dismissProblem(orderId, seq) {
      const item = catalog.outbox.get(seq);
      if (item?.topic === orderTopic(orderId)) catalog.outbox.dismiss(seq);
      return detail(orderId);
    },

    delivered(item, response) {
      if (!item.topic?.startsWith('order:') || !response || typeof response !== 'object') return;
      const data = response as Record<string, unknown>;
      const galleryId = typeof data.galleryId === 'string' ? data.galleryId : catalog.activity.order(item.topic.slice(6))?.galleryId;
      if (galleryId) catalog.activity.storeOrder(galleryId, data);
    },
  };
}
