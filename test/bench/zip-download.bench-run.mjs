// Zip download of a multi-gigabyte delivery (issue 6 point 5): the built server (out/main/server.js,
// SQLite, a fresh data folder) in a child process on loopback, one delivered order whose 'full'
// set is N incompressible files (AES-256-CTR keystream, deterministic), and one GET of
// /v1/downloads/:token/zip?set=full read here as fast as loopback allows. Past 4 GiB the zip needs
// zip64 records, which `unzip -t` then checks (CRC of every entry) when unzip is installed.
// Reports MB/s, the announced vs received length, and the server's peak RSS during the download
// (sampled from /proc) and over its life (VmHWM), as one JSON line on stdout; progress on stderr.
//
//   node test/bench/zip-download.bench-run.mjs [--gib 5] [--files 5] [--no-build] [--keep-zip]
//
// Not part of npm test. The files are written straight into the server's content-addressed store
// (<data>/files/<ab>/<cd>/<sha256>, server/storage/local-disk-storage.ts): uploading 5 GiB through
// the chunked API would measure the upload, not the zip.
import { spawn, spawnSync } from 'node:child_process';
import { createCipheriv, createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const say = (line) => process.stderr.write(`${line}\n`);
const GIB = 1024 ** 3;
const CHUNK = 4 * 1024 * 1024;

const totalBytes = Math.round(Number(option('--gib', '5')) * GIB);
const fileCount = Number(option('--files', '5'));
const fileBytes = Math.ceil(totalBytes / fileCount);
if (fileBytes > 2 * GIB) throw new Error('A delivery file is at most 2 GiB (delivery-api): use more --files.');
const serverEntry = path.join(root, 'out', 'main', 'server.js');
const childEnv = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };

