// Statements of fixed text for the intake's hottest writes and reads, numbered once when the module
// loads and then sent with their values alone. Building such a statement through drizzle's `sql`
// template walked every chunk and parameter again for every message (0.6 ms of the main thread per
// new case in the profile); here a message costs only the picking of its values. The values must be
// what the driver takes (each already encoded by its schema column, see `encoded`).
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database.js';

export interface FixedStatement<V> {
  readonly text: string;
  params(values: V): unknown[];
}

/** `build` writes the text, calling `param` for each value: it answers `$1`, `$2`… in order. */
export function fixedStatement<V>(build: (param: (pick: (values: V) => unknown) => string) => string): FixedStatement<V> {
  const picks: ((values: V) => unknown)[] = [];
  const text = build((pick) => {
    picks.push(pick);
    return `$${picks.length}`;
  });
  return { text, params: (values) => picks.map((pick) => pick(values)) };
}

interface DriverQuery extends PromiseLike<Record<string, unknown>[]> {
  execute(): unknown;
}

interface DriverClient {
  unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => DriverQuery;
  query?: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Sends the statement on the transaction's (or the database's) own connection: postgres.js's, which
 * keeps it prepared per connection, or PGlite's. The drizzle session holds that client. The statement
 * is started before this returns, so statements started one after another reach the server in that
 * order (a later one may rely on an earlier one's rows) without waiting for each other's answers.
 */
export function runFixed<V>(on: Tx | Db, statement: FixedStatement<V>, values: V): Promise<Record<string, unknown>[]> {
  const client = (on as unknown as { session: { client: DriverClient } }).session.client;
  const params = statement.params(values);
  if (client.unsafe) {
    const query = client.unsafe(statement.text, params, { prepare: true });
    query.execute();
    return Promise.resolve(query).then((rows) => [...rows]);
  }
  return client.query!(statement.text, params).then((result) => result.rows);
}

/** A value as the column's insert would send it (text made storable, JSON serialised, dates as ISO text); null stays null. */
export function encoded(column: PgColumn, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}
