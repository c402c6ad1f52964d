// Whether a failed database call says the database is unavailable or busy (not that the data was
// refused): the intake then retries the pass later rather than holding a message as poison.
import { isLostConnection } from './lost-connection-guard.js';

// Node and postgres.js codes for a server that cannot be reached.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'CONNECT_TIMEOUT']);
// SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention
// (shutdown, cannot connect now), 40 transaction rollback (serialization failure, deadlock).
const TRANSIENT_SQLSTATE = /^(08|53|57P|40)/;

export function isTransientDatabaseFailure(error: unknown): boolean {
  if (isLostConnection(error)) return true;
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNREACHABLE.has(code) || (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE.test(code)))) return true;
    current = cause;
  }
  return false;
}
