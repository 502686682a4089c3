// Assembles the hosted API: database (migrated), storage, security headers, error shape,
// then the route scopes. Returns the Fastify instance unstarted, so tests can `inject` or
// listen on 127.0.0.1:0; closing it closes the database too.
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_MAIL_FROM, type ServerConfig } from './config';
import type { ServerContext } from './context';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { installErrorHandling } from './http/error-handler';
import { installSecurityHeaders } from './http/security-headers';
import { MailSender, type MailSenderOptions } from './mail/mail-sender';
import { createMailTransport } from './mail/mail-transport';
import { settlePayment } from './payments/payments';
import { testPaymentProvider } from './payments/test-provider';
import { clientRoutes } from './routes/client';
import { downloadRoutes } from './routes/downloads';
import { galleryAccessRoutes } from './routes/gallery-access';
import { galleryPageRoutes } from './routes/gallery-page';
import { healthRoutes } from './routes/health';
import { pairingRoutes } from './routes/pairing';
import { studioRoutes } from './routes/studio';
import { LocalDiskStorage } from './storage/local-disk-storage';

/** JSON bodies of this API are small; uploads get their own, larger limit on their own routes. */
export const JSON_BODY_LIMIT = 64 * 1024;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Epoch milliseconds; tests move it to cross expiry times. */
  now?: () => number;
  /** The e-mail sender's timings (tests make them short). */
  mail?: MailSenderOptions;
}

/** Where this server listens, for e-mail links when PROOFDESK_PUBLIC_URL is not set. */
function listeningOrigin(app: FastifyInstance, config: ServerConfig): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Trust exactly N proxy hops: what Fastify does for a number, which its types do not accept. */
function trustHops(hops: number | false) {
  return hops === false ? false : (_address: string, hop: number) => hop < hops;
}

export async function buildServer(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: trustHops(config.trustProxy),
    // Answer "server is stopping" rather than hanging while a rolling restart drains.
    return503OnClosing: true,
  });
  const db = openDatabase(config.database, (error) => app.log.error({ err: error }, 'database pool error'));
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const now = options.now ?? Date.now;
  const sender = new MailSender(db, createMailTransport(config.mail, config.mailFrom ?? DEFAULT_MAIL_FROM), now, app.log, options.mail);
  const context: ServerContext = {
    db,
    storage: new LocalDiskStorage(path.join(config.dataDir, 'files')),
    now,
    config,
    routes: [],
    publicUrl: () => config.publicUrl ?? listeningOrigin(app, config),
    mail: { kick: () => sender.kick() },
    payments: config.cardProvider === 'test' ? testPaymentProvider : null,
  };
  app.decorate('proofdesk', context);
  app.decorateRequest('device', null);
  app.decorateRequest('client', null);
  app.decorateRequest('idempotency', null);
  app.addHook('onReady', async () => {
    sender.start();
  });
  app.addHook('onClose', async () => {
    // The sender first: it may be writing an e-mail's outcome to the database.
    await sender.stop();
    await db.destroy();
  });

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // HEAD twins of GET routes are added by Fastify and behave like their GET.
    for (const method of methods) if (method !== 'HEAD') context.routes.push({ method, url: route.url });
  });
  // Global hooks first: they must cover every route scope registered below.
  installSecurityHeaders(app);
  installErrorHandling(app, JSON_BODY_LIMIT);

  await app.register(healthRoutes);
  await app.register(pairingRoutes);
  await app.register(galleryAccessRoutes);
  await app.register(studioRoutes);
  await app.register(clientRoutes);
  const provider = context.payments;
  if (provider) {
    // The provider's own pages and callback: outside both authenticated scopes (the payment id is the credential).
    await app.register(async (scope) =>
      provider.routes(scope, async (paymentId, outcome) => {
        const result = await settlePayment(db, provider, { paymentId, outcome, now: now(), publicUrl: context.publicUrl() });
        if (result.ok) sender.kick();
        return result;
      }),
    );
  }
  await app.register(galleryPageRoutes);
  await app.register(downloadRoutes);
  return app;
}
