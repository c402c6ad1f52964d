// A fresh, migrated database per test file: a database made from a migrated template on the
// PostgreSQL named by DATABASE_URL (as .ci/run does), else a PGlite instance loaded from a
// migrated data-directory dump (initdb once per run, not once per test).
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';

export interface TestDatabase extends Database {
  /** DATABASE_URL for child processes (the CLI), or null for PGlite (in this process only). */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  return adminUrl ? createPostgresDatabase(adminUrl) : createPgliteDatabase();
}

async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const { default: postgres } = await import('postgres');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dump = readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const database = await openDatabase({ databaseUrl: null, dataDir: '', pglite });
  return { ...database, url: null, drop: () => pglite.close() };
}
