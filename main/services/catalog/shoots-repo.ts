// Watched folders. Removing one forgets it in the catalog only: nothing on disk is touched.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { isConstraint } from './sqlite-errors';
import type { Shoot, ShootKind, ShootStatus } from './types';

interface ShootRow {
  id: string;
  path: string;
  name: string;
  kind: ShootKind;
  status: ShootStatus;
  added_at: string;
  last_scan_at: string | null;
}

const toShoot = (r: ShootRow): Shoot => ({
  id: r.id,
  path: r.path,
  name: r.name,
  kind: r.kind,
  status: r.status,
  addedAt: r.added_at,
  lastScanAt: r.last_scan_at,
});

export interface ShootsRepo {
  add(input: { path: string; name: string; kind: ShootKind }): Shoot;
  list(): Shoot[];
  get(id: string): Shoot | null;
  setStatus(id: string, status: ShootStatus): void;
  markScanned(id: string): void;
  /** Forgets the shoot. Unflagged photos go; flagged ones stay, detached and 'missing'. */
  remove(id: string): { removedPhotos: number; keptPhotos: number };
}

export function createShootsRepo(db: Database.Database, now: () => Date): ShootsRepo {
  const insert = db.prepare<[string, string, string, ShootKind, string]>(
    "INSERT INTO shoots (id, path, name, kind, status, added_at) VALUES (?, ?, ?, ?, 'online', ?)",
  );
  const selectAll = db.prepare<[], ShootRow>('SELECT * FROM shoots ORDER BY name COLLATE NOCASE, path');
  const selectOne = db.prepare<[string], ShootRow>('SELECT * FROM shoots WHERE id = ?');
  const updateStatus = db.prepare<[ShootStatus, string]>('UPDATE shoots SET status = ? WHERE id = ?');
  const updateScan = db.prepare<[string, string]>('UPDATE shoots SET last_scan_at = ? WHERE id = ?');
  const detachFlagged = db.prepare<[string, string]>(
    `UPDATE photos SET shoot_id = NULL, status = 'missing', updated_at = ?
     WHERE shoot_id = ? AND id IN (SELECT photo_id FROM photo_flags UNION SELECT photo_id FROM gallery_photos)`,
  );
  const deleteUnflagged = db.prepare<[string]>('DELETE FROM photos WHERE shoot_id = ?');
  const deleteShoot = db.prepare<[string]>('DELETE FROM shoots WHERE id = ?');

  function requireChange(changes: number, id: string): void {
    if (changes === 0)
      throw new AppError('not_found', `No watched folder with id ${id} is in this library. Refresh the list and try again.`);
  }

  const remove = db.transaction((id: string) => {
    requireChange(selectOne.get(id) ? 1 : 0, id);
    const keptPhotos = detachFlagged.run(now().toISOString(), id).changes;
    const removedPhotos = deleteUnflagged.run(id).changes;
    deleteShoot.run(id);
    return { removedPhotos, keptPhotos };
  });

  return {
    add({ path: folder, name, kind }) {
      const resolved = path.resolve(folder);
      const shoot: Shoot = {
        id: randomUUID(),
        path: resolved,
        name,
        kind,
        status: 'online',
        addedAt: now().toISOString(),
        lastScanAt: null,
      };
      try {
        insert.run(shoot.id, shoot.path, shoot.name, shoot.kind, shoot.addedAt);
      } catch (error) {
        if (isConstraint(error, 'UNIQUE')) throw new AppError('conflict', `${resolved} is already watched in this library.`);
        throw error;
      }
      return shoot;
    },
    list: () => selectAll.all().map(toShoot),
    get(id) {
      const row = selectOne.get(id);
      return row ? toShoot(row) : null;
    },
    setStatus: (id, status) => requireChange(updateStatus.run(status, id).changes, id),
    markScanned: (id) => requireChange(updateScan.run(now().toISOString(), id).changes, id),
    remove: (id) => remove(id),
  };
}
