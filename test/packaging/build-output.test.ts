// Checks the bundles the global setup built: what the sandboxed preload may load, and that
// the main bundle keeps 'electron' out of the browser host.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out');
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
const requires = (code: string) => [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const imports = (code: string) => [...code.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)].map((m) => m[1]);

describe('built bundles', () => {
  it('the preload is CommonJS and requires nothing but electron (sandboxed preloads cannot load packages)', () => {
    const preload = read('preload/index.cjs');
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\s/);
  });

  it('the browser host bundle does not load electron', () => {
    const host = read('main/host.js');
    const chunks = imports(host).filter((s) => s?.startsWith('./'));
    const all = [host, ...chunks.map((c) => read(path.join('main', c as string)))];
    for (const code of all) expect(imports(code)).not.toContain('electron');
  });

  it('the renderer has an index.html that loads its script from the same origin', () => {
    const html = read('renderer/index.html');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    expect(html).not.toMatch(/https?:\/\//);
  });
});
