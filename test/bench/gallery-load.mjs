// Client-gallery load (issue 5 point 7): the real hosted server (the built out/main/server.js,
// SQLite, a fresh data folder) in a child process on loopback, one published gallery of real
// 2048 px JPEG proofs, and autocannon in this process with many connections sharing a few
// client sessions. The request mix is what a gallery visit asks for: the page, the photo list
// and proofs (each proof fetched in full, as on a first visit: no If-None-Match). Reference in
// the same run: a bare node:http server (also a child process) answering the same paths with
// the same bytes from memory, i.e. what loopback, Node's HTTP stack and the load generator cost
// on this machine before any Proofdesk code runs.
//
// `npm run -s bench -- gallery [--connections 200] [--duration 30] [--json]` builds the app and
// calls runGalleryLoad (the last stdout line is JSON); test/bench-smoke runs a 5-second version.
// Options: --photos 60, --warmup 3 (s, not counted), --mix page:10,gallery:30,proof:60,
// --no-baseline, --profile DIR (a V8 CPU profile of the server, for chrome://inspect or speedscope).
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import PipelinedRequestsQueue from 'autocannon/lib/pipelinedRequestsQueue.js';
import sharp from 'sharp';

// autocannon appends every response body to a string (mcollina/autocannon#362). For binary
// bodies that utf8 decoding caps this machine at ~70 MB/s, so the load generator, not the
// server, would set the numbers (a bare server measured 180 instead of 4,500 proofs/s).
// Nothing here reads bodies (onResponse uses the status only), so drop them.
if (typeof PipelinedRequestsQueue.prototype.addBody !== 'function') throw new Error('autocannon internals changed: revisit addBody');
PipelinedRequestsQueue.prototype.addBody = () => {};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedImages = path.resolve(root, '../shared/fixtures/images');
/** Real camera JPEGs from the shared fixtures (see its MANIFEST.md), resized to 2048 px proofs. */
const SOURCES = [
  'camera-canon-1300d-18mp-low-detail.jpg',
  'camera-canon-1dm3-iptc-copyright.jpg',
  'camera-iphone6plus-portrait-rating2.jpg',
  'camera-nikon-d3100-14mp.jpg',
  'progressive.jpg',
  'synthetic-24mp.jpg',
];
export const DEFAULT_MIX = { page: 10, gallery: 30, proof: 60 };
export const TARGET = { p99Ms: 200, errors: 0 };
const KIND_PATHS = { page: 'GET /g/:slug', gallery: 'GET /v1/client/gallery', proof: 'GET /v1/client/photos/:photoId/proof' };
const SESSIONS = 4;

const round = (n, digits = 1) => Number(n.toFixed(digits));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** "page:10,gallery:30,proof:60" → { page: 10, gallery: 30, proof: 60 } */
export function parseMix(text) {
  const mix = {};
  for (const part of text.split(',')) {
    const [kind, weight] = part.split(':');
    if (!(kind in KIND_PATHS) || !(Number(weight) >= 0)) throw new Error(`Bad --mix entry "${part}": use page|gallery|proof:<weight>`);
    mix[kind] = Number(weight);
  }
  return mix;
}

/**
 * The request order of every connection: the mix reduced to its smallest whole cycle
 * (10/30/60 → 10 requests) and interleaved (smooth weighted round robin), so no connection
 * asks for six proofs in a row.
 */
export function mixCycle(mix) {
  const entries = Object.entries(mix).filter(([, w]) => w > 0);
  const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
  const divisor = entries.reduce((g, [, w]) => gcd(g, w), 0);
  const weights = entries.map(([kind, w]) => ({ kind, w: w / divisor, current: 0 }));
  const total = weights.reduce((s, e) => s + e.w, 0);
  const cycle = [];
  for (let i = 0; i < total; i += 1) {
    for (const e of weights) e.current += e.w;
    const pick = weights.reduce((best, e) => (e.current > best.current ? e : best));
    pick.current -= total;
    cycle.push(pick.kind);
  }
  return cycle;
}

