// Finished comparisons on disk, next to the overlays: diff-<key>.png + diff-<key>.json. The key
// covers both pictures' content, the threshold and the algorithm version, so an entry is never
// stale; the JSON is written last, so its presence means the PNG is complete.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/atomic-write';
import { fileExists } from './file-exists';
import type { DiffResult } from './types';

const size = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });
const recordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('overlay'),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    changedFraction: z.number().min(0).max(1),
    box: z.object({ left: z.number().int(), top: z.number().int(), width: z.number().int(), height: z.number().int() }).nullable(),
    scaled: z.boolean(),
  }),
  z.object({ kind: z.literal('cropped'), message: z.string(), before: size, after: size }),
]);
export type CachedDiff = z.infer<typeof recordSchema>;

export function cacheFiles(outDir: string, key: string) {
  return { png: path.join(outDir, `diff-${key}.png`), json: path.join(outDir, `diff-${key}.json`) };
}

export async function readCachedDiff(outDir: string, key: string): Promise<CachedDiff | null> {
  const files = cacheFiles(outDir, key);
  let text: string;
  try {
    text = await fs.readFile(files.json, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = recordSchema.safeParse(safeJson(text));
  // An unreadable entry (or an overlay someone deleted) is simply computed again and replaced.
  if (!parsed.success) return null;
  if (parsed.data.kind === 'overlay' && !(await fileExists(files.png))) return null;
  return parsed.data;
}

export async function writeCachedDiff(outDir: string, key: string, record: CachedDiff, png?: Uint8Array): Promise<void> {
  const files = cacheFiles(outDir, key);
  await fs.mkdir(outDir, { recursive: true });
  if (png) await writeFileAtomic(files.png, png);
  await writeFileAtomic(files.json, JSON.stringify(record));
}

export function withFile(outDir: string, key: string, record: CachedDiff, ms: number): DiffResult {
  return record.kind === 'overlay' ? { ...record, file: cacheFiles(outDir, key).png, ms } : record;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
