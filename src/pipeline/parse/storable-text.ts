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
