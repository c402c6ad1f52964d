// A case as the pipeline opens one (numbered, with its opening events), for tests that need a case
// on the database without going through a mailbox.
import { createCaseStore } from '../../src/adapters/db/case-store.js';
import type { Db } from '../../src/adapters/db/database.js';
import type { CaseDraft, OpenedCase } from '../../src/domain/foi-case.js';
import { nextReference, openingEvents } from '../../src/pipeline/case/case-opening.js';

export async function seedCase(db: Db, draft: CaseDraft, format = 'FOI-{year}-{seq:5}', now = new Date()): Promise<OpenedCase> {
  return createCaseStore(db).inTransaction(async (tx) => {
    const reference = await nextReference(tx, format, draft.receivedDate);
    const id = await tx.openCase({ draft, reference, events: openingEvents(draft, now) });
    return { ...draft, id, reference };
  });
}
