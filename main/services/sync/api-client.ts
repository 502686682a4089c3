// The studio's HTTP client for the hosted API over an injected fetch (Node's fetch in the app,
// anything fetch-shaped in tests). A request either gets an answer (any status) or fails with
// NetworkError: the one distinction the outbox needs to tell "offline" from "refused".
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the answer is not JSON, or null when empty. */
  body: unknown;
}

export interface ApiRequest {
  token?: string | null;
  json?: unknown;
  bytes?: Uint8Array;
  idempotencyKey?: string;
  timeoutMs?: number;
}

export interface ApiClient {
  readonly baseUrl: string;
  request(method: string, path: string, options?: ApiRequest): Promise<ApiAnswer>;
}

/** No answer from the server: refused, reset, dropped or timed out. Always worth a retry. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createApiClient(fetch: FetchLike, baseUrl: string): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: root,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      let body: RequestInit['body'];
      if (options.bytes) {
        headers['content-type'] = 'application/octet-stream';
        // Node's fetch takes any Uint8Array; the DOM typing (seen when browser tests compile this)
        // only admits ArrayBuffer-backed views, which a chunk read from disk always is.
        body = options.bytes as Uint8Array<ArrayBuffer>;
      } else if (options.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.json);
      }
      const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      try {
        const response = await fetch(`${root}${path}`, { method, headers, body, signal });
        // Reading the body can fail too (connection dropped mid-answer): still "no answer".
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: parseBody(text) };
      } catch (error) {
        throw new NetworkError(describe(error, root));
      }
    },
  };
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown, root: string): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `The server at ${root} did not answer in time.`;
  const reason = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return `The server at ${root} cannot be reached (${reason}).`;
}
