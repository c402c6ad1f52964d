// Text bound for PostgreSQL `text` or `jsonb` must be valid: both reject U+0000, and an unpaired UTF-16
// surrogate has no UTF-8 form, so one such character in a message would fail its whole transaction.
// The raw message keeps the original bytes (in `bytea`); what is read from it is made storable here.

/** NUL, or a surrogate half without its partner (no `u` flag, so the halves are seen one by one). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` with each NUL and lone surrogate replaced by U+FFFD (the replacement character), so the
 * length and every offset into the text are unchanged and an officer can see that something was there.
 */
export function toStorableText(value: string): string {
  return value.replace(UNSTORABLE, '\uFFFD');
}

/**
 * A value bound for a `jsonb` column, with every string in it (object keys too, at any depth) made
 * storable: JSON.stringify writes NUL as `\u0000` and a lone surrogate as `\ud800`, and PostgreSQL
 * refuses both escapes in `jsonb`. Values that are not plain data (dates, numbers) pass unchanged.
 */
export function toStorableValue<T>(value: T): T {
  return storable(value) as T;
}

function storable(value: unknown): unknown {
  if (typeof value === 'string') return toStorableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[toStorableText(key)] = storable(inner);
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
