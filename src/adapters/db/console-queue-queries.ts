// The console's queue read side: the queues with their counts, filters and full-text search. Shaped
// for 200,000 cases (scripts/console-bench.ts, migration 0015): counts are one grouped index-only scan,
// a listing stops at its page, and a filtered total stops counting past 1,000.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { WithSubquery } from 'drizzle-orm';
import { CLOCK_RUNNING_STATUSES, OPEN_STATUSES } from '../../domain/case-status.js';
import type { CaseFlag } from '../../domain/case-flag.js';
import type { RequestAnalysis } from '../../domain/request-analysis.js';
import type { Db } from './database.js';
import { cases, consoleAudit, inboundMessages } from './schema.js';

export { filterOptions, onTimeFigure } from './console-queue-figures.js';

export const QUEUES = ['new', 'due_soon', 'overdue', 'awaiting_clarification', 'extended', 'mine', 'open'] as const;
export type QueueName = (typeof QUEUES)[number];

/** A filtered listing counts its cases up to this many, then says "more than". */
export const COUNT_CAP = 1000;
/** A search matching at most this many cases fetches them by id; more, and the listing walks the due dates. */
const SEARCH_BY_ID = 1000;

export interface QueueScope {
  /** London dates: today, and the last day "due soon" covers (5 working days ahead). */
  today: string;
  soon: string;
  actor: string;
  /** Mailboxes the user may see; null: all. */
  mailboxes: string[] | null;
}

export interface QueueFilter {
  queue: QueueName;
  kind?: string;
  topic?: string;
  mailbox?: string;
  status?: string;
  flag?: string;
  /** An owner's identity, or `none` for cases nobody owns. */
  owner?: string;
  team?: string;
  search?: string;
  sort: 'due' | '-due';
  limit: number;
}

export interface QueueRow {
  reference: string;
  kind: string;
  status: string;
  subject: string;
  receivedAt: Date;
  dueDate: string | null;
  mailbox: string;
  owner: string | null;
  team: string | null;
  flags: CaseFlag[];
  topics: string[];
}

export interface QueueListing {
  rows: QueueRow[];
  /** Null when the listing is a whole queue: its count is the queue's count. */
  total: number | null;
  /** The filtered total reached COUNT_CAP: there are more than `total`. */
  more: boolean;
}

const RUNNING = [...CLOCK_RUNNING_STATUSES];

/**
 * "My cases": the ones I own, and the ones I acted on in the console. Both lists are short and indexed
 * (cases_owner_due_idx, console_audit_actor_idx), so the cases are fetched by id rather than searched for.
 */
function mineCondition(actor: string): SQL {
  return sql`${cases.id} = any(array(select c.id from ${cases} c where c.owner = ${actor} union select a.case_id from ${consoleAudit} a where a.actor = ${actor} and a.action not in ('view', 'download') and a.case_id is not null))`;
}

function queueCondition(queue: QueueName, scope: QueueScope): SQL {
  const running = inArray(cases.status, RUNNING);
  switch (queue) {
    case 'new': return inArray(cases.status, ['received', 'acknowledged']);
    case 'due_soon': return and(running, sql`${cases.dueDate} >= ${scope.today} and ${cases.dueDate} <= ${scope.soon}`)!;
    case 'overdue': return and(running, sql`${cases.dueDate} < ${scope.today}`)!;
    case 'awaiting_clarification': return eq(cases.status, 'awaiting_clarification');
    case 'extended': return eq(cases.status, 'extended');
    case 'mine': return mineCondition(scope.actor);
    case 'open': return inArray(cases.status, [...OPEN_STATUSES]);
  }
}

export function scopeCondition(scope: QueueScope): SQL | undefined {
  return scope.mailboxes === null ? undefined : inArray(cases.mailbox, scope.mailboxes.length ? scope.mailboxes : ['']);
}

/** A search as a condition, with the common table expressions it reads and their ids (the many-hits form). */
interface SearchPart {
  condition: SQL;
  ctes: WithSubquery[];
  /** The matching case ids, each once (many-hits form only). */
  hitIds?: SQL;
}

/**
 * Subject and request text, by PostgreSQL full-text search (GIN indexes of migration 0011). A probe of
 * both indexes first. Few matches: they are fetched by id. Many: two sets of matching ids, built once
 * per statement, which the listing keeps as it walks the due dates, so it stops at its page instead of
 * sorting every match (and the capped count in the same statement reuses the sets).
 */
async function searchPart(db: Db, search: string, byIdUpTo: number): Promise<SearchPart> {
  const query = sql`websearch_to_tsquery('english', ${search})`;
  const subjectMatch = sql`to_tsvector('english', ${cases.subject}) @@ ${query}`;
  const textMatch = sql`to_tsvector('english', coalesce(${inboundMessages.fingerprint}, '')) @@ ${query} and ${inboundMessages.caseId} is not null`;
  const hits = await db.select({ id: sql<number>`hit.id`.mapWith(Number) })
    .from(sql`((select ${cases.id} from ${cases} where ${subjectMatch}) union all (select ${inboundMessages.caseId} from ${inboundMessages} where ${textMatch})) as hit(id)`)
    .limit(byIdUpTo + 1);
  // `union all` so the probe stops at its limit; a case matched twice is counted twice, which only errs towards walking.
  if (hits.length <= byIdUpTo) {
    return { condition: hits.length ? inArray(cases.id, [...new Set(hits.map((h) => h.id))]) : sql`false`, ctes: [] };
  }
  const subjectHits = db.$with('subject_hits').as(db.select({ id: cases.id }).from(cases).where(subjectMatch));
  const textHits = db.$with('text_hits').as(db.select({ caseId: inboundMessages.caseId }).from(inboundMessages).where(textMatch));
  return {
    condition: sql`(${cases.id} in (select ${subjectHits.id} from ${subjectHits}) or ${cases.id} in (select ${textHits.caseId} from ${textHits}))`,
    ctes: [subjectHits, textHits],
    hitIds: sql`select ${subjectHits.id} from ${subjectHits} union select ${textHits.caseId} from ${textHits}`,
  };
}

