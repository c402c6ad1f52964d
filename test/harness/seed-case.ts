// A case as the pipeline opens one (numbered, with its opening events), for tests that need a case
// on the database without going through a mailbox.
import { createCaseStore } from '../../src/adapters/db/case-store.js';
import type { Db } from '../../src/adapters/db/database.js';
import type { CaseDraft, OpenedCase } from '../../src/domain/foi-case.js';
import type { RequestAnalysis } from '../../src/domain/request-analysis.js';
import { nextReference, openingEvents } from '../../src/pipeline/case/case-opening.js';

export async function seedCase(db: Db, draft: CaseDraft, format = 'FOI-{year}-{seq:5}', now = new Date()): Promise<OpenedCase> {
  return createCaseStore(db).inTransaction(async (tx) => {
    const reference = await nextReference(tx, format, draft.receivedDate);
    const id = await tx.openCase({ draft, reference, events: openingEvents(draft, now) });
    return { ...draft, id, reference };
  });
}

/** An analysis that found nothing: no questions read, no s.16, no public interest, valid. */
export const EMPTY_ANALYSIS: RequestAnalysis = {
  kind: 'foi', questions: [], topics: [], citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [],
  validity: { valid: true, missing: [] }, evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null },
};

/** An FOI request received on 2026-11-02 (due 2026-11-30) from a@example.org, each question numbered from 1. */
export function exampleDraft(subject: string, questions: string[], receivedAt: Date, topics: string[] = ['other'], overrides: Partial<CaseDraft> = {}): CaseDraft {
  return {
    kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', receivedAt, receivedDate: '2026-11-02', dueDate: '2026-11-30', dueExplain: [],
    requester: { name: 'A Person', address: 'a@example.org' }, subject, flags: [], acknowledge: { send: true },
    questions: questions.map((text, i) => ({ number: String(i + 1), text, topics })),
    analysis: EMPTY_ANALYSIS,
    ...overrides,
  };
}
