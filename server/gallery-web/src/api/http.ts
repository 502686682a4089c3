// One fetch wrapper for the client API. The session lives in the HttpOnly cookie `pd_client`,
// so every call goes out with credentials 'same-origin' and never sees a token. Every failure
// becomes an ApiFailure carrying the server's own human message, which the page shows as is.
import type { z } from 'zod';

/** What the page does with a failure depends on its kind, not on the wording. */
export type FailureKind = 'session' | 'expired' | 'offline' | 'rate_limited' | 'network' | 'unexpected' | 'request';

export class ApiFailure extends Error {
  override name = 'ApiFailure';

  constructor(
    readonly kind: FailureKind,
    /** The server's sentence, or null when there was none (network down, garbled answer). */
    readonly serverMessage: string | null,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(serverMessage ?? kind);
  }
}

export function kindOfStatus(status: number): FailureKind {
  if (status === 401) return 'session';
  // Client routes answer 403 only when the photographer has taken the gallery offline.
  if (status === 403) return 'offline';
  if (status === 410) return 'expired';
  if (status === 429) return 'rate_limited';
  return 'request';
}

interface ErrorBody {
  code: string | null;
  message: string | null;
}

async function readErrorBody(response: Response): Promise<ErrorBody> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error = body.error;
      if (typeof error === 'object' && error !== null) {
        const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
        const message = 'message' in error && typeof error.message === 'string' ? error.message : null;
        return { code, message };
      }
    }
  } catch {
    // Not JSON (a proxy's HTML error page): fall through to our own wording.
  }
  return { code: null, message: null };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    // fetch rejects only when no answer arrived at all (offline, connection dropped).
    throw new ApiFailure('network', null, 0, null);
  }
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const { code, message } = await readErrorBody(response);
  return new ApiFailure(kindOfStatus(response.status), message, response.status, code);
}

/** A call whose answer must match `schema`; a mismatch is reported, never rendered half-right. */
export async function requestJson<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (!response.ok) throw await failureOf(response);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiFailure('unexpected', null, response.status, null);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiFailure('unexpected', null, response.status, null);
  return parsed.data;
}

/** A call whose answer body does not matter (PUT/DELETE of a favourite or a basket item). */
export async function requestOk(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) throw await failureOf(response);
}
