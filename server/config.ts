// The server's settings, read once from the environment and validated, so a typo in PORT or
// DATABASE_URL stops the start with a sentence naming the variable instead of failing later.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './default-data-dir';

export const DEFAULT_PORT = 4810;

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
/** No SMTP_URL: e-mails are written as .eml files into a folder (dev transport, design §5). */
export type MailConfig = { kind: 'smtp'; url: string } | { kind: 'eml-folder'; dir: string };

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  mail: MailConfig;
  /** Behind a load balancer: how many proxy hops to trust for the client IP (rate limits key on it). */
  trustProxy: number | false;
  /** The built client gallery page (index.html + assets/), served at /g/:slug and /g/assets/*. */
  galleryWebDir: string;
  /** Set when the desktop app runs this server on loopback: where to leave its pairing code (cli/local-pairing.ts). */
  localPairingFile?: string;
  /**
   * PROOFDESK_PUBLIC_URL: the address clients reach this server at (https://proofs.example.com), for
   * the links in e-mails. Unset: http://<HOST>:<listening port>, right on one laptop only.
   */
  publicUrl?: string;
  /** MAIL_FROM: the From address of e-mails ("Proofdesk <orders@example.com>" or a bare address). */
  mailFrom?: string;
  /**
   * PROOFDESK_CARD_PROVIDER: who takes card payments. Only 'test' exists (server/payments/test-provider.ts:
   * no money moves), for tests and demos; unset, studios cannot turn card payments on.
   */
  cardProvider?: 'test';
}

export const DEFAULT_MAIL_FROM = 'proofdesk@localhost';

export interface ConfigDefaults {
  /** Folder of the running server file (out/main when built); the gallery page is looked for beside it. */
  serverDir?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`PORT must be a whole number from 0 to 65535 (0 picks a free port); got "${raw}".`);
  const port = Number(raw.trim());
  if (port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535 (0 picks a free port); got "${raw}".`);
  return port;
}

function readDatabase(raw: string | undefined, dataDir: string): DatabaseConfig {
  if (raw === undefined || raw.trim() === '') return { kind: 'sqlite', file: path.join(dataDir, 'proofdesk-server.sqlite') };
  const url = raw.trim();
  // Anything else is refused rather than silently falling back to SQLite: an operator who set
  // DATABASE_URL expects that database to hold the data.
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// (or postgresql://) URL. Leave it unset to use the embedded SQLite file.');
  }
  try {
    new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL. Expected postgres://user:password@host:5432/database.');
  }
  return { kind: 'postgres', url };
}

function readMail(raw: string | undefined, dataDir: string): MailConfig {
  if (raw === undefined || raw.trim() === '') return { kind: 'eml-folder', dir: path.join(dataDir, 'outbox-mail') };
  const url = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('SMTP_URL is not a valid URL. Expected smtp://user:password@host:587 or smtps://user:password@host:465.');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError(
      `SMTP_URL must start with smtp:// or smtps://; got "${parsed.protocol}//". Leave it unset to write e-mails as .eml files.`,
    );
  }
  if (!parsed.hostname) throw new ConfigError('SMTP_URL has no host name. Expected smtp://user:password@host:587.');
  return { kind: 'smtp', url };
}

function readPublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PROOFDESK_PUBLIC_URL is not a valid URL. Expected the address clients open, e.g. https://proofs.example.com.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(`PROOFDESK_PUBLIC_URL must start with https:// (or http://); got "${parsed.protocol}//".`);
  }
  if (parsed.search || parsed.hash) throw new ConfigError('PROOFDESK_PUBLIC_URL must not carry a query or a #fragment.');
  return parsed.toString().replace(/\/+$/, '');
}

function readMailFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim();
  if (!/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(value)) {
    throw new ConfigError(
      `MAIL_FROM must be an e-mail address, e.g. orders@example.com or "Proofdesk <orders@example.com>"; got "${value}".`,
    );
  }
  return value;
}

function readCardProvider(raw: string | undefined): 'test' | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (raw.trim() === 'test') return 'test';
  throw new ConfigError(`PROOFDESK_CARD_PROVIDER must be "test" (the test provider, no money moves) or unset; got "${raw.trim()}".`);
}

function readTrustProxy(raw: string | undefined): number | false {
  if (raw === undefined || raw.trim() === '' || raw.trim() === '0') return false;
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(`PROOFDESK_TRUST_PROXY must be the number of proxy hops in front of the server (e.g. 1); got "${raw}".`);
  return Number(raw.trim());
}

function readGalleryWebDir(raw: string | undefined, serverDir: string): string {
  if (raw !== undefined && raw.trim() !== '') return path.resolve(raw.trim());
  // Built: out/main/server.js → out/gallery-web, where the gallery page build puts its files.
  return path.resolve(serverDir, '..', 'gallery-web');
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, string>);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): ServerConfig {
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = path.resolve(env.PROOFDESK_DATA_DIR?.trim() || defaultDataDir(env));
  return {
    port: readPort(env.PORT),
    host,
    dataDir,
    database: readDatabase(env.DATABASE_URL, dataDir),
    mail: readMail(env.SMTP_URL, dataDir),
    trustProxy: readTrustProxy(env.PROOFDESK_TRUST_PROXY),
    galleryWebDir: readGalleryWebDir(env.PROOFDESK_GALLERY_WEB_DIR, defaults.serverDir ?? path.dirname(fileURLToPath(import.meta.url))),
    ...(env.PROOFDESK_LOCAL_PAIRING_FILE?.trim() ? { localPairingFile: path.resolve(env.PROOFDESK_LOCAL_PAIRING_FILE.trim()) } : {}),
    ...optional('publicUrl', readPublicUrl(env.PROOFDESK_PUBLIC_URL)),
    ...optional('mailFrom', readMailFrom(env.MAIL_FROM)),
    ...(readCardProvider(env.PROOFDESK_CARD_PROVIDER) ? { cardProvider: 'test' as const } : {}),
  };
}
