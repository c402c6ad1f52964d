// What every command that registers itself is given, and how the commands that read or change the
// database open it, bring it up to date, and close it again however the command ends.
import { openDatabase, type Database, type Db } from '../adapters/db/database.js';
import { createStores, type Stores } from '../adapters/db/stores.js';
import type { AppConfig } from '../config.js';

export interface CommandContext {
  env: NodeJS.ProcessEnv;
  /** Writes one line to stdout (the command's data; logs go to stderr). */
  write: (line: string) => void;
}

export async function withDatabase<T>(config: AppConfig, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** As `withDatabase`, migrating first: for commands an operator may run before `migrate`. */
export function withMigratedDb<T>(config: AppConfig, fn: (db: Db, stores: Stores) => Promise<T>): Promise<T> {
  return withDatabase(config, async (database) => {
    await database.migrate();
    return fn(database.db, createStores(database.db));
  });
}
