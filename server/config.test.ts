import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, loadConfig } from './config';
import { defaultDataDir } from './default-data-dir';

describe('loadConfig', () => {
  it('has working defaults: fixed port, loopback, SQLite and .eml files in the data folder', () => {
    const config = loadConfig({ HOME: '/home/ann', PROOFDESK_DATA_DIR: '/srv/pd' }, { serverDir: '/opt/proofdesk/out/main' });
    expect(config).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/pd'),
      database: { kind: 'sqlite', file: path.resolve('/srv/pd/proofdesk-server.sqlite') },
      mail: { kind: 'eml-folder', dir: path.resolve('/srv/pd/outbox-mail') },
      trustProxy: false,
      galleryWebDir: path.resolve('/opt/proofdesk/out/gallery-web'),
    });
    expect(DEFAULT_PORT).toBe(4810);
  });

  it('accepts PORT=0 (a free port) and HOST', () => {
    expect(loadConfig({ PORT: '0', HOST: '0.0.0.0' })).toMatchObject({ port: 0, host: '0.0.0.0' });
  });

  it.each(['abc', '-1', '70000', '80.5'])('refuses PORT=%s with a sentence naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT must be a whole number from 0 to 65535/);
  });

  it('selects PostgreSQL for a postgres:// URL and refuses other schemes', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://pd:secret@db:5432/proofdesk' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://pd:secret@db:5432/proofdesk',
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/proofdesk' }).database.kind).toBe('postgres');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/proofdesk' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
  });

  it('validates SMTP_URL', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://me:pw@mail.example.com:465' }).mail).toEqual({
      kind: 'smtp',
      url: 'smtps://me:pw@mail.example.com:465',
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(() => loadConfig({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL is not a valid URL/);
  });

  it('reads the number of trusted proxy hops', () => {
    expect(loadConfig({ PROOFDESK_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ PROOFDESK_TRUST_PROXY: 'yes' })).toThrow(/PROOFDESK_TRUST_PROXY/);
  });

  it('takes the gallery page folder from PROOFDESK_GALLERY_WEB_DIR', () => {
    expect(loadConfig({ PROOFDESK_GALLERY_WEB_DIR: '/srv/gallery' }).galleryWebDir).toBe(path.resolve('/srv/gallery'));
  });

  it('reads the public address for e-mail links, the From address and the card provider, refusing what cannot work', () => {
    expect(loadConfig({ PROOFDESK_PUBLIC_URL: 'https://proofs.example.com/' }).publicUrl).toBe('https://proofs.example.com');
    expect(loadConfig({ PROOFDESK_PUBLIC_URL: 'https://example.com/studio/' }).publicUrl).toBe('https://example.com/studio');
    expect(() => loadConfig({ PROOFDESK_PUBLIC_URL: 'proofs.example.com' })).toThrow(/PROOFDESK_PUBLIC_URL is not a valid URL/);
    expect(() => loadConfig({ PROOFDESK_PUBLIC_URL: 'ftp://proofs.example.com' })).toThrow(/must start with https:\/\//);
    expect(() => loadConfig({ PROOFDESK_PUBLIC_URL: 'https://proofs.example.com/?a=1' })).toThrow(/query/);
    expect(loadConfig({ MAIL_FROM: 'Proofdesk <orders@example.com>' }).mailFrom).toBe('Proofdesk <orders@example.com>');
    expect(loadConfig({ MAIL_FROM: 'orders@example.com' }).mailFrom).toBe('orders@example.com');
    expect(() => loadConfig({ MAIL_FROM: 'orders' })).toThrow(/MAIL_FROM must be an e-mail address/);
    expect(loadConfig({})).not.toHaveProperty('publicUrl');
    expect(loadConfig({ PROOFDESK_CARD_PROVIDER: 'test' }).cardProvider).toBe('test');
    expect(loadConfig({})).not.toHaveProperty('cardProvider');
    expect(() => loadConfig({ PROOFDESK_CARD_PROVIDER: 'stripe' })).toThrow(/PROOFDESK_CARD_PROVIDER must be "test"/);
  });

  it('puts the default data folder under the user data folder of each platform', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'proofdesk', 'server'));
    expect(defaultDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Proofdesk', 'server'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toContain(path.join('Proofdesk', 'server'));
  });
});
