// The officers' home: the queues with their counts, filters (owner and team among them), full-text
// search and the sort by due date, with the overdue count and the on-time figure at the top.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { filterOptions, listQueue, onTimeFigure, queueCounts, QUEUES, type QueueFilter, type QueueName, type QueueScope } from '../adapters/db/console-queue-queries.js';
import { addDays, londonDateOf, workingDaysBetween } from '../clock/index.js';
import { CASE_STATUSES } from '../domain/case-status.js';
import { FLAG_CODES } from '../domain/case-flag.js';
import { DEFAULT_TOPICS } from '../domain/request-analysis.js';
import { maySee, userOf, type ConsoleUser } from './roles.js';
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

type Query = Partial<Record<'queue' | 'kind' | 'topic' | 'mailbox' | 'status' | 'flag' | 'owner' | 'team' | 'q' | 'sort', string>>;

/**
 * An owner as the filter names them in the address bar: `me`, `none`, or a digest of their identity,
 * so that no one's address is put in a URL (DESIGN.md: no personal data in URLs).
 */
export function ownerKey(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

/** The owner the filter asks for: an identity, `none`, or nobody (any owner). */
async function ownerOf(value: string | undefined, me: string, owners: () => Promise<readonly string[]>): Promise<string | undefined> {
  if (!value) return undefined;
  if (value === 'me') return me;
  if (value === 'none') return 'none';
  // An owner no longer holding any case matches nothing, rather than silently showing everyone's.
  return (await owners()).find((o) => ownerKey(o) === value) ?? `unknown:${value}`;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** An officer of some mailboxes is offered only the owners who work one of them, not every colleague's address. */
function ownersSeenBy(scope: QueueScope, owners: readonly string[], deps: ConsoleDeps): string[] {
  if (scope.mailboxes === null) return [...owners];
  return owners.filter((o) => {
    const owner = userOf(o, deps.settings);
    return owner !== null && scope.mailboxes!.some((m) => maySee(owner, m));
  });
}

function totalText(total: number, more: boolean): string {
  const n = total.toLocaleString('en-GB');
  return more ? `more than ${n} cases` : `${n} ${total === 1 ? 'case' : 'cases'}`;
}

export function addQueueRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get<{ Querystring: Query }>('/cases', async (request, reply) => {
    const scope = scopeOf(request.user!, (deps.now ?? (() => new Date()))());
    const q = request.query;
    const loadingOptions = filterOptions(deps.db, scope);
    const filter: QueueFilter = {
      queue: oneOf(q.queue, QUEUES) ?? 'open',
      kind: q.kind?.trim() || undefined,
      topic: q.topic?.trim() || undefined,
      mailbox: q.mailbox?.trim() || undefined,
      status: oneOf(q.status, CASE_STATUSES),
      flag: oneOf(q.flag, FLAG_CODES),
      owner: await ownerOf(q.owner?.trim(), scope.actor, async () => (await loadingOptions).owners),
      team: q.team?.trim() || undefined,
      search: q.q?.trim().slice(0, 200) || undefined,
      sort: q.sort === '-due' ? '-due' : 'due',
      limit: PAGE_SIZE,
    };
    const [counts, listing, onTime, options] = await Promise.all([
      queueCounts(deps.db, scope), listQueue(deps.db, scope, filter), onTimeFigure(deps.db, scope), loadingOptions,
    ]);
    const params = new URLSearchParams(Object.entries({ ...q, sort: undefined }).filter(([, v]) => v) as [string, string][]);
    return page(request, reply, 'queues.njk', {
      queues: QUEUES.map((name) => ({ name, label: QUEUE_LABELS[name], count: counts[name], current: name === filter.queue })),
      filter: { ...filter, owner: q.owner?.trim() || '' },
      listing, totalText: totalText(listing.total ?? counts[filter.queue], listing.more),
      onTime, overdue: counts.overdue,
      options: {
        ...options, topics: DEFAULT_TOPICS, statuses: CASE_STATUSES, flags: FLAG_CODES,
        owners: [{ value: 'me', text: 'Me' }, { value: 'none', text: 'Nobody' }, ...ownersSeenBy(scope, options.owners, deps).map((o) => ({ value: ownerKey(o), text: o }))],
      },
      sortLink: `/cases?${new URLSearchParams([...params, ['sort', filter.sort === 'due' ? '-due' : 'due']])}`,
      queueLabel: QUEUE_LABELS[filter.queue], today: scope.today,
    });
  });
}
