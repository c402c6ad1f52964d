// postgres.js 3.4.9 answers a transaction whose connection dropped mid-query (a server restart, a
// killed backend) by writing ROLLBACK to the closed socket from a setImmediate: an uncatchable
// TypeError that ends the process (porsager/postgres#1154, #1208, unfixed upstream). The server
// has already discarded a transaction whose connection is gone, so the ROLLBACK is withheld here;
// begin() still rejects, with the connection error, through postgres.js's own close handler.
import type { Sql } from 'postgres';

// Errors that postgres.js raises only once the socket has closed, or just before it closes.
const LOST_CONNECTION_CODES = new Set(['CONNECTION_CLOSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** True when an error, or a cause it wraps (drizzle wraps query errors), says the connection is gone. */
export function isLostConnection(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { code, severity, cause } = current as { code?: unknown; severity?: unknown; cause?: unknown };
    if (typeof code === 'string' && LOST_CONNECTION_CODES.has(code)) return true;
    // A FATAL error ends the server session; the server closes the connection after sending it.
    if (severity === 'FATAL' || severity === 'PANIC') return true;
    current = cause;
  }
  return false;
}

type Begin = (...args: unknown[]) => Promise<unknown>;

export function withoutRollbackOnLostConnection<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      if (property !== 'begin') return Reflect.get(target, property, target);
      return (...args: unknown[]) => {
        const work = args.pop() as (sql: unknown) => unknown;
        return (target.begin as unknown as Begin)(...args, async (sql: unknown) => {
          try {
            return await work(sql);
          } catch (error) {
            // Left pending, so postgres.js never reaches its ROLLBACK; begin() has rejected already.
            if (isLostConnection(error)) return new Promise<never>(() => {});
            throw error;
          }
        });
      };
    },
  });
}
