// A database that is down or busy is not a poison message: such failures are retried, never held.
import { describe, expect, it } from 'vitest';
import { isTransientDatabaseFailure } from '../../../src/adapters/db/transient-failure.js';

const wrapped = (cause: object) => Object.assign(new Error('database query failed'), { cause });

describe('isTransientDatabaseFailure', () => {
  it('knows an unreachable, restarting or busy server, however deeply wrapped', () => {
    expect(isTransientDatabaseFailure(wrapped({ code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientDatabaseFailure(wrapped({ code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(isTransientDatabaseFailure(wrapped({ code: '57P01', severity: 'FATAL' }))).toBe(true);
    expect(isTransientDatabaseFailure(wrapped({ code: '40P01' }))).toBe(true); // deadlock
    expect(isTransientDatabaseFailure(wrapped({ code: '53300' }))).toBe(true); // too many connections
  });

  it('does not excuse data the server refused', () => {
    expect(isTransientDatabaseFailure(wrapped({ code: '22P05' }))).toBe(false); // unsupported Unicode escape
    expect(isTransientDatabaseFailure(wrapped({ code: '22021' }))).toBe(false); // invalid byte sequence
    expect(isTransientDatabaseFailure(wrapped({ code: '23505' }))).toBe(false); // unique violation
    expect(isTransientDatabaseFailure(new Error('injected failure at filing-message'))).toBe(false);
  });
});
