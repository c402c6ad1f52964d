// Case references like FOI-2026-00042: the format is configuration (FOI_REFERENCE_FORMAT), the
// sequence restarts each year and is allocated by the database so two writers never collide.

/** `{year}` → 2026, `{seq:5}` → 00042, `{seq}` → 42. */
export function formatReference(format: string, year: number, sequence: number): string {
  return format
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d+))?\}/g, (_m, width?: string) => String(sequence).padStart(Number(width ?? 0), '0'));
}

/** A pattern that finds references of this format in a subject line (for threading). */
export function referencePattern(format: string): RegExp {
  const escaped = format.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const source = escaped
    .replace(/\\?\{year\\?\}/g, '\\d{4}')
    .replace(/\\?\{seq(?::(\d+))?\\?\}/g, (_m, width?: string) => (width ? `\\d{${width},}` : '\\d+'));
  return new RegExp(source, 'i');
}

/** Any of several formats' references (a reply may quote a case of another of our mailboxes). */
export function referencePatternOf(formats: readonly string[]): RegExp {
  if (formats.length === 1) return referencePattern(formats[0]!);
  return new RegExp(formats.map((format) => `(?:${referencePattern(format).source})`).join('|'), 'i');
}

/**
 * Whether one format can render a reference the other's pattern takes for its own (`A{seq}` and
 * `A1{seq}`; `FOI-{year}-{seq}` and `FOI-{year}-{seq:5}` from 100000 on). Such mailboxes would have
 * separate counters and could make the same reference twice, and replies could thread to the wrong case.
 */
export function referenceFormatsCollide(a: string, b: string): boolean {
  const whole = (format: string) => new RegExp(`^(?:${referencePattern(format).source})$`, 'i');
  const samples = (format: string) => [1, 42, 123_456_789].map((seq) => formatReference(format, 2026, seq));
  return samples(a).some((r) => whole(b).test(r)) || samples(b).some((r) => whole(a).test(r));
}
