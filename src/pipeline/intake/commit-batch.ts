// Commits a batch of one mailbox's messages in ONE transaction: each message filed (its raw bytes,
// its case or its hold, its outbox rows) and the checkpoint advanced past all of them. One commit
// per batch rather than per message keeps the disk flush off the per-message path. Only after this
// returns may the messages be moved out of the inbox.
import type { ExtraHoliday } from '../../clock/index.js';
import { failurePoint } from '../../fault-injection.js';
import { referencePatternOf } from '../case/format-reference.js';
import type { CommitResult, FilingContext, FilingSettings, PendingMessage } from '../case/inbound-fate.js';
import { openOrAttachCase } from '../case/open-or-attach-case.js';
import type { NotifyDirectory } from '../notify/notify-directory.js';
import type { IntakeStore } from './intake-store.js';

export interface CommitDeps {
  store: IntakeStore;
  settings: FilingSettings & { mailboxKey: string };
  /** Every mailbox's mail settings, by the name recorded on a case. */
  notify: NotifyDirectory;
}

/** What a pass fixes for all its batches; `acknowledgementCutoff` absent: everything is acknowledged. */
export interface PassFacts {
  now: Date;
  extraHolidays: readonly ExtraHoliday[];
  acknowledgementCutoff?: Date | null;
}

/** The pass's facts, as the one-by-one commit after a failed batch passes them on. */
export type CommitPass = PassFacts;

export async function commitBatch(deps: CommitDeps, batch: PendingMessage[], pass: PassFacts): Promise<CommitResult[]> {
  if (batch.length === 0) return [];
  const { settings } = deps;
  const context: FilingContext = {
    settings, notify: deps.notify, extraHolidays: pass.extraHolidays, now: pass.now, acknowledgementCutoff: pass.acknowledgementCutoff ?? null,
    threadPattern: referencePatternOf(settings.threadReferenceFormats),
  };
  return deps.store.inMailboxTransaction(settings.mailboxKey, async (tx) => {
    const recorded = new Map((await tx.findRecorded(batch.map((m) => m.facts))).map((r) => [`${r.uidValidity}:${r.uid}`, r]));
    const results: CommitResult[] = [];
    for (const message of batch) {
      const known = recorded.get(`${message.facts.uidValidity}:${message.facts.uid}`);
      // Tests make a message's filing fail here, as a value the database refuses would (never its hold).
      if (message.prepared.type !== 'unreadable') failurePoint('filing-message', message.facts.raw);
      results.push(known
        ? { type: 'already_recorded', inboundId: known.id, destinationFolder: known.destinationFolder }
        : await openOrAttachCase(tx, message, context));
    }
    await tx.advanceCheckpoint(Math.max(...batch.map((m) => m.facts.uid)));
    await tx.forgetPrepareAttempts(batch.map((m) => m.facts));
    return results;
  });
}
