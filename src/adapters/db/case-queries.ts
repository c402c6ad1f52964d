// Read side of cases: the rows behind `foi-intake cases list --json` and `case show`, in the
// contract's field names.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CaseFlag, FlagCode } from '../../domain/case-flag.js';
import type { RequestAnalysis } from '../../domain/request-analysis.js';
import type { Db } from './database.js';
import { caseEvents, cases, inboundMessages, outbox, questions } from './schema.js';

export interface CaseListing {
  id: number;
  reference: string;
  kind: string;
  regime: string;
  status: string;
  receivedAt: string;
  dueDate: string | null;
  requester: { name: string | null; address: string | null };
  subject: string;
  questions: { number: string | null; text: string; topics: string[] }[];
  topics: string[];
  citesSection16: boolean;
  publicInterestArgument: boolean;
  /** The flags' stable codes (domain/case-flag.ts); their texts are in `flagDetails`. */
  flags: FlagCode[];
  flagDetails: CaseFlag[];
  /** For a review: the id of the case under review. */
  parentCaseId: number | null;
  acknowledgedAt: string | null;
  messageIds: string[];
  /** The configured name of the mailbox the case came in by. */
  mailbox: string;
  /** References of the cases this one is linked to (a stranger's message quoting another case). */
  linkedTo: string[];
  /** Brought in from before foi-intake (history in the mailbox, or an old tracker's row). */
  imported: boolean;
  /** The response's outcome (`granted`, `part_granted`, `refused`, `not_held`, `part_not_held`); null until responded with one. */
  outcome: string | null;
  /** Provisions applied, canonical (`s40(2)`, `reg12(4)(b)`). */
  exemptions: string[];
  /** Who has the case (`case assign`, the console): an officer's address and a team; null until assigned. */
  owner: string | null;
  team: string | null;
  /** The day the response was sent (London), or null. */
  respondedOn: string | null;
}

export async function listCases(db: Db, filter: { reference?: string; mailbox?: string } = {}): Promise<CaseListing[]> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(filter.reference ? eq(cases.reference, filter.reference) : undefined, filter.mailbox ? eq(cases.mailbox, filter.mailbox) : undefined))
    .orderBy(asc(cases.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const questionRows = await db.select().from(questions).where(inArray(questions.caseId, ids)).orderBy(asc(questions.caseId), asc(questions.position));
  const messageRows = await db
    .select({ caseId: inboundMessages.caseId, messageId: inboundMessages.messageId })
    .from(inboundMessages)
    .where(inArray(inboundMessages.caseId, ids))
    .orderBy(asc(inboundMessages.id));
  const outboxRows = await db
    .select({ caseId: outbox.caseId, messageId: outbox.messageId })
    .from(outbox)
    .where(inArray(outbox.caseId, ids))
    .orderBy(asc(outbox.id));
  const linkedIds = [...new Set(rows.map((r) => r.linkedCaseId).filter((id): id is number => id !== null))];
  const linked = linkedIds.length === 0 ? [] : await db.select({ id: cases.id, reference: cases.reference }).from(cases).where(inArray(cases.id, linkedIds));
  const referenceOf = new Map(linked.map((c) => [c.id, c.reference]));
  return rows.map((row) => {
    const analysis = row.analysis as RequestAnalysis;
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      regime: row.regime,
      status: row.status,
      receivedAt: row.receivedAt.toISOString(),
      dueDate: row.dueDate,
      requester: { name: row.requesterName, address: row.requesterAddress },
      subject: row.subject,
      questions: questionRows.filter((q) => q.caseId === row.id).map((q) => ({ number: q.number, text: q.text, topics: q.topics })),
      topics: analysis.topics ?? [],
      citesSection16: analysis.citesSection16 ?? false,
      publicInterestArgument: analysis.publicInterestArgument ?? false,
      flags: row.flags.map((f) => f.code),
      flagDetails: row.flags,
      parentCaseId: row.parentCaseId,
      acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
      messageIds: [...messageRows, ...outboxRows]
        .filter((m) => m.caseId === row.id && m.messageId)
        .map((m) => m.messageId as string),
      mailbox: row.mailbox,
      linkedTo: row.linkedCaseId === null ? [] : [referenceOf.get(row.linkedCaseId)].filter((r): r is string => r !== undefined),
      imported: row.imported,
      outcome: row.outcome,
      exemptions: row.exemptions,
      respondedOn: row.respondedOn,
      owner: row.owner,
      team: row.team,
    };
  });
}

export async function caseEventsOf(db: Db, caseId: number) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}

/** A case's questions in order (admins copy one into the topic classifier's examples). */
export async function questionsOf(db: Db, reference: string): Promise<{ number: string | null; position: number; text: string }[]> {
  return db
    .select({ number: questions.number, position: questions.position, text: questions.text })
    .from(questions)
    .innerJoin(cases, eq(cases.id, questions.caseId))
    .where(eq(cases.reference, reference))
    .orderBy(asc(questions.position));
}
