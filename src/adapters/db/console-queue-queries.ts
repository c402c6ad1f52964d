// The console's queue read side: the queues with their counts, filters and full-text search, and the
// on-time figure.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { CLOCK_RUNNING_STATUSES, OPEN_STATUSES } from '../../domain/case-status.js';
import type { CaseFlag } from '../../domain/case-flag.js';
import type { RequestAnalysis } from '../../domain/request-analysis.js';
import type { Db } from './database.js';
import { caseEvents, cases, consoleAudit, inboundMessages } from './schema.js';

export const QUEUES = ['new', 'due_soon', 'overdue', 'awaiting_clarification', 'extended', 'mine', 'open'] as const;
export type QueueName = (typeof QUEUES)[number];

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
  flags: CaseFlag[];
  topics: string[];
}

function queueCondition(queue: QueueName, scope: QueueScope): SQL {
  const running = inArray(cases.status, [...CLOCK_RUNNING_STATUSES]);
  switch (queue) {
    case 'new': return inArray(cases.status, ['received', 'acknowledged']);
    case 'due_soon': return and(running, sql`${cases.dueDate} >= ${scope.today} and ${cases.dueDate} <= ${scope.soon}`)!;
    case 'overdue': return and(running, sql`${cases.dueDate} < ${scope.today}`)!;
    case 'awaiting_clarification': return eq(cases.status, 'awaiting_clarification');
    case 'extended': return eq(cases.status, 'extended');
    // No owner is recorded yet: "my cases" are the ones this user has acted on in the console.
    case 'mine': return sql`${cases.id} in (select ${consoleAudit.caseId} from ${consoleAudit} where ${consoleAudit.actor} = ${scope.actor} and ${consoleAudit.action} not in ('view', 'download'))`;
    case 'open': return inArray(cases.status, [...OPEN_STATUSES]);
  }
}

function scopeCondition(scope: QueueScope): SQL | undefined {
  return scope.mailboxes === null ? undefined : inArray(cases.mailbox, scope.mailboxes.length ? scope.mailboxes : ['']);
}

/** Subject and request text, by PostgreSQL full-text search (GIN indexes of migration 0011). */
function searchCondition(search: string): SQL {
  const query = sql`websearch_to_tsquery('english', ${search})`;
  // An uncorrelated IN: the GIN index finds the matching messages once (a hashed subplan), rather than once per case.
  return sql`(to_tsvector('english', ${cases.subject}) @@ ${query} or ${cases.id} in (select m.case_id from ${inboundMessages} m where to_tsvector('english', coalesce(m.fingerprint, '')) @@ ${query}))`;
}

function filterConditions(filter: QueueFilter): (SQL | undefined)[] {
  return [
    filter.kind ? eq(cases.kind, filter.kind) : undefined,
    filter.mailbox ? eq(cases.mailbox, filter.mailbox) : undefined,
    filter.status ? eq(cases.status, filter.status) : undefined,
    filter.topic ? sql`${cases.analysis}->'topics' @> ${JSON.stringify([filter.topic])}::jsonb` : undefined,
    filter.flag ? sql`${cases.flags} @> ${JSON.stringify([{ code: filter.flag }])}::jsonb` : undefined,
    filter.search?.trim() ? searchCondition(filter.search.trim()) : undefined,
  ];
}

export async function queueCounts(db: Db, scope: QueueScope): Promise<Record<QueueName, number>> {
  const columns = Object.fromEntries(QUEUES.map((q) => [q, sql<number>`count(*) filter (where ${queueCondition(q, scope)})`.mapWith(Number)]));
  const [row] = await db.select(columns as Record<QueueName, SQL.Aliased<number> | SQL<number>>).from(cases).where(scopeCondition(scope));
  return row as Record<QueueName, number>;
}

export async function listQueue(db: Db, scope: QueueScope, filter: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
  const where = and(scopeCondition(scope), queueCondition(filter.queue, scope), ...filterConditions(filter));
  const order = filter.sort === '-due' ? sql`${cases.dueDate} desc nulls last` : sql`${cases.dueDate} asc nulls last`;
  const [rows, [counted]] = await Promise.all([
    db.select({
      reference: cases.reference, kind: cases.kind, status: cases.status, subject: cases.subject, receivedAt: cases.receivedAt,
      dueDate: cases.dueDate, mailbox: cases.mailbox, flags: cases.flags, analysis: cases.analysis,
    }).from(cases).where(where).orderBy(order, asc(cases.id)).limit(filter.limit),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cases).where(where),
  ]);
  return {
    rows: rows.map(({ analysis, ...r }) => ({ ...r, topics: (analysis as RequestAnalysis).topics ?? [] })),
    total: counted?.n ?? 0,
  };
}

/** Responses recorded in time (on or before the due date in force) out of all responses. */
export async function onTimeFigure(db: Db, scope: QueueScope): Promise<{ inTime: number; responded: number; percent: number | null }> {
  const [row] = await db.select({
    inTime: sql<number>`count(*) filter (where coalesce((${caseEvents.at} at time zone 'Europe/London')::date <= (${caseEvents.details}->>'oldDueDate')::date, true))`.mapWith(Number),
    responded: sql<number>`count(*)`.mapWith(Number),
  }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId)).where(and(eq(caseEvents.event, 'responded'), scopeCondition(scope)));
  const inTime = row?.inTime ?? 0;
  const responded = row?.responded ?? 0;
  return { inTime, responded, percent: responded === 0 ? null : Math.round((inTime / responded) * 1000) / 10 };
}

/** Values offered by the filters: the kinds, topics and mailboxes present. */
export async function filterOptions(db: Db, scope: QueueScope): Promise<{ kinds: string[]; mailboxes: string[] }> {
  const [kinds, mailboxes] = await Promise.all([
    db.selectDistinct({ v: cases.kind }).from(cases).where(scopeCondition(scope)).orderBy(cases.kind),
    db.selectDistinct({ v: cases.mailbox }).from(cases).where(scopeCondition(scope)).orderBy(cases.mailbox),
  ]);
  return { kinds: kinds.map((r) => r.v), mailboxes: mailboxes.map((r) => r.v) };
}