/** Narrowing filters beyond the queue itself (the search is added apart: it needs a look-up first). */
function filterConditions(filter: QueueFilter): SQL[] {
  const owner = filter.owner === 'none' ? isNull(cases.owner) : filter.owner ? eq(cases.owner, filter.owner) : undefined;
  return [
    filter.kind ? eq(cases.kind, filter.kind) : undefined,
    filter.mailbox ? eq(cases.mailbox, filter.mailbox) : undefined,
    filter.status ? eq(cases.status, filter.status) : undefined,
    filter.topic ? sql`${cases.analysis}->'topics' @> ${JSON.stringify([filter.topic])}::jsonb` : undefined,
    filter.flag ? sql`${cases.flags} @> ${JSON.stringify([{ code: filter.flag }])}::jsonb` : undefined,
    owner,
    filter.team ? eq(cases.team, filter.team) : undefined,
  ].filter((c): c is SQL => c !== undefined);
}

/**
 * Every queue's count from one pass over the open cases: an index-only scan of (mailbox, status,
 * due_date), grouped by status; "my cases" by id from its two short lists.
 */
export async function queueCounts(db: Db, scope: QueueScope): Promise<Record<QueueName, number>> {
  const [groups, [mine]] = await Promise.all([
    db.select({
      status: cases.status,
      all: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${cases.dueDate} < ${scope.today})`.mapWith(Number),
      soon: sql<number>`count(*) filter (where ${cases.dueDate} >= ${scope.today} and ${cases.dueDate} <= ${scope.soon})`.mapWith(Number),
    }).from(cases).where(and(scopeCondition(scope), inArray(cases.status, [...OPEN_STATUSES]))).groupBy(cases.status),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cases).where(and(scopeCondition(scope), mineCondition(scope.actor))),
  ]);
  const sum = (pick: (g: (typeof groups)[number]) => number, statuses?: readonly string[]) =>
    groups.filter((g) => !statuses || statuses.includes(g.status)).reduce((n, g) => n + pick(g), 0);
  return {
    new: sum((g) => g.all, ['received', 'acknowledged']),
    due_soon: sum((g) => g.soon, RUNNING),
    overdue: sum((g) => g.overdue, RUNNING),
    awaiting_clarification: sum((g) => g.all, ['awaiting_clarification']),
    extended: sum((g) => g.all, ['extended']),
    mine: mine?.n ?? 0,
    open: sum((g) => g.all),
  };
}

/** `searchByIdUpTo`: how many search hits are fetched by id before the listing walks the due dates instead (tests lower it). */
export async function listQueue(db: Db, scope: QueueScope, filter: QueueFilter, searchByIdUpTo = SEARCH_BY_ID): Promise<QueueListing> {
  const search = filter.search?.trim();
  const found: Partial<SearchPart> = search ? await searchPart(db, search, searchByIdUpTo) : {};
  const narrowing = [...filterConditions(filter), ...(found.condition ? [found.condition] : [])];
  const unsearched = and(scopeCondition(scope), queueCondition(filter.queue, scope), ...filterConditions(filter));
  const where = and(unsearched, found.condition);
  // Both orders have an index (cases_due_idx, cases_due_desc_idx), so a page is read, not sorted.
  const order = filter.sort === '-due' ? sql`${cases.dueDate} desc nulls last` : sql`${cases.dueDate} asc nulls last`;
  // A narrowed listing counts its matches in the same statement (an uncorrelated subquery, run once),
  // up to one past the cap: past it, the officer narrows the search rather than reads a number.
  // Many search hits are counted from the hits, each looked up by primary key until the cap, rather than
  // by scanning the cases (`offset 0` keeps the planner from turning the look-ups back into a scan).
  const matches = found.hitIds
    ? sql`select 1 from (${found.hitIds}) as hit(id) cross join lateral (select 1 from ${cases} where ${cases.id} = hit.id and ${unsearched} offset 0) as kept`
    : sql`select 1 from ${cases} where ${where}`;
  const total = narrowing.length > 0 ? sql<string | number>`(select count(*) from (${matches} limit ${COUNT_CAP + 1}) as capped)` : sql<null>`null`;
  const rows = await (found.ctes?.length ? db.with(...found.ctes) : db).select({
    reference: cases.reference, kind: cases.kind, status: cases.status, subject: cases.subject, receivedAt: cases.receivedAt,
    dueDate: cases.dueDate, mailbox: cases.mailbox, owner: cases.owner, team: cases.team, flags: cases.flags, analysis: cases.analysis,
    total,
  }).from(cases).where(where).orderBy(order, asc(cases.id)).limit(filter.limit);
  const matched = narrowing.length === 0 ? null : Number(rows[0]?.total ?? 0);
  return {
    rows: rows.map(({ analysis, total: _total, ...r }) => ({ ...r, topics: (analysis as RequestAnalysis).topics ?? [] })),
    total: matched === null ? null : Math.min(matched, COUNT_CAP),
    more: matched !== null && matched > COUNT_CAP,
  };
}
