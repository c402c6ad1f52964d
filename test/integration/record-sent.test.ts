// Mail the SMTP server accepted is recorded by one statement: the rows become sent, a case whose
// acknowledgement went out becomes acknowledged once, with one event saying which message it was.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxStore, insertOutbox } from '../../src/adapters/db/outbox-store.js';
import { caseEvents, cases, outbox } from '../../src/adapters/db/schema.js';
import type { OutgoingMail } from '../../src/domain/outgoing-mail.js';
import { exampleDraft, seedCase } from '../harness/seed-case.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
const now = new Date('2026-11-02T10:00:00Z');
const sentAt = new Date('2026-11-02T10:00:05Z');

const mailOf = (purpose: OutgoingMail['purpose'], n: number): OutgoingMail => ({
  purpose, messageId: `<sent${n}@foi.example.gov.uk>`, from: 'foi@example.gov.uk', to: ['a@example.org'], subject: 'Re: Potholes', text: 'Thank you', html: null, headers: {},
});

async function openCase(subject: string): Promise<number> {
  const opened = await seedCase(db.db, exampleDraft(subject, [], now), 'FOI-{year}-{seq:5}', now);
  return opened.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('recording accepted mail', () => {
  it('marks the rows sent and each acknowledged case once, with one event naming the message', async () => {
    const first = await openCase('Potholes');
    const second = await openCase('Parking');
    await insertOutbox(db.db, [mailOf('acknowledgement', 1), mailOf('officer_summary', 2)], { caseId: first });
    await insertOutbox(db.db, [mailOf('acknowledgement', 3)], { caseId: second });
    const store = createOutboxStore(db.db);
    const claimed = await store.claim({ now, limit: 10, leaseMs: 60_000, ignoreSchedule: true, afterId: 0 });
    expect(claimed).toHaveLength(3);

    await store.recordSent(claimed.slice(0, 2), sentAt); // the first case's two messages
    await store.recordSent(claimed, sentAt); // all three, the first two again (a resend after a crash)

    const rows = await db.db.select().from(outbox).orderBy(asc(outbox.id));
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt?.toISOString(), r.claimedUntil])).toEqual([
      ['sent', 2, sentAt.toISOString(), null], ['sent', 2, sentAt.toISOString(), null], ['sent', 1, sentAt.toISOString(), null],
    ]);
    for (const [caseId, mail] of [[first, rows[0]!], [second, rows[2]!]] as const) {
      const [row] = await db.db.select().from(cases).where(eq(cases.id, caseId));
      expect(row).toMatchObject({ status: 'acknowledged', acknowledgedAt: sentAt });
      const events = await db.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
      const acknowledged = events.filter((e) => e.event === 'acknowledged');
      expect(acknowledged).toHaveLength(1);
      expect(acknowledged[0]).toMatchObject({ fromStatus: 'received', toStatus: 'acknowledged', at: sentAt, details: { outboxId: mail.id, messageId: mail.messageId } });
    }
  });
});
