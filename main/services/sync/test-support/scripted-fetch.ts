// A fetch stand-in for unit tests: records every request and answers with what the test's
// handler returns, or fails like a dropped network when the handler returns 'network-error'.
import type { FetchLike } from '../api-client';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error';

export function scriptedFetch(handler: (request: SeenRequest) => Reply): FetchLike & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const parsed = new URL(url);
    const raw = init.body;
    const body = typeof raw === 'string' ? JSON.parse(raw) : raw instanceof Uint8Array ? raw.length : null;
    const request = {
      method: init.method ?? 'GET',
      path: `${parsed.pathname}${parsed.search}`,
      headers: { ...(init.headers as Record<string, string>) },
      body,
    };
    seen.push(request);
    const reply = handler(request);
    if (reply === 'network-error') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return Object.assign(fetch, { seen });
}

export const apiError = (status: number, message: string, code = 'invalid_input'): Reply => ({
  status,
  body: { error: { code, message } },
});
