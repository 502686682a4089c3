// Photos and their files. A photo's id is made once, at first import, and survives edits in
// place, renames and moves (relinkFile), so flags, comments and order links stay attached.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type GridRow, LIST_PHOTOS_SQL, listParams, toGridItem } from './photo-list-query';
import { checkFile, type FileRow, fileParams, type PhotoRow, toFile, toPhoto } from './photo-rows';
import { isConstraint } from './sqlite-errors';
import { type Page, type PhotoFile, type PhotoGridItem, type PhotoStatus, type PhotoWithFiles, photoStatuses } from './types';

export interface NewPhoto {
  shootId: string;
  folder: string;
  stem: string;
  captureTime?: string | null;
  captureOffset?: string | null;
  fingerprint?: string | null;
  status?: PhotoStatus;
  files: PhotoFile[];
}

export interface Relink {
  photoId: string;
  fromPath: string;
  file: PhotoFile;
  shootId: string;
  folder: string;
  stem: string;
}

export interface PhotosRepo {
  /** Photo and all its files in one transaction: either all rows exist afterwards or none. */
  create(input: NewPhoto): PhotoWithFiles;
  /** Attaches a further file, e.g. the JPEG of a RAW+JPEG pair that arrived second. */
  addFile(photoId: string, file: PhotoFile): void;
  /** After an edit in place: same path, same photo, new size/mtime/fingerprint. */
  updateFile(path: string, change: Pick<PhotoFile, 'size' | 'mtimeMs' | 'fingerprint'>): void;
  get(id: string): PhotoWithFiles | null;
  findByFilePath(path: string): PhotoWithFiles | null;
  findByFolderStem(folder: string, stem: string): PhotoWithFiles[];
  /** Candidates for re-linking a file that appeared under a new path; missing photos first. */
  findByFingerprint(fingerprint: string): PhotoWithFiles[];
  /** Rename or move: the file row gets its new path; a 'missing' photo becomes 'ready' again. */
  relinkFile(input: Relink): PhotoWithFiles;
  markMissing(id: string): void;
  markNeedsAttention(id: string, reason: string): void;
  markReady(id: string): void;
  listByShoot(shootId: string, page: Page): PhotoGridItem[];
  countByStatus(shootId?: string): Record<PhotoStatus, number>;
  /** Every file the catalog knows for a shoot, to reconcile with the disk at start-up. */
  filesOfShoot(shootId: string): { photoId: string; path: string; status: PhotoStatus }[];
  /** Back to 'importing' (the user's Retry, or a changed file), clearing the attention reason. */
  markImporting(id: string): void;
  /** Deletes an unflagged photo's rows (never files on disk); a flagged photo is refused. */
  remove(id: string): void;
}

