// The admins' pages. For now: who may use the console and the configured mailboxes' console officers.
import type { FastifyInstance } from 'fastify';
import { page, type ConsoleDeps } from './server.js';

export function addAdminRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/admin', async (request, reply) => page(request, reply, 'admin.njk', {
    admins: deps.settings.admins, officers: deps.settings.officers, mailboxOfficers: Object.entries(deps.settings.mailboxOfficers),
  }));
}
