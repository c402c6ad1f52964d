// Whether the database answers: the console's /healthz asks before it says 200.
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

export async function databaseUp(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
