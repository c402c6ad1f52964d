// Takes a batch of UIDs from the mailbox to the point of filing: sizes first (no message over the
// limit is ever downloaded or parsed), then the bodies, then each message prepared under a durable
// count of attempts, so one that fails or crashes the process every time is held after a few tries.
import type { ExtraHoliday } from '../../clock/index.js';
import type { FetchedMessage } from '../../domain/inbound-mail.js';
import { describeError } from '../../errors.js';
import { crashPoint } from '../../fault-injection.js';
import type { Logger } from '../../logger.js';
import type { InboundFacts } from '../case/filing-store.js';
import { isOversize, mayPrepare, oversizeHold, preparationHold } from '../case/hostile-holds.js';
import type { PendingMessage } from '../case/inbound-fate.js';
import { factsOf, prepareMessage, type PrepareDeps } from '../process-message.js';
import type { IntakeStore, PrepareAttempt } from './intake-store.js';
import type { MailboxSession, MessageSize } from './mailbox-session.js';
import { createHash } from 'node:crypto';

export interface TakeDeps extends PrepareDeps {
  store: IntakeStore;
  log: Logger;
}

/** Whatever turns a fetched message into one ready to file; it may reject (a worker's deadline) or never return (a crash). */
export type Prepare = (fetched: FetchedMessage) => Promise<PendingMessage>;

export interface TakenBatch {
  /** Ready to file, in UID order. */
  pending: PendingMessage[];
  /**
   * UIDs not taken: the batch ends after a message tried before (a pass that crashed), so that it
   * commits on its own and no message beside one that crashes is counted again and again.
   */
  rest: number[];
  /** The batch ended early: commit it before preparing anything more. */
  cut: boolean;
}

export async function takeBatch(deps: TakeDeps, session: MailboxSession, uids: number[], extraHolidays: readonly ExtraHoliday[]): Promise<TakenBatch> {
  const { maxMessageBytes } = deps.settings.limits;
  const sizes = session.messageSizes ? await session.messageSizes(uids) : null;
  const tooLarge = (sizes ?? []).filter((m) => isOversize(m.size, maxMessageBytes));
  const wanted = sizes ? sizes.filter((m) => !tooLarge.includes(m)).map((m) => m.uid) : uids;
  const fetched = await session.fetchMessages(wanted);
  const prepare: Prepare = (message) => prepareMessage(deps, extraHolidays, session.uidValidity, message);
  const pending = tooLarge.map((m) => oversizePending(deps, session.uidValidity, m));
  // Attempts are counted for the batch at once (one commit), in UID order and only up to the first
  // message tried before, so that it commits on its own; the messages taken are then prepared side
  // by side (the workers' cores).
  const readable: FetchedMessage[] = [];
  for (const message of fetched) {
    if (isOversize(message.source.length, maxMessageBytes)) {
      // A session that cannot tell sizes first: the message was downloaded, but is never parsed.
      pending.push(oversizePending(deps, session.uidValidity, { uid: message.uid, size: message.source.length, internalDate: message.internalDate }));
    } else readable.push(message);
  }
  if (readable.length > 0) await deps.prepareReady?.();
  const attempts = await deps.store.beginPrepareAttempts({ mailboxKey: deps.settings.mailboxKey, uidValidity: session.uidValidity, uids: readable.map((m) => m.uid) });
  const cut = attempts.findIndex((a) => a.attempts > 1);
  const begun = attempts.slice(0, cut < 0 ? attempts.length : cut + 1).map((attempt, i) => ({ message: readable[i]!, attempt }));
  const cutAfter = cut < 0 ? null : fetched.indexOf(readable[cut]!);
  const counted = await Promise.all(begun.map(({ message, attempt }) => prepareCounted(deps, session.uidValidity, message, prepare, attempt)));
  // Prepared: a crash from here on (while filing) is not the messages' doing, so it is not counted.
  await deps.store.endPrepareAttempts({ mailboxKey: deps.settings.mailboxKey, uidValidity: session.uidValidity, uids: begun.map((b) => b.message.uid) });
  pending.push(...counted.map((c) => c.pending));
  if (cutAfter === null) return { pending: pending.sort(byUid), rest: [], cut: false };
  const rest = fetched.slice(cutAfter + 1).map((m) => m.uid);
  return { pending: pending.filter((p) => !rest.includes(p.facts.uid)).sort(byUid), rest, cut: true };
}

const inboundKey = (deps: TakeDeps, uidValidity: number, fetched: FetchedMessage) => ({ mailboxKey: deps.settings.mailboxKey, uidValidity, uid: fetched.uid });

const byUid = (a: PendingMessage, b: PendingMessage) => a.facts.uid - b.facts.uid;

/**
 * Prepares a message, each attempt counted and committed before it starts: an attempt that kills
 * the process (out of memory) counts as surely as one that throws. Past the limit, it is held.
 */
export async function prepareCounted(
  deps: TakeDeps, uidValidity: number, fetched: FetchedMessage, prepare: Prepare, begun?: PrepareAttempt,
): Promise<{ pending: PendingMessage; attempts: number }> {
  const key = inboundKey(deps, uidValidity, fetched);
  const { maxPrepareAttempts } = deps.settings.limits;
  let attempt = begun ?? await deps.store.beginPrepareAttempt(key);
  for (;;) {
    const { attempts, lastError } = attempt;
    if (!mayPrepare(attempts, maxPrepareAttempts)) {
      const prepared = preparationHold(maxPrepareAttempts, lastError);
      deps.log.warn({ uid: fetched.uid, attempts: attempts - 1 }, 'message held: its preparation failed too often');
      return { pending: { facts: factsOf(deps.settings.mailboxKey, uidValidity, fetched, prepared), prepared }, attempts };
    }
    try {
      crashPoint('during-prepare', fetched.source);
      return { pending: await prepare(fetched), attempts };
    } catch (error) {
      const reason = describeError(error);
      deps.log.warn({ uid: fetched.uid, attempt: attempts, err: reason }, 'preparing a message failed');
      await deps.store.recordPrepareFailure(key, reason);
    }
    attempt = await deps.store.beginPrepareAttempt(key);
  }
}

/** An oversize message's row: its size, no bytes, and a hash that names this UID only (no content was read). */
function oversizePending(deps: TakeDeps, uidValidity: number, message: MessageSize): PendingMessage {
  const { mailboxKey, limits } = deps.settings;
  const prepared = oversizeHold(message.size, limits.maxMessageBytes, null);
  const facts: InboundFacts = {
    mailboxKey, uidValidity, uid: message.uid, internalDate: message.internalDate, raw: Buffer.alloc(0), size: message.size,
    contentHash: createHash('sha256').update(`oversize:${mailboxKey}:${uidValidity}:${message.uid}:${message.size}`).digest('hex'),
    messageId: null,
  };
  deps.log.warn({ uid: message.uid, size: message.size }, 'message held: over the size limit');
  return { facts, prepared };
}
