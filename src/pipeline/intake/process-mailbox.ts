// One pass over the mailbox: finish moves that a crash interrupted (UIDs at or below the
// checkpoint still in the inbox), then process new UIDs in order, moving each only after commit.
import type { Logger } from '../../logger.js';
import { crashPoint } from '../../fault-injection.js';
import type { CommitResult, PendingMessage } from '../case/inbound-fate.js';
import type { PipelineSettings, PrepareDeps } from '../process-message.js';
import { acknowledgementCutoff } from '../import/acknowledgement-cutoff.js';
import type { CommitDeps, PassFacts } from './commit-batch.js';
import { commitOrHold } from './commit-or-hold.js';
import type { MailboxSession } from './mailbox-session.js';
import { passImportSummary, type PassHistory } from './pass-import-summary.js';
import { releaseBytes } from './release-bytes.js';
import { takeBatch } from './take-batch.js';

export interface PassReport {
  opened: number;
  /** Replies filed with their case (clarifications, review requests, chasers). */
  attached: number;
  held: number;
  /** Cases opened from history (received before the acknowledgement cutoff), without acknowledgements. */
  imported: number;
  duplicates: number;
  alreadyRecorded: number;
  checkpointReset: boolean;
  stoppedEarly: boolean;
}

/** A mailbox's pipeline: preparing its messages, and filing them through its store. */
export interface PipelineDeps extends PrepareDeps, CommitDeps {
  settings: PipelineSettings;
}

export interface PassDeps extends PipelineDeps {
  log: Logger;
  now: () => Date;
  /** Asked between messages; a stop request lets the message in hand finish first. */
  shouldStop: () => boolean;
}

// Small batches bound memory (a request may carry a 2 MB attachment), keep moves prompt, and
// share one commit between their messages.
const BATCH = 20;

export async function processMailbox(deps: PassDeps, session: MailboxSession): Promise<PassReport> {
  const { store, settings, log } = deps;
  const checkpoint = await store.syncCheckpoint(settings.mailboxKey, session.uidValidity);
  const extraHolidays = await store.extraHolidays();
  // INTERNALDATE has whole seconds: mail arriving in the second of the first read counts as new.
  const firstSeenAt = new Date(Math.floor(checkpoint.firstSeenAt.getTime() / 1000) * 1000);
  const cutoff = acknowledgementCutoff({ setting: settings.acknowledgeSince, firstSeenAt });
  const history: PassHistory = { cases: [], held: 0 };
  if (checkpoint.reset) log.warn({ mailboxKey: settings.mailboxKey, uidValidity: session.uidValidity }, 'uidvalidity changed: checkpoint reset');
  const leftovers = checkpoint.lastUid > 0 ? await session.listUids(1, checkpoint.lastUid) : [];
  const fresh = await session.listUids(checkpoint.lastUid + 1);
  const report: PassReport = { opened: 0, attached: 0, held: 0, imported: 0, duplicates: 0, alreadyRecorded: 0, checkpointReset: checkpoint.reset, stoppedEarly: false };
  const uids = [...leftovers, ...fresh];
  // Two batches in flight: while one commits and moves (waiting on the database and the IMAP
  // server), the next is fetched and prepared. Commits stay in UID order, one at a time, and
  // nothing moves before its own commit.
  let inFlight: Promise<void> = Promise.resolve();
  let queue = uids;
  try {
    while (queue.length > 0) {
      if (deps.shouldStop()) {
        report.stoppedEarly = true;
        break;
      }
      const taken = await takeBatch(deps, session, queue.slice(0, BATCH), extraHolidays);
      queue = [...taken.rest, ...queue.slice(BATCH)];
      await inFlight;
      inFlight = commitAndMove(deps, session, taken.pending, { now: deps.now(), extraHolidays, acknowledgementCutoff: cutoff }, report, history);
      // A failed commit must not wait for the next batch's preparation to be reported.
      inFlight.catch(() => undefined);
      // After a crash, a message tried before is committed before the next one is prepared.
      if (taken.cut) await inFlight;
    }
  } finally {
    await inFlight;
  }
  // One summary for the pass's history, not a mail per case (a crash before this line loses only the summary).
  const summary = passImportSummary({ history, cutoff, mailboxName: settings.mailboxName, now: deps.now(), extraHolidays }, deps.notify.settingsOf(settings.mailboxName));
  if (summary) await store.queueOfficerMail([summary]);
  await store.recordPoll(settings.mailboxKey, deps.now());
  return report;
}

async function commitAndMove(
  deps: PassDeps, session: MailboxSession, pending: PendingMessage[], pass: PassFacts, report: PassReport, history: PassHistory,
): Promise<void> {
  const fetched = pending.map((p) => p.facts);
  crashPoint('before-commit');
  const results = await commitOrHold(deps, pending, pass);
  // Filed (a hold keeps its raw bytes too): nothing reads a message's bytes again.
  for (const message of pending) releaseBytes(message.facts.raw);
  const moves = new Map<string, { uids: number[]; inboundIds: number[] }>();
  results.forEach((result, i) => {
    const uid = fetched[i]!.uid;
    count(report, result);
    if (result.type === 'opened_case' && result.imported) history.cases.push(result.imported);
    if (result.type === 'held' && result.history) history.held += 1;
    const prepareMs = pending[i]!.prepareMs;
    deps.log.info({ uid, inboundId: result.inboundId, outcome: result.type, caseId: 'caseId' in result ? result.caseId : undefined, prepareMs }, 'message committed');
    const move = moves.get(result.destinationFolder) ?? { uids: [], inboundIds: [] };
    move.uids.push(uid);
    move.inboundIds.push(result.inboundId);
    moves.set(result.destinationFolder, move);
  });
  crashPoint('after-commit-before-move');
  // Only now, after the commit, does anything leave the inbox.
  for (const [folder, move] of moves) {
    await session.moveMessages(move.uids, folder);
    await deps.store.markMoved(move.inboundIds, deps.now());
  }
}

function count(report: PassReport, result: CommitResult): void {
  if (result.type === 'opened_case') {
    report.opened += 1;
    if (result.imported) report.imported += 1;
  }
  else if (result.type === 'attached') report.attached += 1;
  else if (result.type === 'held') report.held += 1;
  else if (result.type === 'duplicate') report.duplicates += 1;
  else report.alreadyRecorded += 1;
}
