// A failed query's own message lists its parameters (requesters' names, addresses and text): it is
// described by its statement alone, wherever describeError is asked. Registered when the database
// adapter is loaded, so before any query can fail.
import { DrizzleQueryError } from 'drizzle-orm';
import { addErrorDescriber } from '../../errors.js';

export function describeQueryError(error: unknown): string | null {
  return error instanceof DrizzleQueryError ? `database query failed (${error.query.slice(0, 60)}…)` : null;
}

addErrorDescriber(describeQueryError);
