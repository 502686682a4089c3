// Sends one 'request' outbox row, with its idempotency key, so a resend after a lost answer
// gets the server's stored answer instead of applying the change twice.
import type { OutboxItem } from '../catalog';
import type { ApiClient } from './api-client';
import { attempt, failureOf, type SendOutcome } from './send-outcome';

export async function sendRequest(api: ApiClient, token: string, item: OutboxItem & { kind: 'request' }): Promise<SendOutcome> {
  const answer = await attempt(() =>
    api.request(item.method, item.path, {
      token,
      json: item.body ?? undefined,
      idempotencyKey: item.idempotencyKey,
    }),
  );
  if ('kind' in answer) return answer;
  return failureOf(answer) ?? { kind: 'done', response: answer.body };
}
