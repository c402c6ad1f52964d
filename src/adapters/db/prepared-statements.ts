// drizzle's postgres-js driver runs ordinary queries unprepared, and postgres.js then asks the
// server to describe every parameterised statement before binding it: two round trips per query.
// Marking them prepared lets postgres.js keep each description per connection, so a statement
// seen before costs one round trip. Transactions and savepoints get the same treatment.
import type { Sql } from 'postgres';

type Callback = (client: Sql) => unknown;

export function withPreparedStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as Callback;
          const open = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!;
          return open(...args, (inner: Sql) => callback(withPreparedStatements(inner)));
        };
      }
      return Reflect.get(target, property, target);
    },
  });
}
