// decide-response.ts: `case respond REF --outcome O [--exemption E]... [--on DATE]`: checks the outcome and
// provisions against the case's regime and status, and says whether the response was late, by how many
// working days (FOIA s.10(1); EIR reg 5(2); FOISA s.10(1); EISR reg 5(2)). Pure: `now` is passed in.
import { workingDaysBetween, type ExtraHoliday, type IsoDate } from '../../../clock/index.js';
import type { Regime } from '../../../domain/foi-case.js';
import { checkOutcomeProvisions, deriveCaseOutcome } from './derive-outcome.js';
import { officerDate } from './outcome-dates.js';
import { resolveProvisions, type Provision } from './provisions.js';
import {
  OUTCOMES, isOutcome, reject,
  type Outcome, type OutcomeCase, type OutcomeRejection, type QuestionOutcome,
} from './outcome-types.js';

export interface RespondInput {
  /** Optional when `questions` are given: the case's outcome then follows from theirs. */
  outcome?: string;
  provisions?: readonly string[];
  /** The day the response was sent (default: today in London). */
  respondedOn?: string | Date;
  questions?: ReadonlyArray<{ question: string; outcome: string; provisions?: readonly string[] }>;
  /** Correcting a response already recorded. */
  amend?: boolean;
}

export interface RecordedResponse {
  outcome: Outcome;
  provisions: Provision[];
  questionOutcomes: QuestionOutcome[];
  respondedOn: IsoDate;
  /** The due date the response is judged against (null: no deadline was running). */
  dueDate: IsoDate | null;
  onTime: boolean;
  workingDaysLate: number;
  /** A qualified provision was applied: the notice must give the public interest reasons (FOIA s.17(3)). */
  publicInterestTest: boolean;
  /** Things the officer should know that do not stop the record. */
  warnings: string[];
}

export interface OutcomeContext {
  extraHolidays?: readonly ExtraHoliday[];
}

const RESPONDABLE_KINDS = new Set(['foi', 'eir', 'sar']);

function checkCase(foiCase: OutcomeCase, amend: boolean): OutcomeRejection | null {
  if (!RESPONDABLE_KINDS.has(foiCase.kind) || foiCase.regime === null) {
    return reject('outcome.not_a_request', `${foiCase.reference} is ${foiCase.kind.replace('_', ' ')} correspondence, not a request: it has no outcome` +
      (foiCase.kind === 'internal_review' ? ' (record the review\'s with case review-outcome)' : ''));
  }
  if (foiCase.status === 'withdrawn') return reject('outcome.case_withdrawn', `${foiCase.reference} was withdrawn: a withdrawn request has no outcome (reopen it first if it was answered)`);
  if (foiCase.respondedOn !== null && !amend) {
    return reject('outcome.already_responded', `${foiCase.reference} already has a response recorded on ${foiCase.respondedOn} (${foiCase.outcome ?? 'no outcome'}): correct it explicitly`);
  }
  if (foiCase.status === 'closed' && foiCase.respondedOn === null) {
    return reject('outcome.case_closed', `${foiCase.reference} was closed without a response: reopen it first`);
  }
  return null;
}

function resolveQuestion(q: { question: string; outcome: string; provisions?: readonly string[] }, regime: Regime): { value: QuestionOutcome; provisions: Provision[] } | OutcomeRejection {
  if (!isOutcome(q.outcome)) return reject('outcome.invalid_outcome', `question ${q.question}: '${q.outcome}' is not one of ${OUTCOMES.join(', ')}`);
  const resolved = resolveProvisions(q.provisions ?? [], regime);
  if (!resolved.ok) return reject(resolved.code, `question ${q.question}: ${resolved.reason}`);
  const clash = checkOutcomeProvisions(q.outcome, resolved.provisions, `question ${q.question}: `);
  if (clash) return clash;
  return { value: { question: q.question, outcome: q.outcome, provisions: resolved.provisions.map((p) => p.code) }, provisions: resolved.provisions };
}

function resolveOutcome(input: RespondInput, regime: Regime): { outcome: Outcome; provisions: Provision[]; questions: QuestionOutcome[] } | OutcomeRejection {
  const questions: QuestionOutcome[] = [];
  const provisions: Provision[] = [];
  const add = (list: Provision[]) => { for (const p of list) if (!provisions.some((x) => x.code === p.code)) provisions.push(p); };
  const own = resolveProvisions(input.provisions ?? [], regime);
  if (!own.ok) return reject(own.code, own.reason);
  add(own.provisions);
  for (const q of input.questions ?? []) {
    const r = resolveQuestion(q, regime);
    if ('ok' in r) return r;
    questions.push(r.value);
    add(r.provisions);
  }
  const derived = deriveCaseOutcome(questions.map((q) => q.outcome));
  const given = input.outcome;
  if (given !== undefined && !isOutcome(given)) return reject('outcome.invalid_outcome', `'${given}' is not one of ${OUTCOMES.join(', ')}`);
  const outcome = given ?? derived;
  if (!outcome) return reject('outcome.invalid_outcome', `an outcome is needed: one of ${OUTCOMES.join(', ')}`);
  if (derived && derived !== outcome) {
    return reject('outcome.inconsistent_questions', `the questions' outcomes add up to ${derived}, not ${outcome}`);
  }
  const clash = checkOutcomeProvisions(outcome, provisions);
  return clash ?? { outcome, provisions, questions };
}

function warningsFor(foiCase: OutcomeCase, provisions: readonly Provision[], dueDate: IsoDate | null): string[] {
  const warnings: string[] = [];
  if (dueDate === null) warnings.push('no deadline was running (a clarification was awaited): the response counts as in time');
  if (foiCase.extension?.kind === 'pit' && provisions.length > 0 && !provisions.some((p) => p.test === 'qualified')) {
    warnings.push('a public interest extension is for weighing a qualified exemption (FOIA s.10(3)), but only absolute or procedural provisions were applied');
  }
  for (const p of provisions) if (p.note) warnings.push(`${p.code}: ${p.note}`);
  return warnings;
}

/** The response to record, or why it cannot be recorded. */
export function decideResponse(foiCase: OutcomeCase, input: RespondInput, now: Date, context: OutcomeContext = {}): { ok: true; response: RecordedResponse } | OutcomeRejection {
  const refused = checkCase(foiCase, input.amend === true);
  if (refused) return refused;
  const regime = foiCase.regime!;
  const resolved = resolveOutcome(input, regime);
  if ('ok' in resolved) return resolved;
  const respondedOn = officerDate(input.respondedOn, now, 'response date', foiCase.receivedDate, 'the date the request was received');
  if (typeof respondedOn !== 'string') return respondedOn;
  const dueDate = foiCase.dueDate;
  const workingDaysLate = dueDate === null ? 0 : workingDaysBetween(dueDate, respondedOn, regime, context.extraHolidays);
  return {
    ok: true,
    response: {
      outcome: resolved.outcome, provisions: resolved.provisions, questionOutcomes: resolved.questions, respondedOn, dueDate,
      onTime: dueDate === null || respondedOn <= dueDate, workingDaysLate,
      publicInterestTest: resolved.provisions.some((p) => p.test === 'qualified'),
      warnings: warningsFor(foiCase, resolved.provisions, dueDate),
    },
  };
}
