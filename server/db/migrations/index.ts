// The static migration list: bundled into the server build, no directory scanning at run
// time. Names sort in the order they must run; never rename or edit one that has shipped.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-accounts';

export const migrations: Record<string, Migration> = {
  '0001-accounts': m0001,
};
