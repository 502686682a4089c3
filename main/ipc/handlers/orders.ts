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
