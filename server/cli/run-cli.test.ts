import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../test-support/test-databases';
import { type CliResult, runCli } from './run-cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: (env: NodeJS.ProcessEnv) => ({ env, out: (l: string) => out.push(l), err: (l: string) => err.push(l) }) };
}

function envFor(database: TestDatabase, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PROOFDESK_DATA_DIR: database.dataDir,
    ...(database.database.kind === 'postgres' ? { DATABASE_URL: database.database.url } : {}),
    ...extra,
  };
}

const exitCode = (result: CliResult) => ('exitCode' in result ? result.exitCode : 'running');

for (const kind of databaseKinds) {
  describe(`server CLI [${kind}]`, () => {
    let database: TestDatabase | undefined;
    let running: CliResult | undefined;
    afterEach(async () => {
      if (running && 'server' in running) await running.server.close();
      running = undefined;
      await database?.dispose();
    });

    it('create-studio prints a pairing code that pairs the first device on the served API', async () => {
      database = await createTestDatabase(kind);
      const c = capture();
      const created = await runCli(['create-studio', '--name', 'Ann Photo', '--email', 'Ann@Example.com'], c.io(envFor(database)));
      expect(exitCode(created)).toBe(0);
      expect(c.out[0]).toBe('Studio "Ann Photo" created for ann@example.com.');
      const code = /^Pairing code: ([2-9A-Z-]{14})$/.exec(c.out[1] ?? '')?.[1];
      expect(code).toBeDefined();
      expect(c.out[2]).toMatch(/pairs one device, once, until .*Z \(15 minutes\)/);

      const s = capture();
      running = await runCli([], s.io(envFor(database, { PORT: '0' })));
      expect(exitCode(running)).toBe('running');
      expect(s.out).toHaveLength(1);
      const url = /^Proofdesk server listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(s.out[0] ?? '')?.[1];
      expect(url).toBeDefined();
      const paired = await fetch(`${url}/v1/devices/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'Laptop' }),
      });
      expect(paired.status).toBe(201);
    });

    it('refuses a second studio with the same e-mail and says how to pair another device', async () => {
      database = await createTestDatabase(kind);
      const c = capture();
      await runCli(['create-studio', '--name', 'A', '--email', 'a@example.com'], c.io(envFor(database)));
      const again = await runCli(['create-studio', '--name', 'B', '--email', 'a@example.com'], c.io(envFor(database)));
      expect(exitCode(again)).toBe(1);
      expect(c.err).toEqual([
        'Proofdesk server: A studio with the e-mail a@example.com already exists. To pair another device, run `npm run server -- pairing-code --email a@example.com`.',
      ]);

      const more = await runCli(['pairing-code', '--email', 'A@example.com'], c.io(envFor(database)));
      expect(exitCode(more)).toBe(0);
      expect(c.out.filter((l) => l.startsWith('Pairing code: '))).toHaveLength(2);
    });
  });
}

describe('server CLI', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('explains missing or wrong options in one line', async () => {
    database = await createTestDatabase('sqlite');
    const c = capture();
    expect(exitCode(await runCli(['create-studio', '--name', 'A'], c.io(envFor(database))))).toBe(1);
    expect(c.err[0]).toMatch(/^Proofdesk server: create-studio was not accepted: email: pass --email/);
    expect(exitCode(await runCli(['create-studio', '--nme', 'A'], c.io(envFor(database))))).toBe(1);
    expect(c.err[1]).toMatch(/^Proofdesk server: Unknown option '--nme'/);
    expect(exitCode(await runCli(['pairing-code', '--email', 'nobody@example.com'], c.io(envFor(database))))).toBe(1);
    expect(c.err[2]).toMatch(/No studio uses the e-mail nobody@example.com/);
  });

  it('stops on a bad setting with a sentence naming it', async () => {
    const c = capture();
    expect(exitCode(await runCli([], c.io({ PORT: 'eighty' })))).toBe(1);
    expect(c.err).toEqual(['Proofdesk server: PORT must be a whole number from 0 to 65535 (0 picks a free port); got "eighty".']);
  });

  it('says which port is taken', async () => {
    database = await createTestDatabase('sqlite');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const c = capture();
      expect(exitCode(await runCli(['serve'], c.io(envFor(database, { PORT: String(port) }))))).toBe(1);
      expect(c.err[0]).toBe(
        `Proofdesk server: Port ${port} is already in use on 127.0.0.1. Stop the other program or set PORT to another number (0 picks a free port).`,
      );
    } finally {
      blocker.close();
    }
  });

  it('prints usage for help and for an unknown command', async () => {
    const c = capture();
    expect(exitCode(await runCli(['help'], c.io({})))).toBe(0);
    expect(c.out[0]).toMatch(/^Usage: npm run server/);
    expect(exitCode(await runCli(['launch'], c.io({})))).toBe(2);
    expect(c.err[0]).toMatch(/^Unknown command "launch"/);
  });
});