/** Proofs as the studio app uploads them: sRGB JPEG fitted inside 2048x2048, each photo its own bytes. */
async function makeProofs(count) {
  const available = SOURCES.map((f) => path.join(sharedImages, f)).filter((f) => fs.existsSync(f));
  const bases = await Promise.all(
    available.length > 0
      ? available.map((file) =>
          sharp(file).rotate().resize(2048, 2048, { fit: 'inside' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true }),
        )
      : // No shared fixtures next to the repo: a deterministic generated picture instead.
        [
          sharp(generatedPixels(2048, 1365), { raw: { width: 2048, height: 1365, channels: 3 } })
            .raw()
            .toBuffer({ resolveWithObject: true }),
        ],
  );
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const base = bases[i % bases.length];
      const { width, height, channels } = base.info;
      // A different EXIF description per photo: distinct files (and sha256) at the same pixels' cost.
      const bytes = await sharp(base.data, { raw: { width, height, channels } })
        .withExif({ IFD0: { ImageDescription: `Proofdesk load benchmark proof ${i + 1}` } })
        .jpeg({ quality: 82, mozjpeg: false })
        .toBuffer();
      return { id: `photo-${String(i + 1).padStart(4, '0')}`, name: `IMG_${1000 + i}.jpg`, bytes, sha256: sha256(bytes), width, height };
    }),
  );
}

function generatedPixels(width, height) {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const o = (y * width + x) * 3;
      pixels[o] = (x * 255) / width;
      pixels[o + 1] = (y * 255) / height;
      pixels[o + 2] = seed & 0x3f;
    }
  }
  return pixels;
}

/** Starts a node child and resolves with it and the first http:// URL it prints. */
function startChild(args, env, readyPattern, what) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start within 30 s:\n${output}`)), 30_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (data) => {
      output += data.toString();
      const match = readyPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data) => {
      output += data.toString();
    });
    child.once('exit', (code) => fail(new Error(`${what} exited (${code}) before listening:\n${output}`)));
  });
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function cliOutput(serverEntry, env, args) {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, [serverEntry, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    run.stdout.on('data', (d) => {
      out += d.toString();
    });
    run.stderr.on('data', (d) => {
      out += d.toString();
    });
    run.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`server ${args[0]} failed (${code}):\n${out}`))));
  });
}

async function call(base, method, url, { token, json, bytes } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (method !== 'GET') headers['idempotency-key'] = randomUUID();
  let body;
  if (bytes) {
    headers['content-type'] = 'application/octet-stream';
    body = bytes;
  } else if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const response = await fetch(`${base}${url}`, { method, headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** The studio side, over HTTP as the desktop app does it: pair, client, uploads, gallery, publish. */
async function publishGallery(base, serverEntry, env, proofs) {
  const created = await cliOutput(serverEntry, env, ['create-studio', '--name', 'Load Test Studio', '--email', 'owner@example.com']);
  const code = /Pairing code: (\S+)/.exec(created)?.[1];
  if (!code) throw new Error(`No pairing code in:\n${created}`);
  const { token } = await call(base, 'POST', '/v1/devices/pair', { json: { code, deviceName: 'Benchmark laptop' } });
  await call(base, 'PUT', '/v1/clients/client-1', { token, json: { name: 'Anna Nowak', email: 'anna@example.com' } });
  for (const proof of proofs) {
    const upload = await call(base, 'POST', '/v1/uploads', { token, json: { sha256: proof.sha256, size: proof.bytes.length } });
    if (upload.complete) continue;
    await call(base, 'PUT', `/v1/uploads/${upload.uploadId}?offset=0`, { token, bytes: proof.bytes });
    await call(base, 'POST', `/v1/uploads/${upload.uploadId}/finish`, { token, json: {} });
  }
  const gallery = await call(base, 'PUT', '/v1/galleries/gallery-1', {
    token,
    json: {
      clientId: 'client-1',
      title: 'Nowak wedding',
      settings: {
        expiresAt: null,
        allowWebDownloads: false,
        watermark: false,
        manualValidation: false,
        retouchBeforeDelivery: false,
        autoSendDownloadLinks: true,
        saveDeterrent: true,
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
      photos: proofs.map((p) => ({ id: p.id, name: p.name, proofSha256: p.sha256, width: p.width, height: p.height })),
    },
  });
  await call(base, 'POST', '/v1/galleries/gallery-1/publish', { token, json: {} });
  return { slug: gallery.slug, accessCode: gallery.accessCode };
}

/** One GET of each kind, checked, so a broken route fails loudly before the load starts. */
async function probe(base, slug, token, photoId) {
  const get = async (url, auth) => {
    const response = await fetch(`${base}${url}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${bytes.toString().slice(0, 300)}`);
    return { bytes, type: response.headers.get('content-type') };
  };
  const page = await get(`/g/${slug}`, false);
  if (!page.type?.startsWith('text/html')) throw new Error(`/g/:slug is ${page.type}, not the built page: run the gallery-web build`);
  const gallery = await get('/v1/client/gallery', true);
  const proof = await get(`/v1/client/photos/${photoId}/proof`, true);
  if (proof.type !== 'image/jpeg') throw new Error(`a proof came back as ${proof.type}`);
  return { page: page.bytes, gallery: gallery.bytes };
}

/** The reference server: the same paths and bytes from memory, nothing else (run as a child process). */
function serveBaseline(dir) {
  const read = (name) => fs.readFileSync(path.join(dir, name));
  const manifest = JSON.parse(read('manifest.json').toString());
  const page = read('page.html');
  const gallery = read('gallery.json');
  const proofs = new Map(manifest.photoIds.map((id) => [`/v1/client/photos/${id}/proof`, read(`${id}.jpg`)]));
  const server = http.createServer((request, response) => {
    const proof = proofs.get(request.url);
    const [type, body] = proof
      ? ['image/jpeg', proof]
      : request.url === '/v1/client/gallery'
        ? ['application/json; charset=utf-8', gallery]
        : request.url === `/g/${manifest.slug}`
          ? ['text/html; charset=utf-8', page]
          : ['text/plain', null];
    response.writeHead(body ? 200 : 404, { 'content-type': type, 'content-length': body ? body.length : 0 });
    response.end(body);
  });
  server.keepAliveTimeout = 72_000;
  server.listen(0, '127.0.0.1', () => console.log(`Baseline listening on http://127.0.0.1:${server.address().port}`));
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
}

