// The original as this laptop holds it: the photo's file in the catalog that is on disk now, and
// its SHA-256. Hashing a RAW takes a while, so each result is kept with the size and modification
// time it was computed for; a file changed since (an editor writing metadata in place) is hashed again.
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { RetouchTaskView } from '../../../../shared/schemas/retouch-api';
import type { Catalog } from '../../catalog';
import { hashOf } from '../../sync';

const ROLE_ORDER = ['primary', 'raw', 'jpeg'] as const;

/** The photo's original file when this laptop's catalog has the photo and the file is on disk; else null. */
export function ownOriginal(catalog: Catalog, view: RetouchTaskView): string | null {
  const photo = catalog.photos.get(view.photo.photoId);
  if (!photo) return null;
  const files = photo.files.filter((f) => f.role !== 'sidecar');
  // The file the task names (what edits are matched against) first: of a RAW + JPEG pair, the one uploaded.
  const chosen =
    files.find((f) => path.basename(f.path) === view.photo.name) ??
    ROLE_ORDER.map((role) => files.find((f) => f.role === role)).find((f) => f !== undefined);
  if (!chosen) return null;
  try {
    return statSync(chosen.path).isFile() ? chosen.path : null;
  } catch {
    // Not on disk (moved, or on a drive that is not plugged in): this laptop does not hold it now.
    return null;
  }
}

interface Hashed {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface HashMemo {
  /** The file's size and SHA-256 now, or null when it is gone. */
  hash(file: string): Promise<{ sha256: string; size: number } | null>;
  /** The SHA-256 known for the file as it is on disk now, without reading it; null when unknown or changed. */
  known(file: string): string | null;
}

export function createHashMemo(): HashMemo {
  const memo = new Map<string, Hashed>();
  const current = (file: string, stat: { size: number; mtimeMs: number }) => {
    const entry = memo.get(file);
    return entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry : null;
  };
  async function hash(file: string, tries = 3): Promise<{ sha256: string; size: number } | null> {
    const before = await fs.stat(file).catch(() => null);
    if (!before) return null;
    const hit = current(file, before);
    if (hit) return { sha256: hit.sha256, size: hit.size };
    const sha256 = await hashOf(file);
    if (sha256 === null) return null;
    const after = await fs.stat(file).catch(() => null);
    // Changed while it was read: the hash is of neither version, so it is not kept (nor trusted).
    if (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs) return tries > 1 ? hash(file, tries - 1) : null;
    memo.set(file, { size: after.size, mtimeMs: after.mtimeMs, sha256 });
    return { sha256, size: after.size };
  }
  return {
    hash: (file) => hash(file),
    known(file) {
      try {
        return current(file, statSync(file))?.sha256 ?? null;
      } catch {
        return null;
      }
    },
  };
}