export function createPhotosRepo(db: Database.Database, now: () => Date): PhotosRepo {
  const insertPhoto = db.prepare(
    `INSERT INTO photos (id, shoot_id, folder, stem, capture_time, capture_offset, fingerprint, status, created_at, updated_at)
     VALUES (@id, @shootId, @folder, @stem, @captureTime, @captureOffset, @fingerprint, @status, @now, @now)`,
  );
  const insertFile = db.prepare(
    'INSERT INTO photo_files (photo_id, path, role, size, mtime_ms, fingerprint) VALUES (@photoId, @path, @role, @size, @mtimeMs, @fingerprint)',
  );
  const selectPhoto = db.prepare<[string], PhotoRow>('SELECT * FROM photos WHERE id = ?');
  const selectFiles = db.prepare<[string], FileRow>('SELECT * FROM photo_files WHERE photo_id = ? ORDER BY role, path');
  const selectFile = db.prepare<[string], FileRow>('SELECT * FROM photo_files WHERE path = ?');
  const selectShootFiles = db.prepare<[string], { photoId: string; path: string; status: PhotoStatus }>(
    'SELECT f.photo_id AS photoId, f.path, p.status FROM photo_files f JOIN photos p ON p.id = f.photo_id WHERE p.shoot_id = ?',
  );
  const setImporting = db.prepare<{ id: string; now: string }>(
    "UPDATE photos SET status = 'importing', attention_reason = NULL, updated_at = @now WHERE id = @id",
  );
  const selectByStem = db.prepare<[string, string], PhotoRow>('SELECT * FROM photos WHERE folder = ? AND stem = ? ORDER BY created_at');
  const selectByFingerprint = db.prepare<{ fp: string }, PhotoRow>(
    `SELECT * FROM photos WHERE fingerprint = @fp
       OR id IN (SELECT photo_id FROM photo_files WHERE fingerprint = @fp)
     ORDER BY status <> 'missing', created_at`,
  );
  const updateFileRow = db.prepare(
    'UPDATE photo_files SET size = @size, mtime_ms = @mtimeMs, fingerprint = @fingerprint WHERE path = @path',
  );
  const moveFile = db.prepare(
    'UPDATE photo_files SET path = @path, role = @role, size = @size, mtime_ms = @mtimeMs, fingerprint = @fingerprint WHERE path = @fromPath',
  );
  const movePhoto = db.prepare(
    `UPDATE photos SET shoot_id = @shootId, folder = @folder, stem = @stem, updated_at = @now,
       status = CASE status WHEN 'missing' THEN 'ready' ELSE status END
     WHERE id = @photoId`,
  );
  const setStatus = db.prepare<{ id: string; status: PhotoStatus; reason: string | null; now: string }>(
    'UPDATE photos SET status = @status, attention_reason = @reason, updated_at = @now WHERE id = @id',
  );
  const list = db.prepare<unknown[], GridRow>(LIST_PHOTOS_SQL);
  const countAll = db.prepare<[], { status: PhotoStatus; n: number }>('SELECT status, count(*) AS n FROM photos GROUP BY status');
  const countShoot = db.prepare<[string], { status: PhotoStatus; n: number }>(
    'SELECT status, count(*) AS n FROM photos WHERE shoot_id = ? GROUP BY status',
  );
  const isFlagged = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM photo_flags WHERE photo_id = ?');
  const inGallery = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM gallery_photos WHERE photo_id = ? LIMIT 1');
  const deletePhoto = db.prepare<[string]>('DELETE FROM photos WHERE id = ?');

  const withFiles = (row: PhotoRow): PhotoWithFiles => ({ ...toPhoto(row), files: selectFiles.all(row.id).map(toFile) });

  function requirePhoto(id: string): PhotoRow {
    const row = selectPhoto.get(id);
    if (!row) throw new AppError('not_found', `Photo ${id} is not in this library any more. Refresh the view.`);
    return row;
  }

  function addFileRow(photoId: string, file: PhotoFile): void {
    try {
      insertFile.run(fileParams(photoId, file));
    } catch (error) {
      if (isConstraint(error, 'UNIQUE')) throw new AppError('conflict', `${file.path} already belongs to another photo in this library.`);
      throw error;
    }
  }

  const create = db.transaction((input: NewPhoto): PhotoWithFiles => {
    if (input.files.length === 0) throw new AppError('invalid_input', `Photo ${input.stem} needs at least one file.`);
    const id = randomUUID();
    const row = {
      id,
      shootId: input.shootId,
      folder: input.folder,
      stem: input.stem,
      captureTime: input.captureTime ?? null,
      captureOffset: input.captureOffset ?? null,
      fingerprint: input.fingerprint ?? null,
      status: input.status ?? 'importing',
      now: now().toISOString(),
    };
    try {
      insertPhoto.run(row);
    } catch (error) {
      if (isConstraint(error, 'FOREIGNKEY'))
        throw new AppError('not_found', `Shoot ${input.shootId} is not watched in this library any more.`);
      throw error;
    }
    for (const file of input.files) addFileRow(id, file);
    return withFiles(requirePhoto(id));
  });

  const relink = db.transaction((input: Relink): PhotoWithFiles => {
    const current = selectFile.get(input.fromPath);
    if (!current || current.photo_id !== input.photoId) {
      throw new AppError(
        'not_found',
        `${input.fromPath} is not a file of photo ${input.photoId}; it cannot be re-linked. Rescan the folder.`,
      );
    }
    const taken = input.file.path === input.fromPath ? undefined : selectFile.get(input.file.path);
    if (taken) throw new AppError('conflict', `${input.file.path} already belongs to another photo in this library.`);
    moveFile.run({ ...fileParams(input.photoId, input.file), fromPath: input.fromPath });
    movePhoto.run({ photoId: input.photoId, shootId: input.shootId, folder: input.folder, stem: input.stem, now: now().toISOString() });
    return withFiles(requirePhoto(input.photoId));
  });

  function mark(id: string, status: PhotoStatus, reason: string | null): void {
    if (setStatus.run({ id, status, reason, now: now().toISOString() }).changes === 0) requirePhoto(id);
  }

  function counts(rows: { status: PhotoStatus; n: number }[]): Record<PhotoStatus, number> {
    const result = Object.fromEntries(photoStatuses.map((s) => [s, 0])) as Record<PhotoStatus, number>;
    for (const row of rows) result[row.status] = row.n;
    return result;
  }

  return {
    create: (input) => create(input),
    addFile(photoId, file) {
      requirePhoto(photoId);
      addFileRow(photoId, file);
    },
    updateFile(path, change) {
      checkFile({ path, role: 'primary', ...change });
      if (updateFileRow.run({ path, size: change.size, mtimeMs: change.mtimeMs, fingerprint: change.fingerprint }).changes === 0)
        throw new AppError('not_found', `${path} is not in this library. Rescan the folder.`);
    },
    get(id) {
      const row = selectPhoto.get(id);
      return row ? withFiles(row) : null;
    },
    findByFilePath(path) {
      const file = selectFile.get(path);
      return file ? withFiles(requirePhoto(file.photo_id)) : null;
    },
    findByFolderStem: (folder, stem) => selectByStem.all(folder, stem).map(withFiles),
    findByFingerprint: (fp) => selectByFingerprint.all({ fp }).map(withFiles),
    relinkFile: (input) => relink(input),
    markMissing: (id) => mark(id, 'missing', null),
    markNeedsAttention(id, reason) {
      if (reason.trim() === '') throw new AppError('invalid_input', 'Say why the photo needs attention; the reason is shown to the user.');
      mark(id, 'needs_attention', reason);
    },
    markReady: (id) => mark(id, 'ready', null),
    listByShoot: (shootId, page) => list.all(listParams(shootId, page)).map(toGridItem),
    countByStatus: (shootId) => counts(shootId === undefined ? countAll.all() : countShoot.all(shootId)),
    filesOfShoot: (shootId) => selectShootFiles.all(shootId),
    markImporting(id) {
      requirePhoto(id);
      setImporting.run({ id, now: now().toISOString() });
    },
    remove(id) {
      requirePhoto(id);
      if (isFlagged.get(id))
        throw new AppError('conflict', 'This photo has a rating, pick or label, so Proofdesk keeps it. Clear its flags first.');
      if (inGallery.get(id)) throw new AppError('conflict', 'This photo is in a client gallery, so Proofdesk keeps it.');
      deletePhoto.run(id);
    },
  };
}
