// The static migration list: bundled into the server build, no directory scanning at run
// time. Names sort in the order they must run; never rename or edit one that has shipped.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-accounts';
import * as m0002 from './0002-publishing';
import * as m0003 from './0003-client-activity';
import * as m0004 from './0004-idempotency-owners';
import * as m0005 from './0005-studio-photo-flags';
import * as m0006 from './0006-order-flow';
import * as m0007 from './0007-deliveries';
import * as m0008 from './0008-retouch';

export const migrations: Record<string, Migration> = {
  '0001-accounts': m0001,
  '0002-publishing': m0002,
  '0003-client-activity': m0003,
  '0004-idempotency-owners': m0004,
  '0005-studio-photo-flags': m0005,
  '0006-order-flow': m0006,
  '0007-deliveries': m0007,
  '0008-retouch': m0008,
};
