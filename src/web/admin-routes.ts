// The admins' pages (the server answers 403 to anyone else on /admin*): a home linking to each section,
// and the sections, one route file each: models, labels, settings, templates, holidays, mailbox health.
import type { FastifyInstance } from 'fastify';
import { addAdminHealthRoutes } from './admin-health-routes.js';
import { addAdminHolidayRoutes } from './admin-holiday-routes.js';
import { addAdminLabelRoutes } from './admin-label-routes.js';
import { addAdminModelRoutes } from './admin-model-routes.js';
import { addAdminSettingsRoutes } from './admin-settings-routes.js';
import { addAdminTemplateRoutes } from './admin-template-routes.js';
import { page, type ConsoleDeps } from './server.js';

export const ADMIN_SECTIONS = [
  { href: '/admin/models', title: 'Classifier models', text: 'Figures of every version, train a candidate, compare, activate or roll back.' },
  { href: '/admin/labels', title: 'Label queue', text: 'Questions the classifier was unsure of: name their topic.' },
  { href: '/admin/settings', title: 'Thresholds and detector phrases', text: 'What the analysis counts as confident, and extra phrases it looks for.' },
  { href: '/admin/templates', title: 'Template preview', text: 'The acknowledgement, officer summary and response letter for a real case.' },
  { href: '/admin/holidays', title: 'Bank holidays', text: 'The built-in calendar and the days admins add.' },
  { href: '/admin/health', title: 'Mailbox health', text: 'Last poll, backlog, errors, held messages and the outbox.' },
] as const;

export function addAdminRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/admin', async (request, reply) => page(request, reply, 'admin.njk', {
    sections: ADMIN_SECTIONS, admins: deps.settings.admins, officers: deps.settings.officers, mailboxOfficers: Object.entries(deps.settings.mailboxOfficers),
  }));
  addAdminModelRoutes(app, deps);
  addAdminLabelRoutes(app, deps);
  addAdminSettingsRoutes(app, deps);
  addAdminTemplateRoutes(app, deps);
  addAdminHolidayRoutes(app, deps);
  addAdminHealthRoutes(app, deps);
}
