// The ordered list of schema migrations. Version N is the Nth entry; the catalog's
// PRAGMA user_version records the last one applied.
import init from './001-init';
import sync from './002-sync';
import galleries from './003-galleries';
import deliveries from './004-deliveries';
import studioSettings from './005-studio-settings';
import retouch from './006-retouch';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'sync', sql: sync },
  { version: 3, name: 'galleries', sql: galleries },
  { version: 4, name: 'deliveries', sql: deliveries },
  { version: 5, name: 'studio-settings', sql: studioSettings },
  { version: 6, name: 'retouch', sql: retouch },
];

export const LATEST_VERSION = migrations.length;
