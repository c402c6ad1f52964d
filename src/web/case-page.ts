// What the case page shows, gathered in one place so that a form refused with errors re-renders the
// same page with what the officer typed (the GOV.UK pattern: error summary at the top, nothing lost).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { consoleCase, linkedCases, rawMessage, type ConsoleCase, type LinkedCase } from '../adapters/db/console-case-queries.js';
import { isCaseStatus } from '../domain/case-status.js';
import { DEFAULT_TOPICS, REQUEST_KINDS, type RequestAnalysis } from '../domain/request-analysis.js';
import type { CaseCorrection } from '../pipeline/case/correct-analysis.js';
import { actionsAllowedFrom } from '../pipeline/case/case-lifecycle.js';
import { questionLabel } from '../pipeline/case/correction-undo.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { textForAnalysis } from '../pipeline/parse/text-for-analysis.js';
import { assignPanelOf } from './assign-routes.js';
import { OFFERED, OUTCOME_CHOICES, type FormError } from './case-action-form.js';
import { highlightEvidence, type TextPiece } from './evidence-highlight.js';
import { maySee } from './roles.js';
import { page, type ConsoleDeps } from './server.js';

/** What was typed into a form, without its CSRF token, to put back when the form is refused. */
export function typedValues(body: object): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;
}

/** A form refused: which one, its errors, and what was typed. */
export interface RefusedForm {
  form: string;
  errors: FormError[];
  values: Record<string, string>;
}

export interface CorrectionMade {
  id: number;
  at: Date;
  by: string | null;
  changes: string[];
  undo: CaseCorrection | null;
  undoes: number | null;
}

const RELATION_WORDS: Record<LinkedCase['relation'], string> = {
  review_of: 'Internal review of', reviewed_in: 'Reviewed in', quotes: 'Quotes (sent by someone who may not act on it)',
  quoted_by: 'Quoted by someone else', campaign: 'Same request from another requester (campaign)', duplicate: 'Holds a copy of one of its messages',
};

export function topicsOf(deps: ConsoleDeps): readonly string[] {
  return deps.topics ?? DEFAULT_TOPICS;
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
    ...found.events.map((e) => {
      const by = (e.details as { by?: unknown }).by;
      return { at: e.at, title: e.event.replace(/_/g, ' '), text: `${e.fromStatus ?? '–'} → ${e.toStatus ?? '–'} (${e.cause}${typeof by === 'string' ? `, ${by}` : ''})` };
    }),
    ...found.inbound.map((m) => ({ at: m.internalDate, title: 'Message in', text: `${m.disposition.replace(/_/g, ' ')}, ${Math.ceil(m.sizeBytes / 1024)} KB`, download: m.hasRaw ? m.id : null })),
    ...found.sent.map((m) => ({ at: m.sentAt ?? m.createdAt, title: 'Message out', text: `${m.purpose.replace(/_/g, ' ')}: ${m.status}` })),
  ];
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The corrections made to the reading, newest first, from the case's `analysis_corrected` events. */
export function correctionsOf(found: ConsoleCase): CorrectionMade[] {
  return found.events.filter((e) => e.event === 'analysis_corrected').map((e) => {
    const d = e.details as { changes?: string[]; by?: string; undo?: CaseCorrection | null; undoes?: number };
    return { id: e.id, at: e.at, by: d.by ?? null, changes: d.changes ?? [], undo: d.undo ?? null, undoes: d.undoes ?? null };
  }).reverse();
}

/**
 * The actions the lifecycle allows from the case's status; a response recorded without its outcome (by
 * `case respond` alone, or imported) can still be given one, as `case respond --outcome` completes it.
 */
function actionsFor(found: ConsoleCase): string[] {
  const { status, outcome } = found.row;
  const allowed: string[] = isCaseStatus(status) ? OFFERED.filter((a) => actionsAllowedFrom(status).includes(a)) : [];
  return status === 'responded' && outcome === null && !allowed.includes('respond') ? ['respond', ...allowed] : allowed;
}

type Choice = { value: string; text: string };

/** A select's items: a blank first (nothing chosen by default), the choice kept when a form comes back with errors. */
function items(choices: readonly Choice[], selected: string | undefined, blank: string) {
  return [{ value: '', text: blank }, ...choices.map((c) => ({ ...c, selected: c.value === selected }))];
}

function selectsOf(deps: ConsoleDeps, found: ConsoleCase, refused?: RefusedForm) {
  const typed = (form: string, field: string) => (refused?.form === form ? refused.values[field] : undefined);
  const questions = found.questions.map((q, i) => ({ value: questionLabel(found.questions, i), text: `${questionLabel(found.questions, i)}: ${q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}` }));
  const words = (list: readonly string[]) => list.map((v) => ({ value: v, text: v.replace(/_/g, ' ') }));
  return {
    kind: items(words(REQUEST_KINDS), typed('correct-kind', 'kind') ?? found.row.kind, 'Choose a kind'),
    topicQuestion: items(questions, typed('correct-topic', 'question'), 'Choose a question'),
    topic: items(words(topicsOf(deps)), typed('correct-topic', 'topic'), 'Choose a topic'),
    splitQuestion: items(questions, typed('correct-split', 'question'), 'Choose a question'),
    mergeFirst: items(questions, typed('correct-merge', 'first'), 'Choose a question'),
    mergeSecond: items(questions, typed('correct-merge', 'second'), 'Choose a question'),
    editQuestion: items(questions, typed('correct-edit', 'question'), 'Choose a question'),
  };
}

export async function renderCasePage(
  deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply, found: ConsoleCase, refused?: RefusedForm,
): Promise<FastifyReply> {
  const analysis = found.row.analysis as RequestAnalysis;
  const corrections = correctionsOf(found);
  const linked = (await linkedCases(deps.db, found.row)).filter((c) => maySee(request.user!, c.mailbox));
  const errors = Object.fromEntries((refused?.errors ?? []).map((e) => [e.field, e.text]));
  if (refused) reply.code(400);
  return page(request, reply, 'case.njk', {
    c: found.row, analysis, pieces: await requestText(deps, found),
    questions: found.questions.map((q, i) => ({
      ...q, label: questionLabel(found.questions, i), confidence: analysis.questions?.[i]?.topicConfidence, lowConfidence: analysis.questions?.[i]?.lowConfidence,
    })),
    timeline: timelineOf(found),
    actions: actionsFor(found),
    outcomeChoices: OUTCOME_CHOICES,
    selects: selectsOf(deps, found, refused),
    corrections, lastCorrectionId: corrections[0]?.id ?? '',
    linked: linked.map((c) => ({ ...c, relationText: RELATION_WORDS[c.relation] })),
    refused: refused ? { form: refused.form, values: refused.values } : null,
    errors, errorList: (refused?.errors ?? []).map((e) => ({ text: e.text, href: `#${e.field}` })),
    assign: assignPanelOf(found.row, deps.settings.topicTeams, refused),
  });
}

/** The case the URL names, if the signed-in user may see it; another mailbox's case reads as absent. */
export async function visibleCase(deps: ConsoleDeps, request: FastifyRequest<{ Params: { reference: string } }>, reply: FastifyReply): Promise<ConsoleCase | null> {
  const found = await consoleCase(deps.db, request.params.reference);
  if (!found || !maySee(request.user!, found.row.mailbox)) {
    reply.callNotFound();
    return null;
  }
  return found;
}
