// Copy the selected photos' originals (RAW and JPEG pairs with their sidecars) into a folder the
// user chose, with progress and cancel, never replacing a file: a file already there with the
// same content (size + sha256) counts as copied, a different one makes the whole set of that
// photo take the next free " (2)" name so RAW, JPEG and XMP still belong together. Each file
// appears complete or not at all, so running the copy again after a cancel resumes it.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportProgress } from '../../../shared/schemas/export';
import type { SelectionPhoto } from './build-selection';
import { baseName, extensionOf, stemOf } from './names';
import { placeNoClobber, tempNameFor } from './safe-write';

export type CopyStatus = 'copied' | 'already-there' | 'failed' | 'cancelled';

export interface CopyFileResult {
  photoId: string;
  source: string;
  /** Where the file is in the destination now; null when it is not there. */
  target: string | null;
  status: CopyStatus;
  bytes: number;
  message?: string;
}

export interface CopyOriginalsRequest {
  photos: readonly Pick<SelectionPhoto, 'photoId' | 'name' | 'files'>[];
  destination: string;
  /** The shoot folders the photos come from; the destination may not be inside one. Defaults to the files' folders. */
  shootFolders?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface CopyOriginalsResult {
  results: CopyFileResult[];
  cancelled: boolean;
  progress: ExportProgress;
}

const roleOrder = { primary: 0, raw: 1, jpeg: 2, sidecar: 3 } as const;

export async function copyOriginals(request: CopyOriginalsRequest): Promise<CopyOriginalsResult> {
  const destination = path.resolve(request.destination);
  const sources = request.shootFolders ?? request.photos.flatMap((p) => p.files.map((f) => path.dirname(f.path)));
  await refuseInsideSource(destination, sources);
  await fs.mkdir(destination, { recursive: true });
  if (!(await fs.stat(destination)).isDirectory())
    throw new AppError('invalid_input', `${destination} is a file, not a folder: choose a folder to copy the photos into.`);

  // Each file once, even when the catalog lists a path twice (primary and raw).
  const groups = request.photos.map((photo) => {
    const seen = new Set<string>();
    const files = [...photo.files]
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role])
      .filter((f) => {
        if (seen.has(f.path)) return false;
        seen.add(f.path);
        return true;
      });
    return { photo, files };
  });
  const sizes = new Map<string, number>();
  for (const { files } of groups) {
    for (const f of files) {
      const st = await fs.stat(f.path).catch(() => null);
      if (st?.isFile()) sizes.set(f.path, st.size);
    }
  }
  const progress: ExportProgress = {
    filesDone: 0,
    filesTotal: groups.reduce((n, g) => n + g.files.length, 0),
    bytesDone: 0,
    bytesTotal: [...sizes.values()].reduce((n, s) => n + s, 0),
    currentFile: null,
  };
  const report = () => request.onProgress?.({ ...progress });
  const results: CopyFileResult[] = [];
  let cancelled = false;

  for (const { photo, files } of groups) {
    if (request.signal?.aborted) cancelled = true;
    if (cancelled) {
      for (const f of files) results.push({ photoId: photo.photoId, source: f.path, target: null, status: 'cancelled', bytes: 0 });
      continue;
    }
    const present = files.filter((f) => sizes.has(f.path));
    for (const f of files) {
      if (sizes.has(f.path)) continue;
      results.push({
        photoId: photo.photoId,
        source: f.path,
        target: null,
        status: 'failed',
        bytes: 0,
        message: `${baseName(f.path)} is missing from ${path.dirname(f.path)}; it was not copied.`,
      });
      progress.filesDone++;
    }
    const stem = stemOf(photo.name);
    for (let attempt = 0; ; attempt++) {
      const plan = await planGroup(present, stem, destination, sizes);
      if (plan === null) {
        for (const f of present)
          results.push({
            photoId: photo.photoId,
            source: f.path,
            target: null,
            status: 'failed',
            bytes: 0,
            message: `No free name was found for ${baseName(f.path)} in the destination.`,
          });
        progress.filesDone += present.length;
        break;
      }
      const outcome = await copyGroup(photo.photoId, plan, sizes, progress, report, request.signal);
      if (outcome === 'name-taken' && attempt < 3) continue; // another program took a name meanwhile: plan again
      results.push(...(outcome === 'name-taken' ? [] : outcome.results));
      if (outcome !== 'name-taken' && outcome.cancelled) cancelled = true;
      break;
    }
    report();
  }
  progress.currentFile = null;
  report();
  return { results, cancelled, progress };
}

interface PlannedFile {
  source: string;
  target: string;
  /** The destination already holds this very file. */
  already: boolean;
}

