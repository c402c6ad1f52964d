// What the queue page shows besides the listing: the on-time figure and the values the filters offer.
// Neither reads every case: the figure reads the responses only (case_events_responded_idx), and the
// filter values come from the known kinds and a loose index scan of the few distinct values.
import { and, eq, sql } from 'drizzle-orm';
import { REQUEST_KINDS } from '../../domain/request-analysis.js';
import type { Db } from './database.js';
import type { QueueScope } from './console-queue-queries.js';
import { caseEvents, cases } from './schema.js';

/** Responses recorded in time (on or before the due date in force) out of all responses. */
export async function onTimeFigure(db: Db, scope: QueueScope): Promise<{ inTime: number; responded: number; percent: number | null }> {
  const columns = {
    inTime: sql<number>`count(*) filter (where coalesce((${caseEvents.at} at time zone 'Europe/London')::date <= (${caseEvents.details}->>'oldDueDate')::date, true))`.mapWith(Number),
    responded: sql<number>`count(*)`.mapWith(Number),
  };
  const responded = eq(caseEvents.event, 'responded');
  // Every mailbox: the responses alone; the cases are joined only to keep an officer to their mailboxes.
  const [row] = scope.mailboxes === null
    ? await db.select(columns).from(caseEvents).where(responded)
    : await db.select(columns).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(and(responded, sql`${cases.mailbox} = any(${toTextArray(scope.mailboxes)})`));
  const inTime = row?.inTime ?? 0;
  const count = row?.responded ?? 0;
  return { inTime, responded: count, percent: count === 0 ? null : Math.round((inTime / count) * 1000) / 10 };
}

const toTextArray = (values: readonly string[]) => sql`array[${sql.join(values.length ? values.map((v) => sql`${v}`) : [sql`''`], sql`, `)}]::text[]`;

/**
 * The distinct non-null values of an indexed column, by a loose index scan (a recursive query that asks
 * the index for "the next value after this one"): a few owners among 200,000 cases cost a few probes.
 */
async function distinctValues(db: Db, column: 'mailbox' | 'owner' | 'team', max: number): Promise<string[]> {
  const c = sql.identifier(column);
  const rows = await db.select({ v: sql<string>`d.v` }).from(sql`(
    with recursive found(v) as (
      (select ${c} from ${cases} where ${c} is not null order by ${c} limit 1)
      union all
      select (select ${c} from ${cases} where ${c} > found.v order by ${c} limit 1) from found where found.v is not null
    ) select v from found where v is not null limit ${max}) as d`);
  return rows.map((r) => r.v);
}

export interface FilterOptions {
  kinds: string[];
  mailboxes: string[];
  owners: string[];
  teams: string[];
}

/** Values offered by the filters: every kind, the user's mailboxes (or those holding cases), the owners and teams. */
export async function filterOptions(db: Db, scope: QueueScope): Promise<FilterOptions> {
  const [mailboxes, owners, teams] = await Promise.all([
    scope.mailboxes === null ? distinctValues(db, 'mailbox', 100) : Promise.resolve([...scope.mailboxes].sort()),
    distinctValues(db, 'owner', 200),
    distinctValues(db, 'team', 100),
  ]);
  return { kinds: [...REQUEST_KINDS], mailboxes, owners, teams };
}
