// compose-response.ts: the response or refusal notice to the requester, rendered from prompts/response.txt or
// prompts/refusal-notice.txt. A refusal must name each provision and why it applies (FOIA s.17(1); FOISA
// s.16(1); EIR reg 14(3)), give the public interest reasons for a qualified one (FOIA s.17(3); FOISA s.16(2);
// EIR reg 14(3)(b)), and state the rights of review and complaint (FOIA s.17(7); FOISA s.19; EIR reg 14(5)).
import Mustache from 'mustache';
import { AppError } from '../../errors.js';
import { computeDeadline, formatLongDate, type ExtraHoliday, type IsoDate, type Jurisdiction } from '../../clock/index.js';
import type { Regime } from '../../domain/foi-case.js';
import { provisionRegimeOf, type Provision } from '../case/outcome/provisions.js';
import { OUTCOME_LABELS, type Outcome, type QuestionOutcome } from '../case/outcome/outcome-types.js';
import { acknowledgementSubject, echoToRequester, REQUESTER_ECHO } from './compose-messages.js';
import { questionLabel } from './question-label.js';

export const RESPONSE_TEMPLATE_NAMES = ['response.txt', 'refusal-notice.txt', 'response-rights.txt'] as const;
export type ResponseTemplateName = (typeof RESPONSE_TEMPLATE_NAMES)[number];

export interface ResponseInput {
  reference: string;
  subject: string;
  regime: Regime;
  jurisdiction: Jurisdiction;
  requesterName: string | null;
  receivedDate: IsoDate;
  /** The due date in force, for the apology when late and for the FOISA review window. */
  dueDate: IsoDate | null;
  respondedOn: IsoDate;
  outcome: Outcome;
  provisions: readonly Provision[];
  questions?: ReadonlyArray<{ number: string | null; text: string }>;
  questionOutcomes?: readonly QuestionOutcome[];
  authorityName: string;
  extraHolidays?: readonly ExtraHoliday[];
}

const REGIME_NAMES = {
  foi: 'the Freedom of Information Act 2000', eir: 'the Environmental Information Regulations 2004',
  foisa: 'the Freedom of Information (Scotland) Act 2002', eisr: 'the Environmental Information (Scotland) Regulations 2004',
} as const;

const OUTCOME_SENTENCES: Readonly<Record<Outcome, string>> = {
  granted: 'We hold the information you asked for, and we are providing all of it.',
  part_granted: 'We hold the information you asked for. We are providing some of it, and withholding the rest for the reasons below.',
  refused: 'We hold information within the scope of your request, but we are withholding it for the reasons below.',
  not_held: 'We have searched for the information you asked for, and we do not hold it.',
  part_not_held: 'We are providing the information we hold. We do not hold the rest of what you asked for.',
};

// FOIA/EIR/EISR: 40 working days from the response. FOISA s.20(5): 40 working days after the s.10 deadline
// expired or, for a response after it, after the response was received, so an early answer does not shorten the window.
function reviewBy(input: ResponseInput, own: 'foi' | 'eir' | 'foisa' | 'eisr'): IsoDate {
  const from = own === 'foisa' && input.dueDate !== null && input.dueDate > input.respondedOn ? input.dueDate : input.respondedOn;
  // Two 20-working-day counts make 40, on the regime's own calendar (UK-wide for FOIA/EIR, Scottish for FOISA/EISR).
  const calendarRegime = own === 'foisa' || own === 'eisr' ? 'foisa' : 'foi';
  const twenty = computeDeadline({ regime: calendarRegime, received: from, jurisdiction: input.jurisdiction, extraHolidays: input.extraHolidays }).dueDate;
  return computeDeadline({ regime: calendarRegime, received: twenty, jurisdiction: input.jurisdiction, extraHolidays: input.extraHolidays }).dueDate;
}

function provisionView(p: Provision) {
  const kindWord = p.kind === 'exception' ? 'exception' : p.kind === 'procedural' ? 'provision' : 'exemption';
  return { code: p.code, citation: p.citation.charAt(0).toUpperCase() + p.citation.slice(1), title: p.title, kindWord,
    isQualified: p.test === 'qualified', isAbsolute: p.test === 'absolute', isNcnd: p.ncnd };
}

function questionsView(input: ResponseInput) {
  const outcomes = input.questionOutcomes ?? [];
  return (input.questions ?? []).map((q, i) => {
    const label = questionLabel(q.number, i);
    const decided = outcomes.find((o) => o.question === (q.number ?? String(i + 1)));
    return { label, text: echoToRequester(q.text, REQUESTER_ECHO.questionChars), outcomeLabel: decided ? OUTCOME_LABELS[decided.outcome] : '', provisionList: decided?.provisions.join(', ') ?? '' };
  }).filter((q) => q.outcomeLabel !== '');
}

const render = (template: string, view: object) => Mustache.render(template, view, {}, { escape: (v: unknown) => String(v) }).replace(/\n{3,}/g, '\n\n');

/** The view every response template is rendered with (documented in prompts/README.md). */
export function responseView(input: ResponseInput) {
  const own = provisionRegimeOf(input.regime) ?? 'foi';
  const questions = questionsView(input);
  const provisions = input.provisions.map(provisionView);
  return {
    // The requester's own words come back to them as every echo does: one line, bounded, no controls or links.
    reference: input.reference, subject: echoToRequester(input.subject, REQUESTER_ECHO.subjectChars),
    requesterGreeting: (input.requesterName === null ? '' : echoToRequester(input.requesterName, REQUESTER_ECHO.nameChars)) || 'Sir or Madam',
    authorityName: input.authorityName, receivedLong: formatLongDate(input.receivedDate), respondedLong: formatLongDate(input.respondedOn),
    dueLong: input.dueDate ? formatLongDate(input.dueDate) : '', late: input.dueDate !== null && input.respondedOn > input.dueDate,
    regimeName: REGIME_NAMES[own], outcome: input.outcome, outcomeLabel: OUTCOME_LABELS[input.outcome], outcomeSentence: OUTCOME_SENTENCES[input.outcome],
    questions, hasQuestions: questions.length > 0, provisions, hasProvisions: provisions.length > 0,
    hasQualified: provisions.some((p) => p.isQualified), isNcnd: provisions.some((p) => p.isNcnd),
    refusalHeading: own === 'eir' || own === 'eisr' ? 'The exceptions we have applied' : 'The exemptions we have applied',
    isFoia: own === 'foi', isEir: own === 'eir', isFoisa: own === 'foisa', isEisr: own === 'eisr', isIco: own === 'foi' || own === 'eir',
    reviewByLong: formatLongDate(reviewBy(input, own)),
  };
}

/** The response's subject and text: the refusal notice when any provision was applied, else the plain response. */
export function composeResponse(
  input: ResponseInput, templates: ReadonlyMap<ResponseTemplateName, string>,
): { template: 'response.txt' | 'refusal-notice.txt'; subject: string; text: string } {
  const name = input.provisions.length > 0 ? 'refusal-notice.txt' : 'response.txt';
  const get = (n: ResponseTemplateName) => {
    const t = templates.get(n);
    if (t === undefined) throw new AppError('template.missing', `template ${n} not loaded`);
    return t;
  };
  const view = responseView(input);
  const rightsText = render(get('response-rights.txt'), view).trim();
  return { template: name, subject: acknowledgementSubject(input.subject, input.reference), text: render(get(name), { ...view, rightsText }) };
}

