// One case: the request with its evidence highlighted, the questions with topics and confidence,
// flags, the due date and how the clock got there, the linked cases, the timeline, the raw messages;
// and the officers' actions, which go through the same decider as the CLI (actOnCase) and are recorded
// in the audit. Corrections of the reading are in correction-routes.ts.
import type { FastifyInstance } from 'fastify';
import { rawMessage, recordAudit } from '../adapters/db/console-case-queries.js';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { isAppError } from '../errors.js';
import { actOnCase, type CaseActionOutcome } from '../pipeline/case/act-on-case.js';
import { actionFromForm, fieldOfRefusal, type ActionBody } from './case-action-form.js';
import { renderCasePage, typedValues, visibleCase } from './case-page.js';
import { addCorrectionRoutes } from './correction-routes.js';
import type { ConsoleDeps } from './server.js';

type Params = { Params: { reference: string } };

function doneText(outcome: CaseActionOutcome): string {
  const recorded = outcome.recorded
    ? ` Outcome recorded: ${outcome.recorded.outcome.replace(/_/g, ' ')}${outcome.recorded.exemptions.length ? ` (${outcome.recorded.exemptions.join(', ')})` : ''}, sent ${outcome.recorded.respondedOn}${outcome.recorded.onTime ? ', in time' : `, ${outcome.recorded.workingDaysLate} working day(s) late`}.`
    : '';
  const warnings = outcome.warnings?.length ? ` Note: ${outcome.warnings.join(' ')}` : '';
  return `Done: the case is now ${outcome.status.replace(/_/g, ' ')}${outcome.dueDate ? `, due ${outcome.dueDate}` : ''}.${recorded}${warnings}`;
}

export function addCaseRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const now = deps.now ?? (() => new Date());

  app.get<Params>('/cases/:reference', async (request, reply) => {
    const found = await visibleCase(deps, request, reply);
    if (!found) return reply;
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: found.row.id, action: 'view' });
    return renderCasePage(deps, request, reply, found);
  });

  app.get<{ Params: { reference: string; id: string } }>('/cases/:reference/messages/:id', async (request, reply) => {
    const found = await visibleCase(deps, request, reply);
    if (!found) return reply;
    const raw = /^\d+$/.test(request.params.id) ? await rawMessage(deps.db, found.row.id, Number(request.params.id)) : null;
    if (!raw) return reply.callNotFound();
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: found.row.id, action: 'download', details: { inboundId: Number(request.params.id) } });
    return reply.type('message/rfc822').header('content-disposition', `attachment; filename="${found.row.reference}-${request.params.id}.eml"`).send(raw);
  });

  app.post<Params & { Body: ActionBody }>('/cases/:reference/actions', async (request, reply) => {
    const found = await visibleCase(deps, request, reply);
    if (!found) return reply;
    const body = request.body ?? {};
    const form = `action-${body.action ?? ''}`;
    const read = actionFromForm(body);
    if ('errors' in read) return renderCasePage(deps, request, reply, found, { form, errors: read.errors, values: typedValues(body) });
    try {
      const outcome = await actOnCase(deps.stores.cases, found.row.reference, read.action, {
        now: now(), notify: deps.notify, message: body.message, context: { extraHolidays: await loadExtraHolidays(deps.db) },
        expected: { status: body.expectedStatus ?? '', dueDate: body.expectedDue || null },
      });
      await recordAudit(deps.db, {
        actor: request.user!.identity, caseId: found.row.id, action: body.action!,
        details: { status: outcome.status, dueDate: outcome.dueDate, ...(outcome.recorded ? { outcome: outcome.recorded.outcome, exemptions: outcome.recorded.exemptions } : {}) },
      });
      request.session.set('flash', { kind: 'success', text: doneText(outcome) });
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'case.changed' && error.code !== 'cli.invalid_argument')) throw error;
      if (error.code === 'case.changed') {
        request.session.set('flash', { kind: 'error', text: 'Someone else changed this case since you loaded the page. Nothing was changed: check it and try again.' });
      } else {
        // The decider refused (an unknown provision, an extension not available): nothing was recorded.
        const text = error.message.replace(`${found.row.reference}: `, '');
        return renderCasePage(deps, request, reply, found, { form, errors: [{ field: fieldOfRefusal(body.action, text), text }], values: typedValues(body) });
      }
    }
    return reply.redirect(`/cases/${encodeURIComponent(found.row.reference)}`, 303);
  });

  addCorrectionRoutes(app, deps);
}
