// The ordered list of schema migrations. Version N is the Nth entry; the catalog's
// PRAGMA user_version records the last one applied.
import init from './001-init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ version: 1, name: 'init', sql: init }];

export const LATEST_VERSION = migrations.length;
