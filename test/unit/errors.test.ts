// describeError: what logs and stored error columns say about a failure — with the cause that
// explains it, and never a failed query's parameters (requesters' names, addresses and text).
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError, describeError } from '../../src/errors.js';
// The database adapter teaches describeError about failed queries when it is loaded.
import '../../src/adapters/db/query-error.js';

describe('describeError', () => {
  it("names a failed query's statement and the connection error under it, without its parameters", () => {
    const lost = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });
    const failed = new DrizzleQueryError('insert into "cases" ("reference", "requester_name", "requester_address") values ($1, $2, $3)', ['FOI-2026-0001', 'Jane Doe', 'jane@example.org'], lost);
    const described = describeError(failed);
    expect(described).toMatch(/^database query failed \(insert into "cases"/);
    expect(described).toContain('write CONNECTION_CLOSED 127.0.0.1:5432');
    expect(described).not.toMatch(/Jane|jane@example\.org|FOI-2026-0001/);
  });

  it("keeps an AppError to its own curated message, whatever its cause says", () => {
    const error = new AppError('imap.connect_failed', 'OAuth2 token endpoint https://login.example/token unreachable', { cause: new Error('secret-bearing detail') });
    expect(describeError(error)).toBe('imap.connect_failed: OAuth2 token endpoint https://login.example/token unreachable');
  });

  it('follows plain causes a few levels deep and describes non-errors', () => {
    const deep = new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: new Error('d', { cause: new Error('e') }) }) }) });
    expect(describeError(deep)).toBe('a: b: c: d');
    expect(describeError('plain string')).toBe('plain string');
  });
});
