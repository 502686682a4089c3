// Reads a library straight from disk (catalog.sqlite read-only, the variant files, the lock)
// and lists everything that breaks the promise "nothing missing, doubled or corrupt".
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';

export interface LibraryAudit {
  problems: string[];
  photos: number;
  variants: number;
  jobs: Record<string, number>;
}

interface FileRow {
  photo_id: string;
  path: string;
  status: string;
}
interface VariantRow {
  photo_id: string;
  kind: string;
  content_hash: string;
  rel_path: string;
  width: number;
  height: number;
}

export async function auditLibrary(libraryDir: string, images: string[]): Promise<LibraryAudit> {
  const problems: string[] = [];
  const db = new Database(path.join(libraryDir, 'catalog.sqlite'), { readonly: true });
  let files: FileRow[];
  let variants: VariantRow[];
  let photoCount: number;
  let jobs: Record<string, number>;
  try {
    files = db.prepare('SELECT f.photo_id, f.path, p.status FROM photo_files f JOIN photos p ON p.id = f.photo_id').all() as FileRow[];
    variants = db.prepare('SELECT photo_id, kind, content_hash, rel_path, width, height FROM variants').all() as VariantRow[];
    photoCount = db.prepare('SELECT count(*) FROM photos').pluck().get() as number;
    jobs = Object.fromEntries(
      (db.prepare('SELECT state, count(*) AS n FROM jobs GROUP BY state').all() as { state: string; n: number }[]).map((r) => [
        r.state,
        r.n,
      ]),
    );
  } finally {
    db.close();
  }

  // Every image is exactly one photo, and every photo is ready.
  const byPath = new Map<string, FileRow[]>();
  for (const f of files) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  for (const image of images) {
    const rows = byPath.get(image) ?? [];
    if (rows.length !== 1) problems.push(`${path.basename(image)} is ${rows.length} photos`);
    else if (rows[0]?.status !== 'ready') problems.push(`${path.basename(image)} is ${rows[0]?.status}, not ready`);
  }
  if (photoCount !== images.length) problems.push(`${photoCount} photos for ${images.length} images`);
  if (files.length !== images.length) problems.push(`${files.length} file rows for ${images.length} images`);

  // Every photo has one web and one thumb, each a whole, decodable file named by its hash.
  const cacheDir = path.join(libraryDir, 'variants');
  for (const id of new Set(files.map((f) => f.photo_id))) {
    const kinds = variants
      .filter((v) => v.photo_id === id)
      .map((v) => v.kind)
      .sort();
    if (kinds.join() !== 'thumb,web') problems.push(`photo ${id} has variants [${kinds.join()}]`);
  }
  for (const v of variants) {
    const file = path.join(cacheDir, ...v.rel_path.split('/'));
    if (!existsSync(file)) {
      problems.push(`${v.kind} of ${v.photo_id}: ${v.rel_path} does not exist`);
      continue;
    }
    const bytes = await fs.readFile(file);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hash !== v.content_hash || path.basename(file) !== `${hash}.jpg`)
      problems.push(`${v.rel_path}: content hash ${hash} does not match`);
    try {
      const { info } = await sharp(bytes, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
      if (info.width !== v.width || info.height !== v.height)
        problems.push(`${v.rel_path}: ${info.width}x${info.height}, catalog says ${v.width}x${v.height}`);
    } catch (error) {
      problems.push(`${v.rel_path} does not decode: ${(error as Error).message}`);
    }
  }

  // No job left behind, no half-written file in the cache, no lock left by a clean run.
  for (const state of ['running', 'queued', 'failed']) if (jobs[state]) problems.push(`${jobs[state]} job(s) ${state}`);
  for (const tmp of await findTemporaries(cacheDir)) problems.push(`stray temporary file ${path.relative(libraryDir, tmp)}`);
  if (existsSync(path.join(libraryDir, '.proofdesk.lock'))) problems.push('the lock file is still there');
  return { problems, photos: photoCount, variants: variants.length, jobs };
}

export async function findTemporaries(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.tmp')) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}
