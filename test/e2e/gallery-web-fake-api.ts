// A stand-in for the client half of the hosted API (shared/schemas/hosted-api.ts), in memory,
// so the gallery page can be tested in a real browser while server/ builds the real routes.
// Every answer it sends is parsed with the shared zod schemas first: if the fake drifts from
// the contract, the test fails here rather than the page quietly coding against a fiction.
// It also serves the built page (out/gallery-web) at /g/<slug> under a strict CSP.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import {
  clientGalleryResponse,
  clientSelectionResponse,
  type DeliveryMethod,
  galleryAccessResponse,
  type Order,
  orderSchema,
  placeOrderBody,
} from '../../shared/schemas/hosted-api';
import type { Language } from '../../shared/schemas/prefs';
import { type FixtureProof, fixtureProofs } from './gallery-web-fixture-photos';

export interface FakeGalleryInput {
  slug: string;
  code: string;
  title: string;
  studioName: string;
  language: Language;
  saveDeterrent: boolean;
  manualValidation: boolean;
  expiresAt: string | null;
  deliveryMethods: DeliveryMethod[];
  /** How many fixture proofs the gallery holds (from the start of the list). */
  photoCount: number;
}

interface GalleryState {
  input: FakeGalleryInput;
  id: string;
  photos: FixtureProof[];
  favourites: string[];
  basket: string[];
  orders: Order[];
  /** Idempotency-Key → the request it came with and the order it made. */
  keys: Map<string, { request: string; orderId: string }>;
  expired: boolean;
}

export interface FakeGalleryApi {
  origin: string;
  favourites(slug: string): string[];
  basket(slug: string): string[];
  orders(slug: string): Order[];
  /** Every POST /v1/client/orders that arrived, with its Idempotency-Key. */
  orderAttempts: { slug: string; key: string | null }[];
  expire(slug: string): void;
  /** Forget every session, as when the server restarts or a session times out. */
  endSessions(): void;
  /**
   * While on, orders are stored and then the connection drops before the answer is sent.
   * (Chromium itself may resend a POST once when a reused connection dies; the key makes
   * that harmless too, which is why this is a switch rather than "drop the next one".)
   */
  dropOrderAnswers(on: boolean): void;
  /** The next access attempt is refused as rate-limited, with this message. */
  rateLimitNextAccess(message: string): void;
  close(): Promise<void>;
}

/**
 * The page's CSP: same-origin only, nothing inline, no data: URLs. Stricter than (a subset of)
 * server/routes/gallery-page.ts GALLERY_PAGE_CSP, so a page that works here works there.
 */
export const galleryPageCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const accessBody = z.object({ code: z.string().trim().min(1) });
const contentTypes: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

