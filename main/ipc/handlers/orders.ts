import { type HandlerDeps, type Prefixed, requireSession } from './deps';

export function orderHandlers(deps: HandlerDeps): Prefixed<'orders'> {
  const orders = () => requireSession(deps).orders;
  return {
    'orders.list': ({ filter, search }) => orders().list(filter, search),
    'orders.get': ({ orderId }) => orders().get(orderId),
    'orders.act': ({ orderId, event }) => orders().act(orderId, event),
    'orders.correctContact': ({ orderId, email, phone }) =>
      orders().correctContact(orderId, { email, ...(phone !== undefined ? { phone } : {}) }),
    'orders.resendEmail': ({ orderId, emailId }) => orders().resendEmail(orderId, emailId),
    'orders.dismissProblem': ({ orderId, seq }) => orders().dismissProblem(orderId, seq),
  };
}

export function deliveryHandlers(deps: HandlerDeps): Prefixed<'delivery'> {
  const delivery = () => requireSession(deps).delivery;
  return {
    'delivery.preview': ({ orderId, paths }) => delivery().preview(orderId, paths),
    'delivery.prepare': (plan) => ({ jobId: delivery().prepare(plan).jobId }),
    'delivery.deliver': ({ orderId }) => delivery().deliver(orderId),
    'delivery.renewLink': ({ orderId, days }) => requireSession(deps).orders.renewLink(orderId, days),
    'delivery.cancel': ({ orderId }) => {
      delivery().cancel(orderId);
      return delivery().progress(orderId);
    },
    'delivery.progress': ({ orderId }) => delivery().progress(orderId),
  };
}

export function studioHandlers(deps: HandlerDeps): Prefixed<'studio'> {
  return {
    'studio.settings': () => requireSession(deps).studioSettings.get(),
    'studio.saveSettings': (settings) => requireSession(deps).studioSettings.save(settings),
  };
}
