// The officers' home: the queues with their counts, filters, full-text search and the sort by due
// date, with the overdue count and the on-time figure at the top.
import type { FastifyInstance } from 'fastify';
import { filterOptions, listQueue, onTimeFigure, queueCounts, QUEUES, type QueueFilter, type QueueName, type QueueScope } from '../adapters/db/console-queue-queries.js';
import { addDays, londonDateOf, workingDaysBetween } from '../clock/index.js';
import { CASE_STATUSES } from '../domain/case-status.js';
import { FLAG_CODES } from '../domain/case-flag.js';
import { DEFAULT_TOPICS } from '../domain/request-analysis.js';
import type { ConsoleUser } from './roles.js';
import { page, type ConsoleDeps } from './server.js';

export const QUEUE_LABELS: Record<QueueName, string> = {
  new: 'New and untriaged', due_soon: 'Due within 5 working days', overdue: 'Overdue', awaiting_clarification: 'Awaiting clarification',
  extended: 'On extension', mine: 'My cases', open: 'All open',
};

const PAGE_SIZE = 100;

/** The London date `days` working days after `today` (FOIA's calendar: weekends and bank holidays skipped). */
export function workingDaysAhead(today: string, days: number): string {
  let date = today;
  while (workingDaysBetween(today, date, 'foi') < days) date = addDays(date, 1);
  return date;
}

export function scopeOf(user: ConsoleUser, now: Date): QueueScope {
  const today = londonDateOf(now);
  return { today, soon: workingDaysAhead(today, 5), actor: user.identity, mailboxes: user.mailboxes };
}

type Query = Partial<Record<'queue' | 'kind' | 'topic' | 'mailbox' | 'status' | 'flag' | 'q' | 'sort', string>>;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function addQueueRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get<{ Querystring: Query }>('/cases', async (request, reply) => {
    const scope = scopeOf(request.user!, (deps.now ?? (() => new Date()))());
    const q = request.query;
    const filter: QueueFilter = {
      queue: oneOf(q.queue, QUEUES) ?? 'open',
      kind: q.kind?.trim() || undefined,
      topic: q.topic?.trim() || undefined,
      mailbox: q.mailbox?.trim() || undefined,
      status: oneOf(q.status, CASE_STATUSES),
      flag: oneOf(q.flag, FLAG_CODES),
      search: q.q?.trim().slice(0, 200) || undefined,
      sort: q.sort === '-due' ? '-due' : 'due',
      limit: PAGE_SIZE,
    };
    const [counts, listing, onTime, options] = await Promise.all([
      queueCounts(deps.db, scope), listQueue(deps.db, scope, filter), onTimeFigure(deps.db, scope), filterOptions(deps.db, scope),
    ]);
    const params = new URLSearchParams(Object.entries({ ...q, sort: undefined }).filter(([, v]) => v) as [string, string][]);
    return page(request, reply, 'queues.njk', {
      queues: QUEUES.map((name) => ({ name, label: QUEUE_LABELS[name], count: counts[name], current: name === filter.queue })),
      filter, listing, onTime, overdue: counts.overdue, options: { ...options, topics: DEFAULT_TOPICS, statuses: CASE_STATUSES, flags: FLAG_CODES },
      sortLink: `/cases?${new URLSearchParams([...params, ['sort', filter.sort === 'due' ? '-due' : 'due']])}`,
      queueLabel: QUEUE_LABELS[filter.queue], today: scope.today,
    });
  });
}
