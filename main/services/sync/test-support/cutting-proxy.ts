// A loopback HTTP proxy that streams answers through (unlike flaky-proxy, which buffers them) and
// can break them on purpose: cut the connection after some bytes of an answer's body (a dropped
// download), change one byte of it (a damaged copy), or refuse every connection (offline). It
// records each request's Range header, so a test can see that a download resumed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  range: string | null;
  status: number | null;
}

export interface CuttingProxyOptions {
  target: string;
  /** Bytes of request `n`'s answer body to pass on before cutting the connection; null: all. */
  cutAfter?: (n: number, seen: SeenRequest) => number | null;
  /** Offset in request `n`'s answer body whose byte is changed on the way; null: none. */
  tamperAt?: (n: number, seen: SeenRequest) => number | null;
  /** Every connection is closed at once, as when the network is gone. */
  offline?: boolean;
}

export interface CuttingProxy {
  readonly url: string;
  readonly options: CuttingProxyOptions;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startCuttingProxy(options: CuttingProxyOptions): Promise<CuttingProxy> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    if (options.offline) {
      req.socket.destroy();
      return;
    }
    const entry: SeenRequest = { method: req.method ?? '', url: req.url ?? '', range: req.headers.range ?? null, status: null };
    seen.push(entry);
    const n = seen.length;
    const target = new URL(options.target);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        entry.status = answer.statusCode ?? null;
        const cut = options.cutAfter?.(n, entry) ?? null;
        const tamper = options.tamperAt?.(n, entry) ?? null;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        let passed = 0;
        let cutDone = false;
        answer.on('data', (chunk: Buffer) => {
          if (cutDone) return;
          let out = chunk;
          if (tamper !== null && tamper >= passed && tamper < passed + chunk.length) {
            out = Buffer.from(chunk);
            out[tamper - passed] = (out[tamper - passed] ?? 0) ^ 0xff;
          }
          if (cut !== null && passed + out.length >= cut) {
            cutDone = true;
            // Ended, not destroyed: a reset could discard bytes still in flight, and the test counts them.
            res.write(out.subarray(0, cut - passed), () => res.socket?.end());
            answer.destroy();
            return;
          }
          passed += out.length;
          res.write(out);
        });
        answer.on('end', () => {
          if (!cutDone) res.end();
        });
        answer.on('error', () => res.socket?.destroy());
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    options,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
