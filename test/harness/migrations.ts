// A PGlite database brought up to a chosen migration, for tests of what a later migration does to rows
// written before it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrationsFolder } from '../../src/paths.js';

export interface MigrationSteps {
  pg: PGlite;
  /** Runs the migration whose file name starts with `prefix` (e.g. `0006`). */
  run(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** A new in-memory database with every migration before `prefix` applied. */
export async function migratedUpTo(prefix: string): Promise<MigrationSteps> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create();
  const files = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort();
  const apply = async (file: string) => void (await pg.exec(readFileSync(join(migrationsFolder, file), 'utf8')));
  for (const file of files.filter((f) => f < prefix)) await apply(file);
  return { pg, run: (p) => apply(files.find((f) => f.startsWith(p))!), close: () => pg.close() };
}
