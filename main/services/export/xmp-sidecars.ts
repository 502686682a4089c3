// XMP sidecars with the client's choice as a rating and/or colour label, for Lightroom Classic,
// Capture One, Photo Mechanic and Bridge: `<stem>.xmp` next to each RAW file (or in a chosen
// folder). An existing sidecar is merged, never clobbered: only xmp:Rating and xmp:Label change,
// the first change keeps the original as `<name>.bak`, and the new text replaces the old in one
// rename after an fsync, so a crash leaves either the old file or the new one.
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';
import type { ColorLabel } from '../../../shared/schemas/photos';
import type { SelectionPhoto } from './build-selection';
import { baseName, stemOf } from './names';
import { placeNoClobber, replaceWith, writeTemp } from './safe-write';
import { lightroomLabelNames, mergeRatingLabel, NotXmpError, newSidecarText } from './xmp-merge';

export interface SidecarItem {
  photoId: string;
  /** The RAW file the sidecar belongs to. */
  rawPath: string;
  /** 0–5; undefined leaves the sidecar's rating as it is. */
  rating?: number;
  /** undefined leaves the sidecar's label as it is. */
  label?: ColorLabel;
}

export type SidecarStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'refused' | 'failed';

export interface SidecarResult {
  photoId: string;
  /** The sidecar written or looked at; null when there was none to write. */
  path: string | null;
  status: SidecarStatus;
  /** Where the untouched original was kept, when this run made the first backup. */
  backup?: string;
  /** A sentence for the user when the status is skipped, refused or failed. */
  message?: string;
}

/** What to write: each photo's own flags from Proofdesk, one value for all, or nothing ('keep'). */
export interface SidecarChoice {
  rating: 'photo' | 'keep' | number;
  label: 'photo' | 'keep' | ColorLabel;
}

/**
 * The sidecars to write for a selection. A photo without a RAW file is skipped: a JPEG carries
 * its rating and label inside the file, and the editors do not read a sidecar next to it. With
 * 'photo', an unrated photo (0 stars) or one without a label leaves the sidecar's value alone.
 */
export function planSidecars(photos: readonly SelectionPhoto[], choice: SidecarChoice): { items: SidecarItem[]; skipped: SidecarResult[] } {
  const items: SidecarItem[] = [];
  const skipped: SidecarResult[] = [];
  for (const p of photos) {
    const raw = p.files.find((f) => f.role === 'raw');
    if (!raw) {
      skipped.push({
        photoId: p.photoId,
        path: null,
        status: 'skipped',
        message: `${p.name} has no RAW file: a JPEG keeps its rating and label inside the file, so no sidecar was written for it.`,
      });
      continue;
    }
    const rating = choice.rating === 'photo' ? (p.rating > 0 ? p.rating : undefined) : choice.rating === 'keep' ? undefined : choice.rating;
    const label = choice.label === 'photo' ? (p.colorLabel ?? undefined) : choice.label === 'keep' ? undefined : choice.label;
    items.push({ photoId: p.photoId, rawPath: raw.path, rating, label });
  }
  return { items, skipped };
}

