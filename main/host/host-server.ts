// The browser host: the built renderer over HTTP plus the same handlers over a WebSocket,
// on loopback only, guarded by a per-run token and an Origin check. This is how Proofdesk
// runs headless and how the UI is tested without an Electron binary.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { fail } from '../../shared/envelope';
import { HOST_SOCKET_PATH, HOST_TOKEN_PARAM, type HostMessage, hostRequestSchema } from '../../shared/host-protocol';
import { contentSecurityPolicy } from '../assets/csp';
import type { Core } from '../core/create-core';
import { createToken, hostOrigins, tokensMatch } from './auth';
import { serveStatic } from './static-files';

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  port: number;
  origin: string;
  token: string;
  /** What the user opens: the token travels in the fragment, which browsers never send to servers. */
  openUrl: string;
  /** Origins this host's pages have; the core's origin check uses it. */
  origins: Set<string>;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startHost({ core, rendererDir, port = 0, token = createToken() }: HostOptions): Promise<RunningHost> {
  let origins = new Set<string>();
  let csp = contentSecurityPolicy();
  const server = createServer((req, res) => {
    serveStatic(req, res, {
      rootDir: rendererDir,
      csp,
      mediaDir: () => core.session()?.mediaDir ?? null,
      mediaAllowed: (url) => tokensMatch(token, url.searchParams.get(HOST_TOKEN_PARAM)),
    }).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket: Duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== HOST_SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    if (!origins.has(req.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden');
    if (!tokensMatch(token, url.searchParams.get(HOST_TOKEN_PARAM))) return refuse(socket, 401, 'Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, req.headers.origin ?? null));
  });

  function attach(ws: WebSocket, origin: string | null) {
    ws.on('message', async (data) => {
      let id: number | null = null;
      try {
        const request = hostRequestSchema.parse(JSON.parse(String(data)));
        id = request.id;
        const envelope = await core.dispatch(request.name, request.input, { origin, transport: 'host' });
        send(ws, { t: 'result', id, envelope });
      } catch {
        send(ws, {
          t: 'result',
          id,
          envelope: fail({ code: 'invalid_input', message: 'The app sent a message the host could not read. Reload the page.' }),
        });
      }
    });
  }

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const ws of sockets.clients) send(ws, { t: 'event', name, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  origins = hostOrigins(actualPort);
  csp = contentSecurityPolicy({ connect: [...origins].map((o) => o.replace(/^http/, 'ws')) });
  const origin = `http://127.0.0.1:${actualPort}`;

  return {
    port: actualPort,
    origin,
    token,
    openUrl: `${origin}/#${HOST_TOKEN_PARAM}=${token}`,
    origins,
    async close() {
      unsubscribe();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(ws: WebSocket, message: HostMessage) {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function refuse(socket: Duplex, status: number, text: string) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
