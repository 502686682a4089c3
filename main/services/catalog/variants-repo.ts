// Rows for the derived images (thumb, web) kept in the library's variant cache folder.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { isConstraint } from './sqlite-errors';
import { type Variant, type VariantKind, variantKinds } from './types';

interface VariantRow {
  photo_id: string;
  kind: VariantKind;
  content_hash: string;
  rel_path: string;
  width: number;
  height: number;
  bytes: number;
  made_at: string;
}

const toVariant = (r: VariantRow): Variant => ({
  photoId: r.photo_id,
  kind: r.kind,
  contentHash: r.content_hash,
  relPath: r.rel_path,
  width: r.width,
  height: r.height,
  bytes: r.bytes,
  madeAt: r.made_at,
});

export type NewVariant = Omit<Variant, 'madeAt'>;

export interface VariantsRepo {
  /** Records (or replaces) the photo's variant of that kind. */
  upsert(variant: NewVariant): Variant;
  get(photoId: string, kind: VariantKind): Variant | null;
}

export function createVariantsRepo(db: Database.Database, now: () => Date): VariantsRepo {
  const upsert = db.prepare(
    `INSERT INTO variants (photo_id, kind, content_hash, rel_path, width, height, bytes, made_at)
     VALUES (@photoId, @kind, @contentHash, @relPath, @width, @height, @bytes, @madeAt)
     ON CONFLICT (photo_id, kind) DO UPDATE SET content_hash = excluded.content_hash, rel_path = excluded.rel_path,
       width = excluded.width, height = excluded.height, bytes = excluded.bytes, made_at = excluded.made_at`,
  );
  const select = db.prepare<[string, VariantKind], VariantRow>('SELECT * FROM variants WHERE photo_id = ? AND kind = ?');

  return {
    upsert(v) {
      check(v);
      const variant: Variant = { ...v, madeAt: now().toISOString() };
      try {
        upsert.run(variant);
      } catch (error) {
        if (isConstraint(error, 'FOREIGNKEY')) throw new AppError('not_found', `Photo ${v.photoId} is not in this library any more.`);
        throw error;
      }
      return variant;
    },
    get(photoId, kind) {
      const row = select.get(photoId, kind);
      return row ? toVariant(row) : null;
    },
  };
}

function check(v: NewVariant): void {
  if (!(variantKinds as readonly string[]).includes(v.kind)) {
    throw new AppError('invalid_input', `"${v.kind}" is not a variant kind (${variantKinds.join(', ')}).`);
  }
  // Stored relative so the library folder can move; an escape from the cache is a bug.
  const normal = path.normalize(v.relPath);
  if (v.relPath === '' || path.isAbsolute(v.relPath) || normal.startsWith('..')) {
    throw new AppError('invalid_input', `Variant path "${v.relPath}" must be relative to the variant cache folder.`);
  }
  const sizes = [v.width, v.height, v.bytes];
  if (!sizes.every(Number.isInteger) || v.width < 1 || v.height < 1 || v.bytes < 0) {
    throw new AppError('invalid_input', `The size recorded for the ${v.kind} of photo ${v.photoId} is not valid.`);
  }
}
