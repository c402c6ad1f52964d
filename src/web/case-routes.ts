// One case: the request with its evidence highlighted, the questions with topics and confidence,
// flags, the due date and how the clock got there, the timeline, the raw messages; and the officers'
// actions, which go through the same decider as the CLI (actOnCase) and are recorded in the audit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { consoleCase, rawMessage, recordAudit, type ConsoleCase } from '../adapters/db/console-case-queries.js';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { isCaseStatus } from '../domain/case-status.js';
import type { RequestAnalysis } from '../domain/request-analysis.js';
import { isAppError } from '../errors.js';
import { actOnCase } from '../pipeline/case/act-on-case.js';
import { actionsAllowedFrom, type CaseAction } from '../pipeline/case/case-lifecycle.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { textForAnalysis } from '../pipeline/parse/text-for-analysis.js';
import { assignPanelOf } from './assign-routes.js';
import { highlightEvidence, type TextPiece } from './evidence-highlight.js';
import { maySee } from './roles.js';
import { page, type ConsoleDeps } from './server.js';

type ActionBody = Partial<Record<'action' | 'message' | 'extension' | 'reason' | 'expectedStatus' | 'expectedDue', string>>;

/** What the console offers, in the order it offers them; each maps to one lifecycle action. */
const OFFERED = ['seek_clarification', 'receive_clarification', 'extend', 'respond', 'close', 'withdraw', 'reopen'] as const;

export function actionFromForm(body: ActionBody): CaseAction | string {
  const reason = body.reason?.trim() || undefined;
  switch (body.action) {
    case 'seek_clarification': return body.message?.trim() ? { type: 'seek_clarification', cause: 'officer' } : 'Write the question to send to the requester.';
    case 'receive_clarification': return { type: 'receive_clarification', cause: 'officer' };
    case 'extend':
      if (body.extension !== 'pit' && body.extension !== 'complex') return 'Choose the kind of extension.';
      if (!reason) return 'Give the reason for the extension.';
      return { type: 'extend', extension: body.extension, reason, cause: 'officer' };
    case 'respond': case 'close': case 'withdraw': case 'reopen':
      return { type: body.action, reason, cause: 'officer' } as CaseAction;
    default: return 'Choose an action.';
  }
}

async function requestText(deps: ConsoleDeps, found: ConsoleCase): Promise<TextPiece[] | null> {
  const opening = found.inbound.find((m) => m.disposition === 'opened_case' && m.hasRaw) ?? found.inbound.find((m) => m.hasRaw);
  if (!opening) return null;
  const raw = await rawMessage(deps.db, found.row.id, opening.id);
  if (!raw) return null;
  const { text } = await textForAnalysis(await parseMail(raw));
  return highlightEvidence(text, found.row.analysis as RequestAnalysis);
}

function timelineOf(found: ConsoleCase) {
  const items = [
    ...found.events.map((e) => ({ at: e.at, title: e.event.replace(/_/g, ' '), text: `${e.fromStatus ?? '–'} → ${e.toStatus ?? '–'} (${e.cause})` })),
    ...found.inbound.map((m) => ({ at: m.internalDate, title: 'Message in', text: `${m.disposition.replace(/_/g, ' ')}, ${Math.ceil(m.sizeBytes / 1024)} KB`, download: m.hasRaw ? m.id : null })),
    ...found.sent.map((m) => ({ at: m.sentAt ?? m.createdAt, title: 'Message out', text: `${m.purpose.replace(/_/g, ' ')}: ${m.status}` })),
  ];
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function loadVisible(deps: ConsoleDeps, request: FastifyRequest<{ Params: { reference: string } }>, reply: FastifyReply) {
  const found = await consoleCase(deps.db, request.params.reference);
  // Another mailbox's case reads as absent: its existence is not disclosed.
  if (!found || !maySee(request.user!, found.row.mailbox)) {
    reply.callNotFound();
    return null;
  }
  return found;
}

export function addCaseRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const now = deps.now ?? (() => new Date());

  app.get<{ Params: { reference: string } }>('/cases/:reference', async (request, reply) => {
    const found = await loadVisible(deps, request, reply);
    if (!found) return reply;
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: found.row.id, action: 'view' });
    const analysis = found.row.analysis as RequestAnalysis;
    const status = found.row.status;
    return page(request, reply, 'case.njk', {
      c: found.row, analysis, pieces: await requestText(deps, found),
      questions: found.questions.map((q, i) => ({ ...q, confidence: analysis.questions?.[i]?.topicConfidence, lowConfidence: analysis.questions?.[i]?.lowConfidence })),
      timeline: timelineOf(found),
      actions: isCaseStatus(status) ? OFFERED.filter((a) => actionsAllowedFrom(status).includes(a)) : [],
      assign: assignPanelOf(request, found.row, deps.settings.topicTeams),
    });
  });

  app.get<{ Params: { reference: string; id: string } }>('/cases/:reference/messages/:id', async (request, reply) => {
    const found = await loadVisible(deps, request, reply);
    if (!found) return reply;
    const raw = /^\d+$/.test(request.params.id) ? await rawMessage(deps.db, found.row.id, Number(request.params.id)) : null;
    if (!raw) return reply.callNotFound();
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: found.row.id, action: 'download', details: { inboundId: Number(request.params.id) } });
    return reply.type('message/rfc822').header('content-disposition', `attachment; filename="${found.row.reference}-${request.params.id}.eml"`).send(raw);
  });

  app.post<{ Params: { reference: string }; Body: ActionBody }>('/cases/:reference/actions', async (request, reply) => {
    const found = await loadVisible(deps, request, reply);
    if (!found) return reply;
    const body = request.body ?? {};
    const action = actionFromForm(body);
    const back = `/cases/${encodeURIComponent(found.row.reference)}`;
    if (typeof action === 'string') {
      request.session.set('flash', { kind: 'error', text: action });
      return reply.redirect(back, 303);
    }
    try {
      const outcome = await actOnCase(deps.stores.cases, found.row.reference, action, {
        now: now(), notify: deps.notify, message: body.message, context: { extraHolidays: await loadExtraHolidays(deps.db) },
        expected: { status: body.expectedStatus ?? '', dueDate: body.expectedDue || null },
      });
      await recordAudit(deps.db, { actor: request.user!.identity, caseId: found.row.id, action: action.type, details: { status: outcome.status, dueDate: outcome.dueDate } });
      request.session.set('flash', { kind: 'success', text: `Done: the case is now ${outcome.status.replace(/_/g, ' ')}${outcome.dueDate ? `, due ${outcome.dueDate}` : ''}.` });
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'case.changed' && error.code !== 'cli.invalid_argument')) throw error;
      const text = error.code === 'case.changed' ? 'Someone else changed this case since you loaded the page. Nothing was changed: check it and try again.' : error.message;
      request.session.set('flash', { kind: 'error', text });
    }
    return reply.redirect(back, 303);
  });
}
