// Officers' actions on a case (`foi-intake case assign|clarify|extend|respond|close|withdraw|reopen|review-outcome|
// appeal|publish`, and the console's forms), the pattern every action on a case follows: lock the case →
// decide with the pure lifecycle or outcome deciders → save the change and queue its mail, in one
// transaction. Nothing is sent here; the outbox worker sends.
import { AppError } from '../../errors.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { singleMailbox } from '../notify/single-mailbox.js';
import { composeCaseUpdate, composeClarificationRequest, composeExtensionNotice, type CaseSnapshot } from '../notify/compose-case-updates.js';
import type { NotifySettings } from '../notify/compose-messages.js';
import { composeResponseMail, draftResponseLetter } from '../notify/compose-response-mail.js';
import type { NotifyDirectory } from '../notify/notify-directory.js';
import { decideAssignment, type AssignAction, type Assignment } from './assign-case.js';
import { applyCaseAction, type CaseAction, type LifecycleContext } from './case-lifecycle.js';
import type { CaseStore, CaseTransaction, LockedCase } from './case-store.js';
import { decideOutcomeAction, OUTCOME_ACTION_TYPES, type OutcomeAction, type OutcomeStep } from './outcome/decide-outcome-action.js';
import { outcomeCaseFromEvents } from './outcome/outcome-case.js';

/** Everything an officer can do to a case: a lifecycle move, recording what a response, review or appeal decided, or assigning it. */
export type OfficerAction = CaseAction | OutcomeAction | AssignAction;

export interface CaseActionOutcome {
  reference: string;
  status: string;
  dueDate: string | null;
  explain: string[];
  queued: string[];
  /** Things the officer should know that did not stop the record (outcome actions). */
  warnings?: string[];
  /** For `record_outcome`: what was recorded. */
  recorded?: { outcome: string; exemptions: string[]; respondedOn: string; onTime: boolean; workingDaysLate: number };
  /** For `record_outcome` with `draft`: the response letter to complete (nothing was saved). */
  letter?: string;
  /** For `assign`: who has the case now. */
  assigned?: Assignment;
}

export interface ActOptions {
  now: Date;
  /** Every mailbox's mail settings: the requester hears from the case's own mailbox. */
  notify: NotifyDirectory;
  context?: LifecycleContext;
  /** The officer's words for a clarification request. */
  message?: string;
  /**
   * Optimistic concurrency (the console): the status and due date the officer saw when the page loaded.
   * If the case has moved on since, nothing is changed and the officer is told.
   */
  expected?: { status: string; dueDate: string | null; owner?: string | null; team?: string | null };
  /** With `record_outcome`: send the response to the requester (the officer's completed letter, or the rendered templates). */
  sendResponse?: { letter?: string };
  /** With `record_outcome`: only render the response letter; nothing is recorded. */
  draftResponse?: boolean;
}

const isOutcomeAction = (action: OfficerAction): action is OutcomeAction => OUTCOME_ACTION_TYPES.has(action.type);

export async function actOnCase(store: CaseStore, reference: string, action: OfficerAction, options: ActOptions): Promise<CaseActionOutcome> {
  return store.inTransaction(async (tx) => {
    const foiCase = await tx.lockCase({ reference });
    if (!foiCase) throw new AppError('case.not_found', `no case ${reference}`);
    checkUnchanged(foiCase, options.expected);
    // Any correspondence can be assigned, with a clock or without.
    if (action.type === 'assign') return assign(tx, foiCase, action, options.now);
    const { state } = foiCase;
    if (!state) throw new AppError('cli.invalid_argument', `${reference} is ${foiCase.kind.replace('_', ' ')} correspondence with no statutory clock`);
    if (isOutcomeAction(action)) return actOnOutcome(tx, foiCase, action, options);
    const result = applyCaseAction(state, action, options.now, options.context);
    if (!result.ok) throw new AppError('cli.invalid_argument', `${reference}: ${result.reason}`);
    const snapshot = { ...foiCase.snapshot, status: result.next.status, dueDate: result.next.dueDate };
    const mail = mailFor(action, snapshot, options.message, options.notify.settingsOf(foiCase.mailbox));
    await Promise.all([
      tx.saveChange({ caseId: foiCase.id, events: result.events, transition: { next: result.next, dueExplain: result.dueExplain }, outcome: respondedColumns(action, result.events, state.dueDate) }),
      tx.queueMail(mail, { caseId: foiCase.id }),
    ]);
    return { reference, status: result.next.status, dueDate: result.next.dueDate, explain: result.dueExplain, queued: mail.map((m) => m.purpose) };
  });
}

/** Optimistic concurrency: what the officer saw when the page loaded must still be so; owner and team only when given. */
function checkUnchanged(foiCase: LockedCase, expected: ActOptions['expected']): void {
  if (!expected) return;
  const { status, dueDate } = foiCase.snapshot;
  const { owner, team } = foiCase.assignment;
  if (expected.status !== status || expected.dueDate !== dueDate
    || (expected.owner !== undefined && expected.owner !== owner) || (expected.team !== undefined && expected.team !== team)) {
    throw new AppError('case.changed', `${foiCase.snapshot.reference} was changed by someone else since the page was loaded`);
  }
}

async function assign(tx: CaseTransaction, foiCase: LockedCase, action: AssignAction, now: Date): Promise<CaseActionOutcome> {
  const { reference, status, dueDate } = foiCase.snapshot;
  const decided = decideAssignment({ status, dueDate, ...foiCase.assignment }, action, now);
  if (!decided.ok) throw new AppError('cli.invalid_argument', `${reference}: ${decided.reason}`);
  await tx.saveChange({ caseId: foiCase.id, events: decided.events, assignment: decided.assignment });
  return { reference, status, dueDate, explain: [], queued: [], assigned: decided.assignment };
}

