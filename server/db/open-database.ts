// Opens the configured database: the embedded SQLite file (one laptop) or PostgreSQL
// (production, several server instances). Both come back as the same typed Kysely handle.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Database, Db } from './types';

const PG_INT8_OID = 20;
/** Distinct statements kept prepared; the API has a few hundred at most (IN lists vary in length). */
const SQLITE_STATEMENT_CACHE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, and under the gallery load benchmark that
 * was a sixth of the server's CPU. A better-sqlite3 statement can be run again and again; the
 * driver runs one query at a time on its single connection (a stream holds the connection
 * until it ends), so a cached statement is never busy when it is reused.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > SQLITE_STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
