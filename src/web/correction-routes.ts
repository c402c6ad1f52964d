// Correcting how a case was read, from the case page: the same core as `foi-intake case correct`
// (correctCase: lock → correct → save the analysis, an `analysis_corrected` event and the labelled
// examples, in one transaction), attributed to the signed-in officer and recorded in the console's
// audit. An undo is a new correction, the inverse kept with the event, attributed in the same way.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCorrectionStore } from '../adapters/db/correction-store.js';
import { recordAudit, type ConsoleCase } from '../adapters/db/console-case-queries.js';
import type { RequestAnalysis } from '../domain/request-analysis.js';
import { isAppError } from '../errors.js';
import type { CaseCorrection } from '../pipeline/case/correct-analysis.js';
import { correctCase, type CorrectionOutcome } from '../pipeline/case/correct-case.js';
import { correctionsOf, renderCasePage, topicsOf, typedValues, visibleCase } from './case-page.js';
import { correctionFromForm, expectedCorrectionOf, fieldOfCorrection, type CorrectionBody } from './correction-form.js';
import type { ConsoleDeps } from './server.js';

type Params = { Params: { reference: string } };

const STALE = 'Someone else corrected this case since you loaded the page. Nothing was changed: check the reading and try again.';

function doneText(outcome: CorrectionOutcome, undo: boolean): string {
  const kindMoved = outcome.flags.includes('kind_corrected') && outcome.changes.some((c) => c.startsWith('kind:'));
  // A kind under another regime never moves the deadline by itself (correct-analysis.ts): say so.
  const clock = kindMoved ? ' The deadline was not moved: check it against the new kind (see the flags).' : '';
  return `${undo ? 'Correction undone' : 'Reading corrected'}: ${outcome.changes.join('; ')}.${clock}`;
}

async function applyCorrection(
  deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply, found: ConsoleCase,
  correction: CaseCorrection, context: { expected: number | null | undefined; undoes?: number; form: string; field: string; values: Record<string, string> },
): Promise<FastifyReply> {
  const actor = request.user!.identity;
  try {
    const outcome = await correctCase(createCorrectionStore(deps.db), found.row.reference, correction, {
      now: (deps.now ?? (() => new Date()))(), topics: topicsOf(deps), actor, expectedLastCorrection: context.expected,
      ...(context.undoes !== undefined ? { undoes: context.undoes } : {}),
    });
    await recordAudit(deps.db, {
      actor, caseId: found.row.id, action: context.undoes !== undefined ? 'undo_correction' : 'correct_reading',
      details: { changes: outcome.changes, examples: outcome.examples, ...(context.undoes !== undefined ? { undoes: context.undoes } : {}) },
    });
    request.session.set('flash', { kind: 'success', text: doneText(outcome, context.undoes !== undefined) });
  } catch (error) {
    if (!isAppError(error) || (error.code !== 'case.changed' && error.code !== 'cli.invalid_argument')) throw error;
    if (error.code === 'case.changed') request.session.set('flash', { kind: 'error', text: STALE });
    // The core refused (a question gone, a topic not in the taxonomy): nothing was stored.
    else return renderCasePage(deps, request, reply, found, { form: context.form, errors: [{ field: context.field, text: error.message }], values: context.values });
  }
  return reply.redirect(`/cases/${encodeURIComponent(found.row.reference)}#reading`, 303);
}

export function addCorrectionRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.post<Params & { Body: CorrectionBody }>('/cases/:reference/corrections', async (request, reply) => {
    const found = await visibleCase(deps, request, reply);
    if (!found) return reply;
    const body = request.body ?? {};
    const values = typedValues(body);
    const form = `correct-${body.correction ?? ''}`;
    const analysis = found.row.analysis as RequestAnalysis;
    const read = correctionFromForm(body, {
      kind: found.row.kind, citesSection16: analysis.citesSection16 ?? false, publicInterestArgument: analysis.publicInterestArgument ?? false,
      questions: found.questions, topics: topicsOf(deps),
    });
    if ('errors' in read) return renderCasePage(deps, request, reply, found, { form, errors: read.errors, values });
    return applyCorrection(deps, request, reply, found, read.correction, { expected: expectedCorrectionOf(body), form, field: fieldOfCorrection(body.correction), values });
  });

  // Only the latest correction is offered for undo: its inverse names questions as they stand now.
  app.post<{ Params: { reference: string; id: string }; Body: CorrectionBody }>('/cases/:reference/corrections/:id/undo', async (request, reply) => {
    const found = await visibleCase(deps, request, reply);
    if (!found) return reply;
    const latest = correctionsOf(found)[0];
    const id = Number(request.params.id);
    if (!latest || latest.id !== id) {
      request.session.set('flash', { kind: 'error', text: latest?.id && id < latest.id ? STALE : 'That correction cannot be undone here.' });
      return reply.redirect(`/cases/${encodeURIComponent(found.row.reference)}#reading`, 303);
    }
    if (!latest.undo) {
      request.session.set('flash', { kind: 'error', text: 'That correction changed several things at once: correct the reading by hand instead.' });
      return reply.redirect(`/cases/${encodeURIComponent(found.row.reference)}#reading`, 303);
    }
    return applyCorrection(deps, request, reply, found, latest.undo, { expected: id, undoes: id, form: 'undo', field: 'corrections-made', values: {} });
  });
}