export async function startFakeGalleryApi(options: { webRoot: string; galleries: FakeGalleryInput[] }): Promise<FakeGalleryApi> {
  const proofs = await fixtureProofs();
  const galleries = new Map<string, GalleryState>(
    options.galleries.map((input, i) => [
      input.slug,
      {
        input,
        id: `gallery-${i + 1}`,
        photos: proofs.slice(0, input.photoCount),
        favourites: [],
        basket: [],
        orders: [],
        keys: new Map(),
        expired: false,
      },
    ]),
  );
  const sessions = new Map<string, string>(); // token → slug
  const orderAttempts: FakeGalleryApi['orderAttempts'] = [];
  let dropOrders = false;
  let rateLimitMessage: string | null = null;
  let orderNumber = 0;

  const stateOf = (slug: string) => {
    const state = galleries.get(slug);
    if (!state) throw new Error(`No fake gallery ${slug}`);
    return state;
  };

  function sessionGallery(request: http.IncomingMessage): GalleryState {
    const token = /(?:^|;\s*)pd_client=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const slug = token ? sessions.get(token) : undefined;
    if (!slug) throw new Refusal(401, 'unauthorized', 'Your visit has ended. Enter the access code again to continue.');
    const state = stateOf(slug);
    if (state.expired) throw new Refusal(410, 'gone', 'This gallery expired on 1 March 2026. Your photographer can extend it.');
    return state;
  }

  function photoOf(state: GalleryState, photoId: string): FixtureProof {
    const photo = state.photos.find((p) => p.id === photoId);
    if (!photo) throw new Refusal(404, 'not_found', 'This photograph is not in your gallery.');
    return photo;
  }

  function galleryAnswer(state: GalleryState) {
    const { input } = state;
    return clientGalleryResponse.parse({
      title: input.title,
      studioName: input.studioName,
      language: input.language,
      settings: { allowWebDownloads: false, saveDeterrent: input.saveDeterrent, expiresAt: input.expiresAt },
      deliveryMethods: input.deliveryMethods,
      photos: state.photos.map(({ id, name, width, height }) => ({ id, name, width, height })),
    });
  }

  function placeOrder(state: GalleryState, key: string | null, raw: unknown): { status: number; order: Order } {
    orderAttempts.push({ slug: state.input.slug, key });
    if (!key) throw new Refusal(400, 'invalid_input', 'Send an Idempotency-Key header with every order.');
    const request = JSON.stringify(raw);
    const seen = state.keys.get(key);
    if (seen) {
      if (seen.request !== request) throw new Refusal(409, 'conflict', 'This Idempotency-Key was already used for a different order.');
      const order = state.orders.find((o) => o.id === seen.orderId);
      if (order) return { status: 200, order };
    }
    const parsed = placeOrderBody.safeParse(raw);
    if (!parsed.success) throw new Refusal(400, 'invalid_input', parsed.error.issues[0]?.message ?? 'Check the order.');
    const body = parsed.data;
    const method = state.input.deliveryMethods.find((m) => m.id === body.deliveryMethodId);
    if (!method) throw new Refusal(400, 'invalid_input', 'Choose one of the delivery methods on offer.');
    for (const id of body.photoIds) photoOf(state, id);
    if (new Set(body.photoIds).size !== body.photoIds.length) throw new Refusal(400, 'invalid_input', 'A photograph is listed twice.');
    const totalMinor = method.pricing === 'per_photo' ? method.priceMinor * body.photoIds.length : method.priceMinor;
    orderNumber += 1;
    const order = orderSchema.parse({
      id: `ord_${randomBytes(6).toString('hex')}`,
      number: `2026-${String(orderNumber).padStart(4, '0')}`,
      galleryId: state.id,
      state: state.input.manualValidation ? 'awaiting_validation' : 'awaiting_payment',
      placedAt: new Date().toISOString(),
      deliveryMethod: method,
      photoIds: body.photoIds,
      contact: body.contact,
      note: body.note,
      totalMinor,
      vatMinor: Math.round((totalMinor * method.vatRateBp) / (10_000 + method.vatRateBp)),
      currency: method.currency,
    });
    state.orders.push(order);
    state.keys.set(key, { request, orderId: order.id });
    // Ordered photos leave the basket, as on the real server.
    state.basket = state.basket.filter((id) => !body.photoIds.includes(id));
    return { status: 201, order };
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean);
    const json = (status: number, body: unknown) => send(response, status, body);

    // The page and its assets.
    if (method === 'GET' && parts[0] === 'g') {
      if (parts[1] === 'assets' && parts.length === 3 && /^[\w.-]+$/.test(parts[2] ?? '')) {
        const file = path.join(options.webRoot, 'assets', parts[2] ?? '');
        const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
        return sendFile(response, file, type, 'public, max-age=31536000, immutable');
      }
      if (parts.length === 2) {
        response.setHeader('content-security-policy', galleryPageCsp);
        response.setHeader('referrer-policy', 'no-referrer');
        response.setHeader('x-content-type-options', 'nosniff');
        return sendFile(response, path.join(options.webRoot, 'index.html'), contentTypes['.html'] ?? 'text/html', 'no-cache');
      }
    }

    // POST /v1/galleries/:slug/access
    if (method === 'POST' && parts[0] === 'v1' && parts[1] === 'galleries' && parts[3] === 'access' && parts.length === 4) {
      if (rateLimitMessage) {
        const message = rateLimitMessage;
        rateLimitMessage = null;
        throw new Refusal(429, 'rate_limited', message, { 'retry-after': '900' });
      }
      const { code } = accessBody.parse(await readJson(request));
      const state = galleries.get(parts[2] ?? '');
      if (!state || state.input.code !== code) {
        throw new Refusal(
          401,
          'unauthorized',
          'That access code does not open this gallery. Check the code and the link in the e-mail from your photographer.',
        );
      }
      if (state.expired) throw new Refusal(410, 'gone', 'This gallery expired on 1 March 2026. Your photographer can extend it.');
      const token = randomBytes(24).toString('base64url');
      sessions.set(token, state.input.slug);
      response.setHeader('set-cookie', `pd_client=${token}; HttpOnly; Path=/v1/client; SameSite=Strict; Max-Age=86400`);
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      return json(200, galleryAccessResponse.parse({ token, expiresAt, gallery: { slug: state.input.slug, title: state.input.title } }));
    }

    if (parts[0] === 'v1' && parts[1] === 'client') {
      const state = sessionGallery(request);
      const [, , resource, id, sub] = parts;
      if (method === 'GET' && resource === 'gallery' && !id) return json(200, galleryAnswer(state));
      if (method === 'GET' && resource === 'photos' && id && sub === 'proof') {
        const photo = photoOf(state, id);
        response.writeHead(200, {
          'content-type': 'image/jpeg',
          'content-length': photo.jpeg.length,
          'cache-control': 'private, max-age=3600',
        });
        response.end(photo.jpeg);
        return;
      }
      if (resource === 'favourites' || resource === 'basket') {
        const list = resource;
        const answer = () => json(200, clientSelectionResponse.parse({ photoIds: state[list], count: state[list].length }));
        if (method === 'GET' && !id) return answer();
        if (id && (method === 'PUT' || method === 'DELETE')) {
          photoOf(state, id);
          state[list] = state[list].filter((p) => p !== id);
          if (method === 'PUT') state[list].push(id);
          return answer();
        }
      }
      if (resource === 'orders' && method === 'POST' && !id) {
        const key = typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : null;
        const { status, order } = placeOrder(state, key, await readJson(request));
        if (dropOrders) {
          request.socket.destroy(); // Stored, but the client never hears back: it must retry safely.
          return;
        }
        return json(status, order);
      }
      if (resource === 'orders' && method === 'GET' && id) {
        const order = state.orders.find((o) => o.id === id);
        if (!order) throw new Refusal(404, 'not_found', 'There is no such order in this gallery.');
        return json(200, orderSchema.parse(order));
      }
    }
    throw new Refusal(404, 'not_found', `Nothing at ${method} ${url.pathname}.`);
  }

  const server = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return;
      if (error instanceof Refusal) {
        for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
        send(response, error.status, { error: { code: error.code, message: error.message } });
      } else if (error instanceof z.ZodError) {
        send(response, 400, { error: { code: 'invalid_input', message: error.issues[0]?.message ?? 'Invalid input.' } });
      } else {
        send(response, 500, { error: { code: 'internal', message: String(error) } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    favourites: (slug) => [...stateOf(slug).favourites],
    basket: (slug) => [...stateOf(slug).basket],
    orders: (slug) => [...stateOf(slug).orders],
    orderAttempts,
    expire: (slug) => {
      stateOf(slug).expired = true;
    },
    endSessions: () => sessions.clear(),
    dropOrderAnswers: (on) => {
      dropOrders = on;
    },
    rateLimitNextAccess: (message) => {
      rateLimitMessage = message;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

async function sendFile(response: http.ServerResponse, file: string, type: string, cache: string): Promise<void> {
  const data = await fs.readFile(file).catch(() => null);
  if (!data) throw new Refusal(404, 'not_found', 'No such file.');
  response.writeHead(200, { 'content-type': type, 'content-length': data.length, 'cache-control': cache });
  response.end(data);
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > 64 * 1024) throw new Refusal(413, 'payload_too_large', 'That request is too large.');
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal(400, 'invalid_input', 'The request body is not JSON.');
  }
}
