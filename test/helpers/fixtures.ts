// The shared image fixtures and what MANIFEST.md says each one must become.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const sharedImagesDir = fileURLToPath(new URL('../../../shared/fixtures/images/', import.meta.url));
export const rawFixturesDir = fileURLToPath(new URL('../fixtures/raw/', import.meta.url));

export interface FixtureExpectation {
  file: string;
  decodes: boolean;
  /** Web variant size after auto-orient, when the manifest states one. */
  web: { width: number; height: number } | null;
}

/** Parses the manifest table: file | bytes | pixels | format | tests | source | licence | decodes | web. */
export function fixtureManifest(): FixtureExpectation[] {
  const text = readFileSync(path.join(sharedImagesDir, 'MANIFEST.md'), 'utf8');
  const rows: FixtureExpectation[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = cells[1];
    if (!file || !/\.\w+$/.test(file) || cells.length < 10) continue;
    const decodes = (cells[8] ?? '').startsWith('yes');
    const size = (cells[9] ?? '').match(/(\d+)x(\d+)/);
    rows.push({ file, decodes, web: size ? { width: Number(size[1]), height: Number(size[2]) } : null });
  }
  return rows;
}
