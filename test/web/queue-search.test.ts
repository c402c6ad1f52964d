// The queue read side on the console's seeded cases: search answers the same whether its hits are fetched
// by id (few) or kept while walking the due dates (many), with the total counted in the same statement;
// the counts agree with the listings; the filter values come without scanning the cases.
import { describe, expect, it } from 'vitest';
import { filterOptions, listQueue, queueCounts, QUEUES, type QueueFilter, type QueueScope } from '../../src/adapters/db/console-queue-queries.js';
import { useTestServers } from '../harness/test-runtime.js';
import { OFFICER, seedCases } from './console-harness.js';

const servers = useTestServers();
const scope: QueueScope = { today: '2017-06-12', soon: '2017-06-19', actor: OFFICER, mailboxes: null };
const base: QueueFilter = { queue: 'open', sort: 'due', limit: 100 };

describe('queue queries', () => {
  it('search gives the same cases and totals by either path, and the counts match the listings', async () => {
    await seedCases(servers.db, servers.mailbox, servers.smtp.url);
    const db = servers.db.db;
    for (const search of ['cyber security', 'air quality', 'information', 'nothing-matches-this']) {
      for (const queue of ['open', 'new', 'overdue'] as const) {
        const byId = await listQueue(db, scope, { ...base, queue, search });
        const walking = await listQueue(db, scope, { ...base, queue, search }, 0);
        expect(walking, `${search} in ${queue}`).toEqual(byId);
        expect(byId.total, `${search} in ${queue}`).toBe(byId.rows.length);
        expect(byId.more).toBe(false);
      }
    }
    const security = await listQueue(db, scope, { ...base, search: 'cyber security', sort: '-due' }, 0);
    expect(security.rows.map((r) => r.reference)).toEqual(['FOI-2017-00001']);

    const counts = await queueCounts(db, scope);
    for (const queue of QUEUES) {
      const listing = await listQueue(db, scope, { ...base, queue });
      expect(listing.total, queue).toBeNull();
      expect(listing.rows.length, queue).toBe(counts[queue]);
    }
    expect(counts.open).toBe(3);
    const eirOnly = await queueCounts(db, { ...scope, mailboxes: ['eir'] });
    expect(eirOnly.open).toBe((await listQueue(db, { ...scope, mailboxes: ['eir'] }, base)).rows.length);

    expect(await filterOptions(db, scope)).toMatchObject({ kinds: expect.arrayContaining(['foi', 'eir', 'sar']), owners: [], teams: [] });
    expect((await filterOptions(db, scope)).mailboxes.length).toBeGreaterThan(0);
    expect((await filterOptions(db, { ...scope, mailboxes: ['eir'] })).mailboxes).toEqual(['eir']);
  });
});