/**
 * The names this photo's files get: the first suffix ("", " (2)", " (3)"…) for which every file
 * is either absent from the destination or already there with the same content.
 */
async function planGroup(
  files: readonly { path: string }[],
  stem: string,
  dir: string,
  sizes: Map<string, number>,
): Promise<PlannedFile[] | null> {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const planned: PlannedFile[] = [];
    let fits = true;
    for (const f of files) {
      const target = path.join(dir, suffixed(baseName(f.path), stem, suffix));
      const there = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!there) planned.push({ source: f.path, target, already: false });
      else if (there.isFile() && there.size === sizes.get(f.path) && (await sha256(target)) === (await sha256(f.path))) {
        planned.push({ source: f.path, target, already: true });
      } else {
        fits = false;
        break;
      }
    }
    if (fits) return planned;
  }
  return null;
}

/** "IMG_1.CR3" → "IMG_1 (2).CR3"; a darktable sidecar "IMG_1.CR3.xmp" → "IMG_1 (2).CR3.xmp", still paired. */
function suffixed(name: string, stem: string, suffix: string): string {
  if (!suffix) return name;
  if (name.toLowerCase().startsWith(stem.toLowerCase()) && stem.length < name.length) {
    return name.slice(0, stem.length) + suffix + name.slice(stem.length);
  }
  return stemOf(name) + suffix + extensionOf(name);
}

async function copyGroup(
  photoId: string,
  plan: PlannedFile[],
  sizes: Map<string, number>,
  progress: ExportProgress,
  report: () => void,
  signal: AbortSignal | undefined,
): Promise<{ results: CopyFileResult[]; cancelled: boolean } | 'name-taken'> {
  const results: CopyFileResult[] = [];
  for (const [index, file] of plan.entries()) {
    const size = sizes.get(file.source) ?? 0;
    progress.currentFile = baseName(file.source);
    if (file.already) {
      results.push({ photoId, source: file.source, target: file.target, status: 'already-there', bytes: size });
      progress.filesDone++;
      progress.bytesDone += size;
      report();
      continue;
    }
    const start = progress.bytesDone;
    try {
      const placed = await copyOne(file.source, file.target, signal, (n) => {
        progress.bytesDone += n;
        report();
      });
      if (!placed) {
        progress.bytesDone = start;
        if (index === 0) return 'name-taken';
        results.push({
          photoId,
          source: file.source,
          target: null,
          status: 'failed',
          bytes: 0,
          message: `${path.basename(file.target)} appeared in the destination while copying; nothing was replaced, copy again to finish.`,
        });
      } else {
        results.push({ photoId, source: file.source, target: file.target, status: 'copied', bytes: size });
      }
    } catch (error) {
      progress.bytesDone = start;
      if (signal?.aborted) {
        for (const rest of plan.slice(index)) results.push({ photoId, source: rest.source, target: null, status: 'cancelled', bytes: 0 });
        return { results, cancelled: true };
      }
      results.push({
        photoId,
        source: file.source,
        target: null,
        status: 'failed',
        bytes: 0,
        message: `${baseName(file.source)} could not be copied: ${(error as Error).message}`,
      });
    }
    progress.filesDone++;
    report();
  }
  return { results, cancelled: false };
}

/** Copy into a temp file beside the target, fsync, keep the original's times, then place it without clobbering. */
async function copyOne(source: string, target: string, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<boolean> {
  signal?.throwIfAborted();
  const temp = tempNameFor(target);
  const out = await fs.open(temp, 'wx');
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20, signal })) {
      await out.write(chunk as Buffer);
      onBytes((chunk as Buffer).length);
    }
    await out.sync();
  } catch (error) {
    await out.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await out.close();
  try {
    const st = await fs.stat(source);
    await fs.utimes(temp, st.atimeMs / 1000, st.mtimeMs / 1000);
    signal?.throwIfAborted();
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return placeNoClobber(temp, target);
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function refuseInsideSource(destination: string, sources: readonly string[]): Promise<void> {
  const dest = await realish(destination);
  for (const source of new Set(sources.map((s) => path.resolve(s)))) {
    const src = await realish(source);
    const rel = path.relative(fold(src), fold(dest));
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new AppError(
        'invalid_input',
        `The destination is inside the shoot folder ${source}; copies there would be picked up as new photos of the shoot. Choose a folder outside it.`,
      );
    }
  }
}

/** The real path of the nearest existing ancestor, with the rest appended (the destination may not exist yet). */
async function realish(p: string): Promise<string> {
  const rest: string[] = [];
  let current = p;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = path.dirname(current);
      if (parent === current) return p;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Windows and macOS volumes are case-insensitive by default. */
function fold(p: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}
