// Brings a database up to the newest schema with Kysely's Migrator, and refuses one written
// by a newer server (it has run migrations this build does not know) with a sentence saying so.
import { DEFAULT_MIGRATION_TABLE, type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { migrations as allMigrations } from './migrations';
import type { Db } from './types';

const staticProvider = (migrations: Record<string, Migration>): MigrationProvider => ({ getMigrations: async () => migrations });

export class MigrationError extends Error {
  override name = 'MigrationError';
}

async function executedMigrationNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === DEFAULT_MIGRATION_TABLE)) return [];
  // The migration table is Kysely's, not part of our typed schema.
  const rows = await db
    .withTables<{ [DEFAULT_MIGRATION_TABLE]: { name: string } }>()
    .selectFrom(DEFAULT_MIGRATION_TABLE)
    .select('name')
    .execute();
  return rows.map((r) => r.name);
}

/** Runs every pending migration; returns the names it applied. */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration> = allMigrations): Promise<string[]> {
  const unknown = (await executedMigrationNames(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new MigrationError(
      `This database was set up by a newer Proofdesk server (it has migration ${unknown.join(', ')}). Update the server before starting it on this database.`,
    );
  }
  const migrator = new Migrator({ db, provider: staticProvider(migrations) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Updating the database schema failed${failed ? ` at migration ${failed}` : ''}: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
