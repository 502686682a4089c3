// Opens the configured database: the embedded SQLite file (one laptop) or PostgreSQL
// (production, several server instances). Both come back as the same typed Kysely handle.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Database, Db } from './types';

const PG_INT8_OID = 20;

function openSqlite(file: string): Db {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Created user-only before SQLite opens it; SQLite gives its -wal/-shm files the same mode.
  closeSync(openSync(file, 'a', 0o600));
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL, not NORMAL: every write here is an acknowledged studio change or client action
  // (orders, idempotency records) that must survive a power cut once answered.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(url: string, onPoolError: (error: Error) => void): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Times are epoch-ms bigints; read them back as numbers (exact up to year 287396).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must be logged, not crash the process.
  pool.on('error', onPoolError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function openDatabase(config: DatabaseConfig, onPoolError: (error: Error) => void = () => {}): Db {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, onPoolError);
}
