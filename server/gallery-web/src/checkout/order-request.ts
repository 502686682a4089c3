// Turns the checkout form into the POST /v1/client/orders body, checked with the shared
// schema first, so a typo in the e-mail address is caught here, in the client's language.
import { placeOrderBody } from '../../../../shared/schemas/hosted-api';
import type { PlaceOrder } from '../api/client-api';

/** The checkout form as typed: every field a string, the phone and note may be empty. */
export interface Contact {
  name: string;
  email: string;
  phone: string;
  note: string;
}

export type OrderProblem = 'emptyBasket' | 'needMethod' | 'needName' | 'needEmail';

export function orderRequest(
  methodId: string | null,
  photoIds: readonly string[],
  contact: Contact,
): { ok: true; body: PlaceOrder } | { ok: false; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  if (photoIds.length === 0) problems.push('emptyBasket');
  if (!methodId) problems.push('needMethod');
  const phone = contact.phone.trim();
  const body = {
    deliveryMethodId: methodId ?? '',
    photoIds: [...photoIds],
    contact: { name: contact.name.trim(), email: contact.email.trim(), phone: phone === '' ? null : phone },
    note: contact.note.trim(),
  };
  const parsed = placeOrderBody.safeParse(body);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.'));
    if (paths.includes('contact.name')) problems.push('needName');
    if (paths.includes('contact.email')) problems.push('needEmail');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, body };
}
