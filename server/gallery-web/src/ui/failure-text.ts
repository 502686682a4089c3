// What to say about a failure: the server's own sentence when it sent one (it says what to do,
// e.g. when to retry after a rate limit), else our translated wording for that kind.
import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/http';

export function failureText(failure: ApiFailure, t: TFunction): string {
  if (failure.serverMessage) return failure.serverMessage;
  return t(`errors.${failure.kind}`);
}
