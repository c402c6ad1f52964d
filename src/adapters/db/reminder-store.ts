// What the reminder and digest jobs read and claim: cases with a running clock and their latest
// reminder, and a unique row per (case, reminder) or per (day, mailbox), so nothing is sent twice.
import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { londonDateOf } from '../../clock/index.js';
import type { CaseStatus } from '../../domain/case-status.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { Regime } from '../../domain/regime.js';
import type { ReminderStore } from '../../pipeline/case/remind-officers.js';
import type { ReminderCase } from '../../pipeline/case/select-reminders.js';
import { caseTransactionOf, lockedCaseOf, threadIdsOf } from './case-store.js';
import type { Db } from './database.js';
import { loadExtraHolidays } from './holiday-store.js';
import { caseReminders, cases, digests } from './schema.js';

export function createReminderStore(db: Db): ReminderStore {
  return {
    casesToRemind: (statuses) => casesToRemind(db, statuses),
    extraHolidays: () => loadExtraHolidays(db),
    inTransaction: (work) => db.transaction((tx) => work({
      ...caseTransactionOf(tx),
      async claimReminder(claim) {
        const [claimed] = await tx.insert(caseReminders)
          .values({ caseId: claim.caseId, key: claim.key, dueDate: claim.dueDate, offset: claim.offset, sentAt: claim.at })
          .onConflictDoNothing().returning({ id: caseReminders.id });
        return claimed !== undefined;
      },
      async digestsSent(day) {
        const rows = await tx.select({ mailbox: digests.mailbox }).from(digests).where(eq(digests.day, day));
        return rows.map((r) => r.mailbox);
      },
      async claimDigest(claim) {
        const [claimed] = await tx.insert(digests).values({ day: claim.day, mailbox: claim.mailbox, sentAt: claim.at })
          .onConflictDoNothing().returning({ day: digests.day });
        return claimed !== undefined;
      },
      async casesIn(statuses) {
        const rows = await tx.select().from(cases).where(inArray(cases.status, [...statuses])).orderBy(asc(cases.id));
        if (rows.length === 0) return [];
        const threads = await threadIdsOf(tx, rows.map((r) => r.id));
        return rows.map((row) => lockedCaseOf(row, threads.get(row.id) ?? []));
      },
    })),
  };
}

async function casesToRemind(db: Db, statuses: readonly CaseStatus[]): Promise<ReminderCase[]> {
  const rows = await db.select().from(cases)
    .where(and(inArray(cases.status, [...statuses]), isNotNull(cases.dueDate), ne(cases.regime, 'none')));
  if (rows.length === 0) return [];
  const sent = await db
    .select({ caseId: caseReminders.caseId, dueDate: caseReminders.dueDate, offset: caseReminders.offset })
    .from(caseReminders)
    .where(inArray(caseReminders.caseId, rows.map((r) => r.id)))
    .orderBy(desc(caseReminders.sentAt), desc(caseReminders.id));
  const latest = new Map<number, { dueDate: string; offset: number }>();
  for (const s of sent) if (!latest.has(s.caseId)) latest.set(s.caseId, { dueDate: s.dueDate, offset: s.offset });
  return rows.map((r) => ({
    caseId: r.id, status: r.status as CaseStatus, regime: r.regime as Regime, jurisdiction: r.jurisdiction as Jurisdiction,
    dueDate: r.dueDate, lastReminder: latest.get(r.id) ?? null,
    importedOn: r.importedAt ? londonDateOf(r.importedAt) : null, mailbox: r.mailbox,
  }));
}