export interface WriteSidecarsOptions {
  /** Write the sidecars into this folder instead of next to each RAW file. */
  folder?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export async function writeXmpSidecars(items: readonly SidecarItem[], options: WriteSidecarsOptions = {}): Promise<SidecarResult[]> {
  const results: SidecarResult[] = [];
  const claimed = new Map<string, string>();
  const listings = new Map<string, string[]>();
  if (options.folder) await fs.mkdir(options.folder, { recursive: true });
  for (const [index, item] of items.entries()) {
    if (options.signal?.aborted) break;
    const dir = options.folder ?? path.dirname(item.rawPath);
    const stem = stemOf(baseName(item.rawPath));
    const wanted = `${stem}.xmp`;
    const key = path.join(dir, wanted).toLowerCase();
    const first = claimed.get(key);
    if (first !== undefined) {
      results.push({
        photoId: item.photoId,
        path: path.join(dir, wanted),
        status: 'refused',
        message: `${wanted} was already written in this folder for another photo called ${stem} (${first}); a sidecar has to carry its RAW file's name, so this one was not written.`,
      });
    } else {
      claimed.set(key, baseName(item.rawPath));
      results.push(await writeOne(item, dir, wanted, listings));
    }
    options.onProgress?.(index + 1, items.length);
  }
  return results;
}

async function writeOne(item: SidecarItem, dir: string, wanted: string, listings: Map<string, string[]>): Promise<SidecarResult> {
  const values = { rating: item.rating, label: item.label ? lightroomLabelNames[item.label] : undefined };
  if (values.rating === undefined && values.label === undefined) {
    return {
      photoId: item.photoId,
      path: null,
      status: 'skipped',
      message: `Nothing to write for ${baseName(item.rawPath)}: no rating and no label was chosen.`,
    };
  }
  try {
    // Cards are FAT/exFAT and editors differ in case: IMG_1.XMP is the same sidecar as IMG_1.xmp.
    const existing = await findCaseInsensitive(dir, wanted, listings);
    const target = path.join(dir, existing ?? wanted);
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = existing || attempt > 0 ? await mergeExisting(item, target, values) : await createNew(item, target, values);
      if (outcome !== 'retry') return outcome;
    }
    return {
      photoId: item.photoId,
      path: target,
      status: 'failed',
      message: `${path.basename(target)} kept changing while Proofdesk wrote it (is an editor saving it right now?); try again.`,
    };
  } catch (error) {
    return {
      photoId: item.photoId,
      path: path.join(dir, wanted),
      status: 'failed',
      message: `${wanted} could not be written: ${(error as Error).message}`,
    };
  }
}

async function createNew(item: SidecarItem, target: string, values: { rating?: number; label?: string }): Promise<SidecarResult | 'retry'> {
  const temp = await writeTemp(target, newSidecarText(values));
  // Someone may have created it meanwhile (Lightroom saving metadata): then merge into theirs.
  if (!(await placeNoClobber(temp, target))) return 'retry';
  return { photoId: item.photoId, path: target, status: 'created' };
}

async function mergeExisting(
  item: SidecarItem,
  target: string,
  values: { rating?: number; label?: string },
): Promise<SidecarResult | 'retry'> {
  const name = path.basename(target);
  const before = await fs.stat(target);
  if (!before.isFile())
    return { photoId: item.photoId, path: target, status: 'refused', message: `${name} is not a file; it was left as it is.` };
  const bytes = await fs.readFile(target);
  const text = decodeUtf8(bytes);
  if (text === null) {
    return {
      photoId: item.photoId,
      path: target,
      status: 'refused',
      message: `${name} is not an XMP sidecar: it is not UTF-8 text. Proofdesk left it as it is.`,
    };
  }
  let merged: { text: string; changed: boolean };
  try {
    merged = mergeRatingLabel(text, values);
  } catch (error) {
    if (!(error instanceof NotXmpError)) throw error;
    return {
      photoId: item.photoId,
      path: target,
      status: 'refused',
      message: `${name} is not an XMP sidecar: ${error.reason}. Proofdesk left it as it is.`,
    };
  }
  if (!merged.changed) return { photoId: item.photoId, path: target, status: 'unchanged' };
  const backup = `${target}.bak`;
  let madeBackup = false;
  try {
    await fs.copyFile(target, backup, fsc.COPYFILE_EXCL);
    madeBackup = true;
  } catch (error) {
    // An older .bak is the true original: keep it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const temp = await writeTemp(target, merged.text, before.mode & 0o777);
  const now = await fs.stat(target);
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) {
    await fs.rm(temp, { force: true });
    return 'retry';
  }
  await replaceWith(temp, target);
  return { photoId: item.photoId, path: target, status: 'updated', ...(madeBackup ? { backup } : {}) };
}

function decodeUtf8(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null; // UTF-16 or binary
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function findCaseInsensitive(dir: string, name: string, listings: Map<string, string[]>): Promise<string | null> {
  let names = listings.get(dir);
  if (!names) {
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      names = [];
    }
    listings.set(dir, names);
  }
  const want = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === want) ?? null;
}
