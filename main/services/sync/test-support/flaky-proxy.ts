// A loopback HTTP proxy in front of the real server that misbehaves on purpose: it can drop
// every Nth request by closing the client's socket, either before forwarding (the server never
// saw it) or after the server answered (the change happened, the studio never heard), and it
// lets a test act at the moment a given request is in flight (e.g. kill the server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyOptions {
  target: string;
  /** Drop every Nth request (0: never). Alternates: before forwarding, after the answer. Mutable. */
  dropEvery?: number;
  /** Called before request `n` is forwarded, e.g. to kill the server so it never sees it. */
  beforeForward?: (n: number, method: string, url: string) => Promise<void> | void;
  /**
   * Called once the server's answer to request `n` is in (not yet passed on); return true to
   * swallow it and cut the connection, as if the server had died before answering.
   */
  onAnswer?: (n: number, method: string, url: string) => Promise<boolean> | boolean;
}

export interface FlakyProxy {
  readonly url: string;
  /** Requests seen, dropped ones included. */
  readonly requests: number;
  readonly dropped: number;
  close(): Promise<void>;
}

export async function startFlakyProxy(options: ProxyOptions): Promise<FlakyProxy> {
  const target = new URL(options.target);
  let requests = 0;
  let dropped = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    const n = requests;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      await options.beforeForward?.(n, req.method ?? '', req.url ?? '');
      const drop = options.dropEvery ? n % options.dropEvery === 0 : false;
      const dropBefore = drop && (n / (options.dropEvery ?? 1)) % 2 === 1;
      if (dropBefore) {
        dropped += 1;
        req.socket.destroy();
        return;
      }
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', async () => {
            const swallow = drop || (await options.onAnswer?.(n, req.method ?? '', req.url ?? ''));
            if (swallow) {
              dropped += 1;
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
          answer.on('error', () => req.socket.destroy());
        },
      );
      // Server down (killed, restarting): the studio sees a dead connection, not a proxy's 502.
      upstream.on('error', () => req.socket.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
