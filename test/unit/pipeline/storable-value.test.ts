// Every value written to a jsonb column: NUL and lone surrogates anywhere inside (keys too) are
// replaced, so PostgreSQL never refuses the `\u0000` / `\ud800` escapes JSON.stringify would write.
import { describe, expect, it } from 'vitest';
import { toStorableValue } from '../../../src/pipeline/parse/storable-text.js';

const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|\\ud[c-f][0-9a-f]{2}/i;

describe('toStorableValue', () => {
  it('replaces NUL and lone surrogates in strings at any depth, and in keys', () => {
    const value = { flags: [{ code: 'note', text: 'a\u0000b' }], deep: { list: [['x\uD800']], 'k\u0000': 'v\uDC00' }, n: 3, ok: true, none: null };
    const stored = toStorableValue(value);
    expect(stored).toEqual({ flags: [{ code: 'note', text: 'a\uFFFDb' }], deep: { list: [['x\uFFFD']], 'k\uFFFD': 'v\uFFFD' }, n: 3, ok: true, none: null });
    expect(JSON.stringify(stored)).not.toMatch(UNSTORABLE_ESCAPE);
    expect(JSON.stringify(value)).toMatch(UNSTORABLE_ESCAPE); // what the column type guards against
  });

  it('keeps valid pairs (emoji) and leaves non-plain values alone', () => {
    const date = new Date(0);
    expect(toStorableValue({ s: 'ok \uD83D\uDE00', date })).toEqual({ s: 'ok \uD83D\uDE00', date });
    expect(toStorableValue('plain')).toBe('plain');
    expect(toStorableValue(7)).toBe(7);
  });
});
