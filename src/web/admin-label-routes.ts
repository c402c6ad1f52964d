// The label queue: questions whose topic the analysis was unsure of. The admin names the right topic;
// that is a topic correction through the same core as `case correct` (one decider), so the case is read
// again and the question becomes a labelled example for the next candidate. Attributed in the audit.
import type { FastifyInstance } from 'fastify';
import { caseIdOf, questionsToLabel } from '../adapters/db/admin-queries.js';
import { recordAudit } from '../adapters/db/console-case-queries.js';
import { createCorrectionStore } from '../adapters/db/correction-store.js';
import { correctCase } from '../pipeline/case/correct-case.js';
import { analysisSettingsOf, done, nowOf, usageMessage } from './admin-options.js';
import { page, type ConsoleDeps } from './server.js';

type LabelBody = Partial<Record<'reference' | 'question' | 'topic', string>>;

export function addAdminLabelRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/admin/labels', async (request, reply) => {
    const [queue, settings] = [await questionsToLabel(deps.db), analysisSettingsOf(deps)];
    return page(request, reply, 'admin/labels.njk', { queue, topics: settings.topics });
  });

  app.post<{ Body: LabelBody }>('/admin/labels', async (request, reply) => {
    const { reference = '', question = '', topic = '' } = request.body ?? {};
    const { topics } = analysisSettingsOf(deps);
    if (!topics.includes(topic)) return done(request, reply, '/admin/labels', `Choose one of the listed topics for question ${question} of ${reference}.`, 'error');
    try {
      const outcome = await correctCase(createCorrectionStore(deps.db), reference, { topics: [{ question, topic }] }, { now: nowOf(deps), topics, actor: request.user!.identity });
      const caseId = await caseIdOf(deps.db, reference);
      await recordAudit(deps.db, { actor: request.user!.identity, caseId, action: 'correct', details: { reference, changes: outcome.changes, examples: outcome.examples } });
      return done(request, reply, '/admin/labels', `Question ${question} of ${reference} is now labelled ${topic.replace(/_/g, ' ')}; it will be used when the next candidate is trained.`);
    } catch (error) {
      return done(request, reply, '/admin/labels', usageMessage(error), 'error');
    }
  });
}
