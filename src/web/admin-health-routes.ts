// Each mailbox's health, from the rows behind `/metrics` and `/healthz` (the console may run apart from
// the daemon, so it reads the database, not the daemon's counters): last poll and who holds the lease,
// messages held for an officer, preparations started and failing, and the outbox queued and failed.
import type { FastifyInstance } from 'fastify';
import { mailboxHealth, recentHeldMessages } from '../adapters/db/admin-queries.js';
import { nowOf } from './admin-options.js';
import { page, type ConsoleDeps } from './server.js';

/** A poll older than this means the daemon is not reading the mailbox (its polling fallback runs far more often). */
const STALE_POLL_MS = 15 * 60 * 1000;

export function addAdminHealthRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/admin/health', async (request, reply) => {
    const now = nowOf(deps);
    const [health, held] = await Promise.all([mailboxHealth(deps.db, now), recentHeldMessages(deps.db)]);
    const mailboxes = health.mailboxes.map((m) => ({
      ...m,
      stale: m.lastPollAt === null || now.getTime() - m.lastPollAt.getTime() > STALE_POLL_MS,
      leased: m.leaseUntil !== null && m.leaseUntil.getTime() > now.getTime(),
    }));
    return page(request, reply, 'admin/health.njk', { mailboxes, outbox: health.outbox, held });
  });
}
