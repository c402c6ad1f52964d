// explain-lines.ts: the wording of `explain`, which an officer reads to check a deadline by hand, so
// every skipped day appears with its reason and weekends are listed compactly rather than one per line.
import type { DayNote, SkippedDay } from './count-working-days.js';
import type { LondonDay } from './london-date.js';
import { addDays, formatDayMonth, formatShortDay, yearOf, type IsoDate } from './calendar-date.js';

export function receivedLine(received: LondonDay, extra = ''): string {
  const conversion = received.conversion ? ` (${received.conversion}: the date is taken in UK time)` : '';
  return `received: ${formatShortDay(received.date)}${conversion}${extra}`;
}

/** Skipped holidays, disregarded days and notes, one line each, in date order (weekends excluded). */
export function dayLines(skipped: readonly SkippedDay[], notes: readonly DayNote[]): Array<{ date: IsoDate; line: string }> {
  const skips = skipped.filter((s) => s.kind === 'holiday')
    .map((s) => ({ date: s.date, line: `skipped ${formatShortDay(s.date)}: ${s.why}` }));
  const counted = notes.map((n) => ({ date: n.date, line: `counted ${formatShortDay(n.date)} as a working day: ${n.text}` }));
  return [...skips, ...counted];
}

/** Orders dated lines by date, keeping insertion order for the same date. */
export function inDateOrder(lines: ReadonlyArray<{ date: IsoDate; line: string }>): string[] {
  return [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((l) => l.line);
}

// Runs of consecutive weekend days: [[Sat, Sun], [Sat, Sun], [Sun]].
function runs(dates: readonly IsoDate[]): IsoDate[][] {
  const result: IsoDate[][] = [];
  for (const date of dates) {
    const last = result[result.length - 1];
    if (last && addDays(last[last.length - 1]!, 1) === date) last.push(date);
    else result.push([date]);
  }
  return result;
}

function formatRun(run: readonly IsoDate[]): string {
  const first = run[0]!, last = run[run.length - 1]!;
  if (first === last) return formatShortDay(first);
  if (first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8))}–${formatDayMonth(last)} ${yearOf(last)}`;
  if (yearOf(first) === yearOf(last)) return `${formatDayMonth(first)}–${formatDayMonth(last)} ${yearOf(last)}`;
  return `${formatDayMonth(first)} ${yearOf(first)}–${formatDayMonth(last)} ${yearOf(last)}`;
}

/** 'skipped weekends: 3–4 Jun 2017, 10–11 Jun 2017', or nothing when no weekend was passed. */
export function weekendLines(skipped: readonly SkippedDay[]): string[] {
  const weekends = skipped.filter((s) => s.kind === 'weekend').map((s) => s.date);
  if (weekends.length === 0) return [];
  const count = weekends.length === 1 ? '1 day' : `${weekends.length} days`;
  return [`skipped weekends (${count}): ${runs(weekends).map(formatRun).join(', ')}`];
}
