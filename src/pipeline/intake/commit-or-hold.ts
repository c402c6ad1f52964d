// A batch whose transaction fails is not retried as a batch forever: its messages are committed
// one by one, and the one that fails on its own too is held (raw kept, reason recorded, officers
// told) so that the rest of the mailbox goes on. A database that is down is not a poison message:
// that failure is thrown, and the pass is retried later as before.
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { filingHold } from '../case/hostile-holds.js';
import type { CommitResult, PendingMessage } from '../case/inbound-fate.js';
import { commitBatch, type CommitDeps, type CommitPass } from './commit-batch.js';

export async function commitOrHold(deps: CommitDeps & { log: Logger }, batch: PendingMessage[], pass: CommitPass): Promise<CommitResult[]> {
  try {
    return await commitBatch(deps, batch, pass);
  } catch (error) {
    if (deps.store.isOutage(error)) throw error;
    deps.log.warn({ err: describeError(error), messages: batch.length }, 'a batch could not be committed; committing its messages one by one');
  }
  const results: CommitResult[] = [];
  for (const message of batch) results.push(await commitAlone(deps, message, pass));
  return results;
}

async function commitAlone(deps: CommitDeps & { log: Logger }, message: PendingMessage, pass: CommitPass): Promise<CommitResult> {
  try {
    return (await commitBatch(deps, [message], pass))[0]!;
  } catch (error) {
    if (deps.store.isOutage(error)) throw error;
    const reason = describeError(error);
    deps.log.error({ uid: message.facts.uid, err: reason }, 'message held: it could not be stored');
    // Only what cannot fail again: the raw bytes (bytea) and the reason; its Message-ID may be what failed.
    const held: PendingMessage = { facts: { ...message.facts, messageId: null }, prepared: filingHold(reason, null) };
    // If even this fails, the database is at fault, not the message: the pass fails and is retried.
    return (await commitBatch(deps, [held], pass))[0]!;
  }
}
