// The next sequence number of a reference format's year, under the counter row's lock: mailboxes
// with different formats (FOI-…, EIR-…) count from 1 each, mailboxes sharing a format share a count.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from './database.js';
import { referenceCounters } from './schema.js';


export async function nextSequence(tx: Tx, format: string, year: number): Promise<number> {
  const [counted] = await tx
    .update(referenceCounters)
    .set({ lastValue: sql`${referenceCounters.lastValue} + 1` })
    .where(and(eq(referenceCounters.format, format), eq(referenceCounters.year, year)))
    .returning({ value: referenceCounters.lastValue });
  if (counted) return counted.value;
  // The format's first case of the year here. Cases may already carry its references (made before
  // counters were kept per format): carry on after the highest, so no reference is made twice.
  const pattern = sequencePattern(format, year);
  const [row] = await tx
    .insert(referenceCounters)
    .values({
      format, year,
      lastValue: sql`1 + coalesce((select max(substring(reference from ${pattern})::bigint) from cases where reference ~ ${pattern}), 0)::integer`,
    })
    // Another writer made the row first: wait for its lock and count on from its value.
    .onConflictDoUpdate({ target: [referenceCounters.format, referenceCounters.year], set: { lastValue: sql`${referenceCounters.lastValue} + 1` } })
    .returning({ value: referenceCounters.lastValue });
  return row!.value;
}

/**
 * Numbers taken for one transaction's cases. The first of a format's year goes to the database and
 * locks its counter row until the transaction ends, so nobody else can number in between: the
 * following ones are counted here, and `flush` writes the last value once, before the commit (one
 * round trip per batch rather than one per case).
 */
export function sequenceBatch(tx: Tx): { next: (format: string, year: number) => Promise<number>; flush: () => Promise<void> } {
  const taken = new Map<string, { format: string; year: number; value: number; stored: number }>();
  return {
    async next(format, year) {
      const key = `${year} ${format}`;
      const counter = taken.get(key);
      if (counter) return (counter.value += 1);
      const value = await nextSequence(tx, format, year);
      taken.set(key, { format, year, value, stored: value });
      return value;
    },
    async flush() {
      const pending = [...taken.values()].filter((c) => c.value > c.stored);
      await Promise.all(pending.map((c) => tx
        .update(referenceCounters)
        .set({ lastValue: c.value })
        .where(and(eq(referenceCounters.format, c.format), eq(referenceCounters.year, c.year)))
        .execute()));
      for (const c of pending) c.stored = c.value;
    },
  };
}

/** A PostgreSQL regular expression for the year's references of a format, capturing the sequence. */
export function sequencePattern(format: string, year: number): string {
  let captured = false;
  const parts = format.split(/(\{year\}|\{seq(?::\d+)?\})/);
  const source = parts.map((part) => {
    if (part === '{year}') return String(year);
    if (/^\{seq(:\d+)?\}$/.test(part)) {
      const group = captured ? '[0-9]+' : '([0-9]+)';
      captured = true;
      return group;
    }
    return part.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  });
  return `^${source.join('')}$`;
}
