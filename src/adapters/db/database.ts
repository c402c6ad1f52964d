// Opens the database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in FOI_DATA_DIR.
// Both get the same drizzle schema and the same migrations from drizzle/.
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { AppError } from '../../errors.js';
import { migrationsFolder } from '../../paths.js';
import { withoutRollbackOnLostConnection } from './lost-connection-guard.js';
import { withPreparedStatements } from './prepared-statements.js';
import './query-error.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction on the database: what `db.transaction` hands its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  engine: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** For tests: an already-created PGlite instance (e.g. loaded from a migrated template). */
  pglite?: import('@electric-sql/pglite').PGlite;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

// An arbitrary constant: the advisory lock that lets only one process migrate at a time.
const MIGRATION_LOCK_ID = 7_364_201;

// Seconds before postgres.js reconnects after `retries` failed attempts. Its default grows to 20 s
// during a database outage, so queries stalled that long after the server was back; and a reconnect
// still pending when the pool is ended revives a connection that keeps a stopped daemon alive.
const reconnectBackoff = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = withoutRollbackOnLostConnection(postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10, backoff: reconnectBackoff }));
  try {
    await client`select 1`;
  } catch (cause) {
    await client.end({ timeout: 1 });
    throw new AppError('db.unavailable', 'cannot connect to PostgreSQL (DATABASE_URL)', { cause });
  }
  const db = drizzle(withPreparedStatements(client), { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async migrate() {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migrate(drizzle(single), { migrationsFolder });
      } catch (cause) {
        throw new AppError('db.migration_failed', 'migrations could not be applied', { cause });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let client = options.pglite;
  let unlock: (() => Promise<void>) | null = null;
  if (!client) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
    client = await PGlite.create(options.dataDir);
  }
  const pg = client;
  const db = drizzle(pg, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      try {
        await migrate(drizzle(pg), { migrationsFolder });
      } catch (cause) {
        throw new AppError('db.migration_failed', 'migrations could not be applied', { cause });
      }
    },
    close: async () => {
      if (options.pglite) return;
      await pg.close();
      await unlock?.();
    },
  };
}

/**
 * The embedded database is one process's: a second process on the same folder would corrupt
 * it. proper-lockfile holds a lock (with stale detection, so a killed process's lock expires).
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const { default: lockfile } = await import('proper-lockfile');
  try {
    return await lockfile.lock(dataDir, { stale: 5_000, update: 1_000, retries: { retries: 12, minTimeout: 250, maxTimeout: 1_000 } });
  } catch (cause) {
    throw new AppError('db.unavailable', `FOI_DATA_DIR is in use by another foi-intake process; the embedded database allows one process at a time (set DATABASE_URL to share one)`, { cause });
  }
}