function startServer(env) {
  const child = spawn(process.execPath, [serverEntry, 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (data) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening:\n${output}`));
    });
  });
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function cli(env, cliArgs) {
  const r = spawnSync(process.execPath, [serverEntry, ...cliArgs], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`server ${cliArgs[0]} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

async function call(base, method, url, { token, json } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (method !== 'GET') headers['idempotency-key'] = randomUUID();
  if (json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${url}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** Writes `size` bytes of keystream `index` into the store under their sha256; answers the sha256. */
function writeBlob(storeDir, index, size) {
  const tmp = path.join(storeDir, 'tmp', `bench-${index}.part`);
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(index + 1, 0);
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, 42), iv);
  const zeros = Buffer.alloc(CHUNK);
  const hash = createHash('sha256');
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    for (let written = 0; written < size; written += CHUNK) {
      const chunk = cipher.update(zeros.subarray(0, Math.min(CHUNK, size - written)));
      hash.update(chunk);
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  const sha256 = hash.digest('hex');
  const target = path.join(storeDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(tmp, target);
  return sha256;
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
      hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
    };
  } catch {
    return null;
  }
}

/** GETs the zip to `file` with node:http (no web-stream overhead); answers what came. */
function downloadZip(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { highWaterMark: 1024 * 1024 });
    http
      .get(url, (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`The zip answered ${response.statusCode}`));
          response.resume();
          return;
        }
        let received = 0;
        response.on('data', (chunk) => {
          received += chunk.length;
          onProgress(received);
        });
        response.pipe(out);
        out.on('finish', () =>
          resolve({ received, contentLength: Number(response.headers['content-length'] ?? -1), headers: response.headers }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main() {
  if (!args.includes('--no-build')) {
    say('Building (electron-vite build) …');
    const r = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build', '--logLevel', 'error'], {
      cwd: root,
      env: childEnv,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`The build failed:\n${r.stdout}\n${r.stderr}`);
  }
  if (!fs.existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build first (npm run build)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'proofdesk-zip-bench-'));
  const dataDir = path.join(work, 'data');
  const storeDir = path.join(dataDir, 'files');
  const env = { ...childEnv, PORT: '0', HOST: '127.0.0.1', PROOFDESK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.PROOFDESK_TRUST_PROXY;
  let server = null;
  try {
    say(`Writing ${fileCount} files of ${(fileBytes / GIB).toFixed(2)} GiB into the store …`);
    const files = [];
    for (let i = 0; i < fileCount; i += 1) files.push({ sha256: writeBlob(storeDir, i, fileBytes), size: fileBytes });
    const proofs = files.map((_, i) => writeBlob(storeDir, 1000 + i, 4096));

    server = await startServer(env);
    const base = server.url;
    say(`Server at ${base}; delivering the order …`);
    const code = /Pairing code: (\S+)/.exec(cli(env, ['create-studio', '--name', 'Zip Bench Studio', '--email', 'owner@example.com']))?.[1];
    if (!code) throw new Error('No pairing code from create-studio');
    const { token } = await call(base, 'POST', '/v1/devices/pair', { json: { code, deviceName: 'Benchmark laptop' } });
    await call(base, 'PUT', '/v1/clients/client-1', { token, json: { name: 'Anna Nowak', email: 'anna@example.com', language: 'en' } });
    const photos = proofs.map((sha256, i) => ({
      id: `photo-${i + 1}`,
      name: `IMG_${1000 + i}.jpg`,
      proofSha256: sha256,
      width: 2048,
      height: 1365,
    }));
    const gallery = await call(base, 'PUT', '/v1/galleries/gallery-1', {
      token,
      json: {
        clientId: 'client-1',
        title: 'Zip benchmark',
        settings: {
          expiresAt: null,
          allowWebDownloads: false,
          watermark: false,
          manualValidation: false,
          retouchBeforeDelivery: false,
          autoSendDownloadLinks: true,
          saveDeterrent: false,
        },
        deliveryMethods: [
          {
            id: 'full',
            kind: 'digital_full',
            label: 'Full resolution',
            priceMinor: 1500,
            currency: 'PLN',
            vatRateBp: 2300,
            pricing: 'per_photo',
          },
        ],
        photos,
      },
    });
    await call(base, 'POST', '/v1/galleries/gallery-1/publish', { token, json: {} });
    const session = (await call(base, 'POST', `/v1/galleries/${gallery.slug}/access`, { json: { code: gallery.accessCode } })).token;
    const order = await call(base, 'POST', '/v1/client/orders', {
      token: session,
      json: {
        deliveryMethodId: 'full',
        photoIds: photos.map((p) => p.id),
        contact: { name: 'Anna Nowak', email: 'anna@example.com', phone: null },
        note: '',
      },
    });
    await call(base, 'PUT', `/v1/orders/${order.id}/delivery`, {
      token,
      json: {
        files: files.map((f, i) => ({
          photoId: photos[i].id,
          set: 'full',
          name: photos[i].name,
          sha256: f.sha256,
          size: f.size,
          width: 8000,
          height: 6000,
        })),
      },
    });
    await call(base, 'POST', `/v1/orders/${order.id}/events`, { token, json: { type: 'mark_paid', method: 'offline' } });
    const delivered = await call(base, 'POST', `/v1/orders/${order.id}/events`, { token, json: { type: 'deliver', fileCount } });
    const linkToken = delivered.delivery.link.split('/d/')[1];

    const zipFile = path.join(work, 'delivery.zip');
    const before = rssMb(server.child.pid);
    let peakRss = before?.rss ?? 0;
    const sampler = setInterval(() => {
      const now = rssMb(server.child.pid);
      if (now) peakRss = Math.max(peakRss, now.rss);
    }, 50);
    let lastReport = 0;
    say(`Downloading the zip (${((fileBytes * fileCount) / GIB).toFixed(2)} GiB of files) …`);
    const started = process.hrtime.bigint();
    const got = await downloadZip(`${base}/v1/downloads/${linkToken}/zip?set=full`, zipFile, (received) => {
      if (received - lastReport > GIB) {
        lastReport = received;
        say(`  ${(received / GIB).toFixed(1)} GiB`);
      }
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const after = rssMb(server.child.pid);
    await stopServer(server.child);
    server = null;

    let unzipTest = null;
    let unzipEntries = null;
    if (spawnSync('sh', ['-c', 'command -v unzip']).status === 0) {
      say('unzip -t …');
      const tested = spawnSync('unzip', ['-t', zipFile], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      unzipTest =
        tested.status === 0
          ? 'ok'
          : `failed (${tested.status}): ${(tested.stdout + tested.stderr).trim().split('\n').slice(-3).join(' | ')}`;
      unzipEntries = (tested.stdout.match(/testing: .* OK/g) ?? []).length;
    }
    const round = (n, d = 1) => Number(n.toFixed(d));
    const report = {
      files: fileCount,
      fileBytes,
      zipBytes: got.received,
      contentLength: got.contentLength,
      contentLengthExact: got.contentLength === got.received && got.received === fs.statSync(zipFile).size,
      seconds: round(seconds, 2),
      mbPerSecond: round(got.received / 1e6 / seconds),
      mibPerSecond: round(got.received / 1024 ** 2 / seconds),
      serverRssBeforeMB: before ? round(before.rss) : null,
      serverPeakRssDuringDownloadMB: round(peakRss),
      serverPeakRssGrowthMB: before ? round(peakRss - before.rss) : null,
      serverVmHWMMB: after ? round(after.hwm) : null,
      unzipTest,
      unzipEntriesOk: unzipEntries,
      cpus: os.availableParallelism(),
      loadAverage: round(os.loadavg()[0], 2),
    };
    if (args.includes('--keep-zip')) report.zipFile = zipFile;
    return report;
  } finally {
    if (server) await stopServer(server.child);
    if (!args.includes('--keep-zip')) fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  console.log(JSON.stringify(await main()));
} catch (error) {
  say(error.stack ?? String(error));
  process.exit(1);
}
