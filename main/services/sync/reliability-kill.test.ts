// Issue 5 point 7: the server is SIGKILLed mid-upload and mid-outbox-drain, at the worst
// moments (after it applied a change but before its answer arrived; while a request is on its
// way), and restarted on the same data folder: every change arrives exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCredentials } from './device-credentials';
import { type FlakyProxy, type ProxyOptions, startFlakyProxy } from './test-support/flaky-proxy';
import { createStudio, type ServerProcess, startServerProcess } from './test-support/server-process';
import { FIXTURE, fixtureSha256, openStudio, untilDrained } from './test-support/studio-fixture';

let server: ServerProcess;
let proxy: FlakyProxy;
const proxyOptions: ProxyOptions = { target: '' };
let restarting: Promise<void> | null = null;
const killAndRestart = async () => {
  await server.kill();
  restarting = server.restart();
};

beforeAll(async () => {
  server = await startServerProcess();
  proxyOptions.target = server.url;
  proxy = await startFlakyProxy(proxyOptions);
});
afterAll(async () => {
  await restarting;
  await proxy?.close();
  await server?.dispose();
});

async function pairedStudio() {
  const studio = openStudio(proxy.url);
  await studio.sync.pair(proxy.url, await createStudio(server), 'Studio laptop');
  const credentials = await readCredentials(studio.secrets);
  return { studio, studioId: credentials?.studio.id };
}

it('killed mid-upload (chunk applied, answer lost) and restarted: the upload resumes and completes once', async () => {
  const { studio } = await pairedStudio();
  const sha256 = fixtureSha256();
  const { size } = await import('node:fs').then((fs) => fs.statSync(FIXTURE));
  let chunks = 0;
  proxyOptions.onAnswer = async (_n, method) => {
    if (method !== 'PUT') return false;
    chunks += 1;
    if (chunks !== 5) return false;
    await killAndRestart();
    return true;
  };
  studio.catalog.outbox.enqueueUpload({ file: FIXTURE, sha256, size, label: 'Proof' });
  await untilDrained(studio, 30_000);
  proxyOptions.onAnswer = undefined;
  await restarting;

  expect(studio.catalog.outbox.list('rejected')).toEqual([]);
  expect(server.count("SELECT count(*) FROM uploads WHERE sha256 = ? AND state = 'complete'", sha256)).toBe(1);
  expect(restarting).not.toBeNull(); // the kill did happen
  // Resumed, not restarted: the chunk whose answer was lost is sent once more (the server's
  // 409 says it already has it and where to go on), and nothing else is sent twice.
  expect(chunks).toBe(Math.ceil(size / (64 * 1024)) + 1);
});

it('killed mid-drain (once after applying a change, once before a request arrives) and restarted: each change exactly once', async () => {
  const { studio, studioId } = await pairedStudio();
  const codes = () => server.count('SELECT count(*) FROM pairing_codes WHERE studio_id = ?', studioId);
  const before = codes();
  let posts = 0;
  proxyOptions.onAnswer = async (_n, method, url) => {
    if (method !== 'POST' || url !== '/v1/pairing-codes') return false;
    posts += 1;
    if (posts !== 7) return false;
    await killAndRestart(); // the 7th code exists on the server, the studio never heard
    return true;
  };
  let forwarded = 0;
  proxyOptions.beforeForward = async (_n, method, url) => {
    if (method !== 'POST' || url !== '/v1/pairing-codes') return;
    forwarded += 1;
    if (forwarded !== 15) return;
    await restarting;
    await killAndRestart(); // the 15th request finds no server
  };
  for (let i = 0; i < 20; i += 1) studio.catalog.outbox.enqueue({ method: 'POST', path: '/v1/pairing-codes', label: `Code ${i}` });
  await untilDrained(studio, 30_000);
  proxyOptions.onAnswer = undefined;
  proxyOptions.beforeForward = undefined;
  await restarting;

  expect([posts >= 7, forwarded >= 15]).toEqual([true, true]); // both kills happened
  expect(studio.catalog.outbox.list('rejected')).toEqual([]);
  expect(codes() - before).toBe(20);
  const answers = studio.catalog.outbox.list('done', 100).map((r) => (r.response as { code: string }).code);
  expect(new Set(answers).size).toBe(20);
});
