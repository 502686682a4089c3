// The files prepared for an order's delivery (table delivery_files, migration 004).
import type Database from 'better-sqlite3';
import type { DeliverySet } from '../../../shared/schemas/delivery-api';

export interface DeliveryFileRow {
  orderId: string;
  photoId: string;
  set: DeliverySet;
  /** The name the client gets. */
  name: string;
  /** The editor's export it was made from. */
  sourcePath: string;
  /** The file sent (the export itself, or the one made from it). */
  file: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  madeAt: string;
}

export interface DeliveriesRepo {
  /** Replaces the order's prepared files with these (one transaction with the caller's outbox rows). */
  replace(orderId: string, files: readonly Omit<DeliveryFileRow, 'orderId' | 'madeAt'>[]): void;
  files(orderId: string): DeliveryFileRow[];
}

type Row = {
  order_id: string;
  photo_id: string;
  set_name: DeliverySet;
  name: string;
  source_path: string;
  file: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
  made_at: string;
};

export function createDeliveriesRepo(db: Database.Database, now: () => Date): DeliveriesRepo {
  const clear = db.prepare<[string]>('DELETE FROM delivery_files WHERE order_id = ?');
  const insert = db.prepare<Record<string, unknown>>(
    `INSERT INTO delivery_files (order_id, photo_id, set_name, name, source_path, file, sha256, size, width, height, made_at)
     VALUES (@orderId, @photoId, @set, @name, @sourcePath, @file, @sha256, @size, @width, @height, @now)`,
  );
  const select = db.prepare<[string], Row>('SELECT * FROM delivery_files WHERE order_id = ? ORDER BY set_name, name');
  const replace = db.transaction((orderId: string, files: Parameters<DeliveriesRepo['replace']>[1]) => {
    clear.run(orderId);
    const at = now().toISOString();
    for (const f of files) insert.run({ ...f, orderId, now: at });
  });
  return {
    replace: (orderId, files) => replace(orderId, files),
    files: (orderId) =>
      select.all(orderId).map((r) => ({
        orderId: r.order_id,
        photoId: r.photo_id,
        set: r.set_name,
        name: r.name,
        sourcePath: r.source_path,
        file: r.file,
        sha256: r.sha256,
        size: r.size,
        width: r.width,
        height: r.height,
        madeAt: r.made_at,
      })),
  };
}
