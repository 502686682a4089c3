import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations, importsOf, type SourceFile } from './import-rules';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function sourcesUnder(folder: string): Promise<SourceFile[]> {
  const entries = await fs.readdir(path.join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && /\.(ts|tsx|mts|cts)$/.test(e.name));
  return Promise.all(
    files.map(async (e) => {
      const abs = path.join(e.parentPath, e.name);
      return { path: path.relative(root, abs).split(path.sep).join('/'), source: await fs.readFile(abs, 'utf8') };
    }),
  );
}

describe('process boundaries (design.md §1)', () => {
  it('hold across the whole codebase', async () => {
    const files = (await Promise.all(['main', 'preload', 'renderer', 'shared', 'server'].map(sourcesUnder))).flat();
    expect(files.length).toBeGreaterThan(20);
    expect(findViolations(files)).toEqual([]);
  });

  it('catch a renderer file importing main code', () => {
    const v = findViolations([
      { path: 'renderer/src/features/x/X.tsx', source: "import { createCore } from '../../../../main/core/create-core';" },
    ]);
    expect(v).toHaveLength(1);
    expect(v[0]?.rule).toMatch(/renderer never imports/);
  });

  it("catch a service importing 'electron', statically or dynamically", () => {
    expect(findViolations([{ path: 'main/services/ingest/x.ts', source: "import { app } from 'electron';" }])).toHaveLength(1);
    expect(findViolations([{ path: 'main/services/ingest/x.ts', source: "const e = await import('electron');" }])).toHaveLength(1);
  });

  it('catch shared importing something of ours outside shared, or Node built-ins', () => {
    expect(findViolations([{ path: 'shared/x.ts', source: "import { a } from '../main/services/library';" }])).toHaveLength(1);
    expect(findViolations([{ path: 'shared/x.ts', source: "import fs from 'node:fs';" }])).toHaveLength(1);
    expect(findViolations([{ path: 'shared/x.ts', source: "import { z } from 'zod';\nimport { y } from './y';" }])).toEqual([]);
  });

  it('catch the preload pulling in a package the sandbox cannot load', () => {
    expect(findViolations([{ path: 'preload/index.ts', source: "import { z } from 'zod';" }])).toHaveLength(1);
  });

  it('read type-only, re-export and side-effect imports', () => {
    expect(importsOf("import type { A } from './a';\nexport { b } from './b';\nimport './c.css';")).toEqual(['./a', './b', './c.css']);
  });
});
