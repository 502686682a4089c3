// Test helpers: run the built command (out/main/ingest.js, made by the vitest global setup)
// with the same Node as the tests, exactly as `npm run ingest` runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { sharedImagesDir } from '../../test/helpers/fixtures';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const builtIngest = path.join(repoRoot, 'out', 'main', 'ingest.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  done: Promise<CliResult>;
  /** Resolves once stdout contains `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): RunningCli {
  const started = Date.now();
  const child = spawn(process.execPath, [builtIngest, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const l of listeners) l();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return {
    child,
    done,
    waitForOutput(text, timeoutMs = 20_000) {
      const seen = () => (typeof text === 'string' ? stdout.includes(text) : text.test(stdout));
      return new Promise((resolve, reject) => {
        if (seen()) return resolve();
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no "${text}" in the output after ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        const check = () => {
          if (!seen()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void done.then(() => check());
      });
    },
  };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

export const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

/**
 * Writes `count` distinct small JPEGs (long edge `size`, ~50 ms each to import) made from the
 * shared fixtures, named IMG_<n>.jpg from `first`, dated an hour ago so the watcher takes them
 * as finished at once.
 */
export async function makeSmallImages(dir: string, count: number, options: { first?: number; size?: number } = {}): Promise<string[]> {
  const sources = await smallSources(options.size ?? 1600);
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  const first = options.first ?? 0;
  for (let n = first; n < first + count; n++) {
    const file = path.join(dir, `IMG_${String(n).padStart(4, '0')}.jpg`);
    const source = sources[n % sources.length] as Buffer;
    await sharp(source)
      .modulate({ brightness: 0.8 + (n % 40) / 100 })
      .jpeg({ quality: 85 })
      .toFile(file);
    await setOld(file, n);
    written.push(file);
  }
  return written;
}

/** Re-encodes an image in place (tmp + rename, as photo editors save), with a new mtime. */
export async function editImage(file: string, seed: number): Promise<void> {
  const edited = await sharp(file)
    .modulate({ brightness: 0.9 + (seed % 20) / 100, saturation: 1.1 })
    .jpeg({ quality: 80 })
    .toBuffer();
  await fs.writeFile(`${file}.edit`, edited);
  await fs.rename(`${file}.edit`, file);
  await setOld(file, 1000 + seed);
}

async function setOld(file: string, n: number) {
  const at = new Date(Date.now() - 3_600_000 + n * 1000);
  await fs.utimes(file, at, at);
}

let cachedSources: { size: number; buffers: Buffer[] } | null = null;

async function smallSources(size: number): Promise<Buffer[]> {
  if (cachedSources?.size === size) return cachedSources.buffers;
  const names = [
    'orient-1-landscape.jpg',
    'color-adobe-rgb.jpg',
    'color-display-p3.jpg',
    'progressive.jpg',
    'sidecar-IMG_5910.jpg',
    'orient-6-portrait.jpg',
  ];
  const buffers = await Promise.all(
    names.map((n) =>
      sharp(path.join(sharedImagesDir, n)).rotate().resize(size, size, { fit: 'inside' }).png({ compressionLevel: 1 }).toBuffer(),
    ),
  );
  cachedSources = { size, buffers };
  return buffers;
}