async function actOnOutcome(tx: CaseTransaction, foiCase: LockedCase, action: OutcomeAction, options: ActOptions): Promise<CaseActionOutcome> {
  const state = foiCase.state!;
  const { reference } = foiCase.snapshot;
  const record = await tx.recordOf(foiCase.id);
  const source = {
    reference, kind: foiCase.kind, mailbox: foiCase.mailbox, status: state.status, jurisdiction: state.jurisdiction,
    receivedDate: state.receivedDate, state, topics: record.topics,
  };
  if (action.type === 'record_outcome') checkQuestionLabels(reference, action.questions ?? [], record.questions);
  const current = outcomeCaseFromEvents(source, record.events, options.context);
  const step = decideOutcomeAction(current, state, action, options.now, options.context);
  // The deciders' refusals are the officer's to fix (an unknown provision, a withdrawn case): usage errors, exit 2.
  if (!step.ok) throw new AppError('cli.invalid_argument', `${reference}: ${step.reason}`);
  const next = step.transition?.next ?? state;
  const snapshot: CaseSnapshot = { ...foiCase.snapshot, status: next.status, dueDate: next.dueDate };
  const settings = options.notify.settingsOf(foiCase.mailbox);
  const letterInput = step.response && {
    snapshot, regime: state.regime, jurisdiction: state.jurisdiction, response: step.response, questions: record.questions, extraHolidays: options.context?.extraHolidays,
  };
  const base = outcomeSummary(reference, step, next.status, next.dueDate);
  if (options.draftResponse) {
    if (!letterInput) throw new AppError('cli.invalid_argument', 'only a response has a letter to draft');
    return { ...base, queued: [], letter: draftResponseLetter(letterInput, settings) };
  }
  const mail = outcomeMail(action, step, snapshot, settings, options, letterInput);
  await Promise.all([
    tx.saveChange({ caseId: foiCase.id, events: step.events, transition: step.transition, outcome: step.columns }),
    tx.queueMail(mail, { caseId: foiCase.id }),
  ]);
  return { ...base, queued: mail.map((m) => m.purpose) };
}

// A question is named by its label as split at intake (`1`, `2a`), or by its position when it had none.
function checkQuestionLabels(reference: string, given: ReadonlyArray<{ question: string }>, questions: ReadonlyArray<{ number: string | null }>): void {
  const labels = questions.map((q, i) => q.number ?? String(i + 1));
  const unknown = given.filter((g) => !labels.includes(g.question)).map((g) => g.question);
  if (unknown.length > 0) {
    throw new AppError('cli.invalid_argument', `${reference} has no question ${unknown.join(', ')} (its questions: ${labels.join(', ') || 'none'})`);
  }
}

function outcomeSummary(reference: string, step: OutcomeStep, status: string, dueDate: string | null): CaseActionOutcome {
  const r = step.response;
  return {
    reference, status, dueDate, explain: step.transition?.dueExplain ?? [], queued: [], warnings: step.warnings,
    ...(r ? { recorded: { outcome: r.outcome, exemptions: r.provisions.map((p) => p.code), respondedOn: r.respondedOn, onTime: r.onTime, workingDaysLate: r.workingDaysLate } } : {}),
  };
}

function outcomeMail(
  action: OutcomeAction, step: OutcomeStep, snapshot: CaseSnapshot, settings: NotifySettings, options: ActOptions,
  letterInput: Parameters<typeof composeResponseMail>[0] | undefined,
): OutgoingMail[] {
  if (action.type === 'extend_deadline' && step.transition?.next.extension) {
    const extension = step.transition.next.extension;
    return [
      composeExtensionNotice(snapshot, { kind: extension.kind, reason: extension.reason }, settings),
      composeCaseUpdate(snapshot, `deadline extended to ${snapshot.dueDate}`, [extension.reason, ...step.warnings], settings),
    ];
  }
  if (options.sendResponse) {
    if (!letterInput) throw new AppError('cli.invalid_argument', 'only a response can be sent to the requester');
    return [composeResponseMail(letterInput, settings, options.sendResponse.letter)];
  }
  return [];
}

// A response recorded without an outcome still has its date, which `cases list` shows and the statistics judge.
function respondedColumns(action: CaseAction, events: ReadonlyArray<{ details: Record<string, unknown> }>, dueDate: string | null) {
  const respondedOn = action.type === 'respond' ? events[0]?.details.respondedOn : undefined;
  return typeof respondedOn === 'string' ? { respondedOn, responseDueDate: dueDate } : undefined;
}

function mailFor(action: CaseAction, snapshot: CaseSnapshot, message: string | undefined, notify: NotifySettings): OutgoingMail[] {
  switch (action.type) {
    case 'seek_clarification':
      if (!message?.trim()) throw new AppError('cli.invalid_argument', 'a clarification request needs the message to send (--message FILE)');
      if (!singleMailbox(snapshot.requesterAddress ?? '')) throw new AppError('cli.invalid_argument', 'the case has no single requester address to send a clarification request to');
      return [composeClarificationRequest(snapshot, message, notify)];
    case 'extend':
      return [
        // An imported case may have no requester address: no mail is ever sent for it (DESIGN.md).
        ...(singleMailbox(snapshot.requesterAddress ?? '') ? [composeExtensionNotice(snapshot, { kind: action.extension, reason: action.reason }, notify)] : []),
        composeCaseUpdate(snapshot, `deadline extended to ${snapshot.dueDate}`, [action.reason], notify),
      ];
    default:
      return [];
  }
}
