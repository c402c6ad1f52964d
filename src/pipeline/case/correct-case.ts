// `case correct`: lock the case → read the message it was analysed on → decide the correction (pure,
// correct-analysis.ts) → save the corrected analysis, an audit event and the labelled examples, in one
// transaction. No mail goes out: a correction changes how the case is read, not what the requester hears.
import type { CaseFlag } from '../../domain/case-flag.js';
import type { CaseStatus } from '../../domain/case-status.js';
import type { RequestAnalysis, RequestKind } from '../../domain/request-analysis.js';
import { AppError } from '../../errors.js';
import { parseMail } from '../parse/parse-mail.js';
import { textForAnalysis } from '../parse/text-for-analysis.js';
import { undoOf } from './correction-undo.js';
import { correctAnalysis, type CaseCorrection, type CorrectableCase, type SourcedExample, type StoredQuestion } from './correct-analysis.js';

export interface CaseForCorrection extends Omit<CorrectableCase, 'messageText'> {
  id: number;
  status: CaseStatus;
  /** The raw first message of the case, while it is kept (a purge or an import leaves none). */
  raw: Buffer | null;
  /** The id of the case's latest `analysis_corrected` event, null when none: a stale console form is refused. */
  lastCorrectionId?: number | null;
}

export interface SavedCorrection {
  caseId: number;
  kind: RequestKind;
  analysis: RequestAnalysis;
  questions: StoredQuestion[];
  flags: CaseFlag[];
  examples: SourcedExample[];
  event: { at: Date; status: CaseStatus; details: Record<string, unknown> };
  /** Who gave the labels (kept on each labelled example); null when unknown. */
  actor: string | null;
}

export interface CorrectionTransaction {
  lockForCorrection(reference: string): Promise<CaseForCorrection | null>;
  saveCorrection(saved: SavedCorrection): Promise<void>;
}

export interface CorrectionStore {
  inTransaction<T>(work: (tx: CorrectionTransaction) => Promise<T>): Promise<T>;
}

export interface CorrectionOutcome {
  reference: string;
  kind: RequestKind;
  changes: string[];
  examples: number;
  flags: string[];
  questions: { number: string | null; text: string; topics: string[] }[];
}

export interface CorrectOptions {
  now: Date;
  topics: readonly string[];
  /** Who corrected it (the console's signed-in officer, or the CLI's OS user), kept on the event and the examples. */
  actor?: string;
  /** The latest correction the officer saw (console): if another came since, nothing is changed. */
  expectedLastCorrection?: number | null;
  /** The correction event this one undoes. */
  undoes?: number;
}

export async function correctCase(store: CorrectionStore, reference: string, correction: CaseCorrection, options: CorrectOptions): Promise<CorrectionOutcome> {
  return store.inTransaction(async (tx) => {
    const found = await tx.lockForCorrection(reference);
    if (!found) throw new AppError('case.not_found', `no case ${reference}`);
    if (options.expectedLastCorrection !== undefined && options.expectedLastCorrection !== (found.lastCorrectionId ?? null)) {
      throw new AppError('case.changed', `${reference} was corrected by someone else since the page was loaded`);
    }
    const messageText = found.raw ? (await textForAnalysis(await parseMail(found.raw))).text : null;
    const result = correctAnalysis({ ...found, messageText }, correction, options.topics);
    await tx.saveCorrection({
      caseId: found.id, kind: result.kind, analysis: result.analysis, questions: result.questions, flags: result.flags, examples: result.examples,
      actor: options.actor ?? null,
      // The examples' text is not repeated in the audit trail: it is the case's own mail, kept once.
      event: {
        at: options.now, status: found.status,
        details: {
          changes: result.changes, examples: result.examples.length, messageKept: messageText !== null, correction, undo: undoOf(found, correction, result),
          ...(options.actor ? { by: options.actor } : {}), ...(options.undoes !== undefined ? { undoes: options.undoes } : {}),
        },
      },
    });
    return {
      reference, kind: result.kind, changes: result.changes, examples: result.examples.length,
      flags: result.flags.map((f) => f.code), questions: result.questions,
    };
  });
}