/** CPU seconds (user + system) of a Linux process so far, or null elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** One autocannon run of the mix against `base`; counts every answer per request kind. */
async function load(base, { connections, durationS, cycle, slug, tokens, photoIds }) {
  let nextPhoto = 0;
  let nextToken = 0;
  const served = Object.fromEntries(cycle.map((k) => [k, { requests: 0, ok: 0, statuses: {}, times: [] }]));
  // autocannon calls a request's onResponse, then emits 'response' with the time, synchronously.
  let answered = null;
  const count = (kind) => (status) => {
    const s = served[kind];
    s.requests += 1;
    if (status >= 200 && status < 300) s.ok += 1;
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
    answered = s;
  };
  const auth = (request) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${tokens[nextToken++ % tokens.length]}` },
  });
  const builders = {
    page: { method: 'GET', path: `/g/${slug}`, onResponse: count('page') },
    gallery: { method: 'GET', path: '/v1/client/gallery', setupRequest: auth, onResponse: count('gallery') },
    proof: {
      method: 'GET',
      path: '/v1/client/photos/p/proof',
      setupRequest: (request) => auth({ ...request, path: `/v1/client/photos/${photoIds[nextPhoto++ % photoIds.length]}/proof` }),
      onResponse: count('proof'),
    },
  };
  const run = autocannon({
    url: base,
    connections,
    duration: durationS,
    // Each connection walks the cycle from its start, again and again.
    requests: cycle.map((kind) => ({ ...builders[kind] })),
    timeout: 10,
  });
  run.on('response', (_client, _status, _bytes, ms) => {
    answered?.times.push(ms);
    answered = null;
  });
  const result = await run;
  for (const s of Object.values(served)) {
    const times = s.times.sort((a, b) => a - b);
    const at = (q) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]) : null);
    s.latency = { p50: at(0.5), p99: at(0.99), max: at(1) };
    delete s.times;
  }
  return { result, served };
}

function summarise({ result, served }, connections, durationS) {
  const requests = result.requests.total;
  return {
    requests,
    rps: round(requests / (result.duration || durationS), 0),
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    throughputMBps: round(result.throughput.average / 1e6, 1),
    connections,
    byKind: served,
  };
}

/**
 * Runs the whole benchmark and returns its report. `serverEntry` is the built server (the
 * gallery page must be built into out/gallery-web too); `log` receives progress lines.
 */
export async function runGalleryLoad(options = {}) {
  const {
    connections = 200,
    durationS = 30,
    photos = 60,
    warmupS = 3,
    mix = DEFAULT_MIX,
    baseline = true,
    profileDir = null,
    serverEntry = path.join(root, 'out', 'main', 'server.js'),
    log = (line) => process.stderr.write(`${line}\n`),
  } = options;
  if (!fs.existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build first (npm run build)`);
  const cycle = mixCycle(mix);
  // Other work on the machine shows up in the numbers; the report says how busy it was.
  const loadBefore = os.loadavg()[0];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'proofdesk-gallery-load-'));
  const children = [];
  try {
    log(`Making ${photos} 2048 px proofs …`);
    const proofs = await makeProofs(photos);
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', PROOFDESK_DATA_DIR: path.join(work, 'data') };
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    delete env.PROOFDESK_TRUST_PROXY;
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [];
    const server = await startChild([...profile, serverEntry, 'serve'], env, /listening on (http:\/\/\S+)/, 'The Proofdesk server');
    children.push(server.child);
    log(`Server at ${server.url}; publishing the gallery …`);
    const { slug, accessCode } = await publishGallery(server.url, serverEntry, env, proofs);
    const tokens = [];
    for (let i = 0; i < SESSIONS; i += 1)
      tokens.push((await call(server.url, 'POST', `/v1/galleries/${slug}/access`, { json: { code: accessCode } })).token);
    const photoIds = proofs.map((p) => p.id);
    const bodies = await probe(server.url, slug, tokens[0], photoIds[0]);
    const plan = { cycle, slug, tokens, photoIds };

    if (warmupS > 0) {
      log(`Warm-up: ${connections} connections for ${warmupS} s (not counted) …`);
      await load(server.url, { ...plan, connections, durationS: warmupS });
    }
    log(`Proofdesk server: ${connections} connections for ${durationS} s, mix ${cycle.join(' ')} …`);
    const cpuBefore = cpuSeconds(server.child.pid);
    const ownBefore = process.cpuUsage();
    const ours = summarise(await load(server.url, { ...plan, connections, durationS }), connections, durationS);
    const own = process.cpuUsage(ownBefore);
    const cpuAfter = cpuSeconds(server.child.pid);
    await stopChild(server.child);

    let reference = null;
    if (baseline) {
      const dir = path.join(work, 'baseline');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ slug, photoIds }));
      fs.writeFileSync(path.join(dir, 'page.html'), bodies.page);
      fs.writeFileSync(path.join(dir, 'gallery.json'), bodies.gallery);
      for (const p of proofs) fs.writeFileSync(path.join(dir, `${p.id}.jpg`), p.bytes);
      const bare = await startChild(
        [fileURLToPath(import.meta.url), '--baseline-server', dir],
        process.env,
        /listening on (http:\/\/\S+)/,
        'The baseline server',
      );
      children.push(bare.child);
      if (warmupS > 0) await load(bare.url, { ...plan, connections, durationS: warmupS });
      log(`Baseline (bare node:http, same bytes from memory): ${connections} connections for ${durationS} s …`);
      const bareResult = summarise(await load(bare.url, { ...plan, connections, durationS }), connections, durationS);
      await stopChild(bare.child);
      reference = {
        server: 'bare node:http, same paths and bodies from memory',
        rps: bareResult.rps,
        latency: bareResult.latency,
        errors: bareResult.errors,
        non2xx: bareResult.non2xx,
        throughputMBps: bareResult.throughputMBps,
      };
    }

    const totalWeight = Object.values(mix).reduce((s, w) => s + w, 0);
    return {
      benchmark: 'gallery',
      connections,
      durationS,
      mix: Object.fromEntries(
        Object.entries(mix)
          .filter(([, w]) => w > 0)
          .map(([kind, w]) => [kind, { request: KIND_PATHS[kind], percent: round((100 * w) / totalWeight, 1), ...ours.byKind[kind] }]),
      ),
      photos,
      proofKB: round(proofs.reduce((s, p) => s + p.bytes.length, 0) / proofs.length / 1024, 0),
      sessions: SESSIONS,
      requests: ours.requests,
      rps: ours.rps,
      latency: ours.latency,
      errors: ours.errors,
      non2xx: ours.non2xx,
      timeouts: ours.timeouts,
      throughputMBps: ours.throughputMBps,
      serverCpuPercent: cpuBefore === null || cpuAfter === null ? null : round((100 * (cpuAfter - cpuBefore)) / durationS, 0),
      loadGeneratorCpuPercent: round((own.user + own.system) / 1e4 / durationS, 0),
      reference,
      target: TARGET,
      pass: ours.latency.p99 < TARGET.p99Ms && ours.errors === TARGET.errors && ours.non2xx === 0,
      cpus: os.availableParallelism(),
      loadAverage1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0], 2) },
      warmupS,
    };
  } finally {
    await Promise.all(children.map(stopChild));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  if (args[0] === '--baseline-server') {
    serveBaseline(args[1]);
  } else {
    const report = await runGalleryLoad({
      connections: Number(option('--connections', '200')),
      durationS: Number(option('--duration', '30')),
      photos: Number(option('--photos', '60')),
      warmupS: Number(option('--warmup', '3')),
      mix: parseMix(option('--mix', 'page:10,gallery:30,proof:60')),
      baseline: !args.includes('--no-baseline'),
      profileDir: option('--profile', null),
    });
    console.log(JSON.stringify(report));
  }
}
