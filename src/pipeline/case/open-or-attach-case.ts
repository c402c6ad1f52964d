// Files one inbound message inside its batch's transaction: read its surroundings (one round trip),
// decide its fate in pure code, then write the result and its outbox rows. A reply, a repeat or an
// automated report is filed with its case (attach-to-case.ts); anything else opens a case or is held.
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { describeError } from '../../errors.js';
import { composeHeldNotice } from '../notify/compose-messages.js';
import { attachToCase } from './attach-to-case.js';
import { newCaseMail, nextReference, openingEvents } from './case-opening.js';
import type { FilingTransaction, InboundFacts } from './filing-store.js';
import { asHistory, historyCutoff, historyLineOf } from './history-mail.js';
import {
  decideFate, dedupeKeyOf, recordedFacts, surroundingsQuery, type CommitResult, type Fate, type FilingContext, type PendingMessage,
} from './inbound-fate.js';

/**
 * A message on its way into the store: its writes are sent (in order, on the transaction's
 * connection) by the time this is returned, so the next message's reads see them; `result` settles
 * when they are done. A new case's writes are not waited for here: the next message's reads go out
 * behind them, which saves a round trip per message.
 */
export interface Filing {
  result: Promise<CommitResult>;
}

export async function openOrAttachCase(tx: FilingTransaction, message: PendingMessage, context: FilingContext): Promise<Filing> {
  const around = await tx.lookAround(surroundingsQuery(message, context));
  const fate = decideFate(message, around, context);
  const facts = recordedFacts(message.facts, fate);
  switch (fate.type) {
    case 'replay': return done(recordReplay(tx, facts, fate));
    case 'held': return done(hold(tx, facts, fate, context));
    case 'new': return openCase(tx, facts, fate, context);
    default: return done(attachToCase(tx, facts, fate, context));
  }
}

/** A filing whose writes were waited for. */
async function done(filed: Promise<CommitResult>): Promise<Filing> {
  return { result: Promise.resolve(await filed) };
}

async function recordReplay(tx: FilingTransaction, facts: InboundFacts, fate: Extract<Fate, { type: 'replay' }>): Promise<CommitResult> {
  const id = await tx.recordInbound(facts, {
    disposition: 'duplicate', parseOutcome: 'duplicate', dedupeKey: null, duplicateOf: fate.duplicateOf, keepRaw: false, destinationFolder: fate.folder,
  });
  return { type: 'duplicate', inboundId: id, duplicateOf: fate.duplicateOf, destinationFolder: fate.folder };
}

async function hold(tx: FilingTransaction, facts: InboundFacts, fate: Extract<Fate, { type: 'held' }>, context: FilingContext): Promise<CommitResult> {
  const folder = context.settings.heldFolder;
  const id = await tx.recordInbound(facts, {
    // A message too large to download has no bytes here: the mail folder keeps it.
    disposition: 'held', parseOutcome: fate.parseOutcome, error: fate.reason, dedupeKey: dedupeKeyOf(facts), keepRaw: facts.size === undefined, destinationFolder: folder,
  });
  // History held is counted in the pass's import summary rather than announced one by one.
  if (historyCutoff(facts.internalDate, context.acknowledgementCutoff)) return { type: 'held', inboundId: id, destinationFolder: folder, history: true };
  if (fate.notifyOfficers) {
    // Held mail belongs to the mailbox it reached.
    const notify = context.notify.settingsOf(context.settings.mailboxName);
    await tx.queueMail([composeHeldNotice({ inboundId: id, receivedAt: facts.internalDate, reason: fate.reason }, notify)], { inboundId: id });
  }
  return { type: 'held', inboundId: id, destinationFolder: folder };
}

async function openCase(tx: FilingTransaction, facts: InboundFacts, fate: Extract<Fate, { type: 'new' }>, context: FilingContext): Promise<Filing> {
  const { request: prepared } = fate;
  const cutoff = historyCutoff(facts.internalDate, context.acknowledgementCutoff);
  const draft = cutoff ? asHistory(fate.draft, cutoff) : fate.draft;
  const { referenceFormat, processedFolder } = context.settings;
  const reference = await nextReference(tx, referenceFormat, draft.receivedDate);
  let mail: OutgoingMail[];
  try {
    // A new case belongs to the mailbox its request reached.
    mail = newCaseMail({ ...draft, reference }, prepared.mail, context.notify.settingsOf(context.settings.mailboxName));
  } catch (cause) {
    // A rendering fault holds this message (its reference stays unused); the rest of the batch goes on.
    const reason = `compose.failed: the case's mail could not be rendered: ${describeError(cause)}`;
    return done(hold(tx, facts, { type: 'held', parseOutcome: 'compose.failed', reason, notifyOfficers: true }, context));
  }
  const { written } = tx.openCaseFromMessage({
    opening: { draft, reference, events: openingEvents(draft, context.now) },
    facts,
    record: {
      disposition: 'opened_case', parseOutcome: 'parsed', dedupeKey: dedupeKeyOf(facts), keepRaw: true, destinationFolder: processedFolder,
      fingerprint: prepared.fingerprint || null, fingerprintHash: prepared.fingerprintHash,
    },
    campaign: fate.campaign.length > 0 ? { caseIds: fate.campaign.map((c) => c.caseId), key: prepared.fingerprintHash! } : null,
    mail,
  });
  const result = written.then(({ caseId, inboundId }): CommitResult => {
    const opened = { type: 'opened_case', inboundId, caseId, reference, destinationFolder: processedFolder } as const;
    return draft.imported ? { ...opened, imported: historyLineOf(draft, reference) } : opened;
  });
  return { result };
}
