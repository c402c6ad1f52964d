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
import type { IntakeStore, IntakeTransaction, RecordedInbound } from './intake-store.js';

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
    const filed: Promise<CommitResult>[] = [];
    try {
      await fileInOrder(tx, batch, recorded, context, filed);
    } catch (error) {
      // A message's writes that failed abort the transaction, and the next read fails with "aborted":
      // the first failure is the one worth reporting.
      throw (await firstFailure(filed)) ?? error;
    }
    const results = await Promise.all(filed);
    await tx.advanceCheckpoint(Math.max(...batch.map((m) => m.facts.uid)));
    await tx.forgetPrepareAttempts(batch.map((m) => m.facts));
    return results;
  });
}

/** Files each message in UID order; a new case's writes are not waited for before the next message (open-or-attach-case.ts). */
async function fileInOrder(
  tx: IntakeTransaction, batch: PendingMessage[], recorded: Map<string, RecordedInbound>, context: FilingContext, filed: Promise<CommitResult>[],
): Promise<void> {
  for (const message of batch) {
    const known = recorded.get(`${message.facts.uidValidity}:${message.facts.uid}`);
    // Tests make a message's filing fail here, as a value the database refuses would (never its hold).
    if (message.prepared.type !== 'unreadable') failurePoint('filing-message', message.facts.raw);
    if (known) {
      filed.push(Promise.resolve({ type: 'already_recorded', inboundId: known.id, destinationFolder: known.destinationFolder }));
      continue;
    }
    const { result } = await openOrAttachCase(tx, message, context);
    // Its failure is thrown by commitBatch (Promise.all or firstFailure): never unhandled.
    result.catch(() => undefined);
    filed.push(result);
  }
}

async function firstFailure(filed: readonly Promise<CommitResult>[]): Promise<unknown> {
  for (const result of filed) {
    try {
      await result;
    } catch (error) {
      return error;
    }
  }
  return null;
}
