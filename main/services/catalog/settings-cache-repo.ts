// The studio's settings as last read from (or sent to) the hosted service (table studio_settings,
// migration 005): one row, read back as it was stored.
import type Database from 'better-sqlite3';
import type { StudioSettings } from '../../../shared/schemas/orders-api';

export interface SettingsCacheRepo {
  get(): StudioSettings | null;
  put(settings: StudioSettings): void;
}

export function createSettingsCacheRepo(db: Database.Database, now: () => Date): SettingsCacheRepo {
  const select = db.prepare<[], { data: string }>('SELECT data FROM studio_settings WHERE id = 1');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO studio_settings (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  );
  return {
    get: () => {
      const row = select.get();
      return row ? (JSON.parse(row.data) as StudioSettings) : null;
    },
    put: (settings) => {
      upsert.run(JSON.stringify(settings), now().toISOString());
    },
  };
}
