// Retention and subject access on a real database: finished cases past retention are anonymised
// (UK GDPR Art 5(1)(e)) and nothing else; export discloses everything held about a case (Art 15).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCase } from '../../src/cli/export-command.js';
import { seedCase as openCase } from '../harness/seed-case.js';
import { purgeExpired } from '../../src/adapters/db/retention-store.js';
import { caseEvents, caseReminders, cases, inboundMessages, outbox, questions } from '../../src/adapters/db/schema.js';
import { isAppError } from '../../src/errors.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let uid = 0;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.drop());

const OLD = new Date('2024-01-10T10:00:00Z');
const RECENT = new Date('2026-10-01T10:00:00Z');
const CLOSED_BEFORE = new Date('2026-05-28T00:00:00Z');
const NOW = new Date('2026-11-28T09:00:00Z');

function rawMail(from: string, subject: string, text: string, messageId: string): Buffer {
  return Buffer.from([
    `From: ${from}`, 'To: foi@council.example.gov.uk', `Subject: ${subject}`, 'Date: Wed, 10 Jan 2024 10:00:00 +0000',
    `Message-ID: ${messageId}`, 'Content-Type: text/plain; charset=utf-8', '', text, '',
  ].join('\r\n'));
}

/** A case as the pipeline leaves it: questions, opening events, its request mail and acknowledgement. */
async function seedCase(status: string, lastActivity: Date, name = 'Jo Bloggs') {
  const address = `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`;
  const text = 'Dear council,\n1. How many potholes were repaired on Mill Lane in 2023?\n2. What did it cost?\nJo Bloggs, 4 Mill Lane';
  const opened = await openCase(db.db, {
    kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', receivedAt: lastActivity, receivedDate: lastActivity.toISOString().slice(0, 10),
    dueDate: '2024-02-07', dueExplain: [], requester: { name, address }, subject: 'Potholes on Mill Lane',
    flags: [{ code: 'time_span', text: 'Time span asked about: in 2023' }, { code: 'forwarded', text: 'Forwarded to the FOI mailbox; the requester is jo@example.org' }],
    acknowledge: { send: true },
    questions: [
      { number: '1', text: 'How many potholes were repaired on Mill Lane in 2023?', topics: ['transport'] },
      { number: '2', text: 'What did it cost?', topics: ['finance'] },
    ],
    analysis: {
      kind: 'foi', topics: ['transport', 'finance'], citesSection16: false, publicInterestArgument: false, sectionsCited: ['s1'],
      questions: [{ number: '1', text: 'How many potholes were repaired on Mill Lane in 2023?', topics: ['transport'], start: 14, end: 66 }],
      timeSpan: 'in 2023', ambiguousTerms: ['recent'], validity: { valid: true, missing: [] },
      forwardedFrom: { name: 'Jo Bloggs', address: 'jo@example.org' },
      evidence: { section16: null, publicInterest: null, timeSpan: { text: 'in 2023', start: 60, end: 67 }, kind: null },
    },
  }, 'FOI-{year}-{seq:5}');
  // The opening events carry the wall-clock time; put the case's history where the test needs it.
  await db.db.update(caseEvents).set({ at: lastActivity }).where(eq(caseEvents.caseId, opened.id));
  await db.db.update(cases).set({ status }).where(eq(cases.id, opened.id));
  const messageId = `<req-${opened.id}@example.org>`;
  const raw = rawMail(`${name} <${address}>`, 'Potholes on Mill Lane', text, messageId);
  const [inbound] = await db.db.insert(inboundMessages).values({
    mailbox: 'INBOX', uidValidity: 1, uid: ++uid, messageId, contentHash: createHash('sha256').update(raw).digest('hex'), dedupeKey: messageId,
    internalDate: lastActivity, raw, sizeBytes: raw.length, disposition: 'opened_case', parseOutcome: 'parsed', caseId: opened.id,
    fingerprint: 'how many potholes were repaired', fingerprintHash: 'fp1', destinationFolder: 'Processed',
  }).returning({ id: inboundMessages.id });
  await db.db.insert(outbox).values({
    caseId: opened.id, inboundId: inbound!.id, purpose: 'acknowledgement', messageId: `<ack-${opened.id}@council.example.gov.uk>`,
    fromAddress: 'foi@council.example.gov.uk', recipients: [address], subject: `Re: Potholes on Mill Lane [${opened.reference}]`,
    textBody: `Dear ${name}, we received your request.`, htmlBody: `<p>Dear ${name}</p>`, headers: { 'In-Reply-To': messageId }, status: 'sent', sentAt: lastActivity,
  });
  await db.db.insert(caseReminders).values({ caseId: opened.id, key: 'due-5', dueDate: '2024-02-07', offset: 5, sentAt: lastActivity });
  return opened;
}

async function seedHeld(at: Date) {
  const raw = rawMail('Sam <sam@example.net>', 'Help', 'Who do I ask about my bins?', `<held-${++uid}@example.net>`);
  const [row] = await db.db.insert(inboundMessages).values({
    mailbox: 'INBOX', uidValidity: 1, uid, messageId: null, contentHash: `h${uid}`, dedupeKey: `sha256:h${uid}`, internalDate: at, raw,
    sizeBytes: raw.length, disposition: 'held', parseOutcome: 'parsed', error: 'thread.ambiguous', destinationFolder: 'Held',
  }).returning({ id: inboundMessages.id });
  await db.db.insert(outbox).values({
    inboundId: row!.id, purpose: 'held_notice', messageId: `<held-notice-${uid}@council.example.gov.uk>`, fromAddress: 'foi@council.example.gov.uk',
    recipients: ['officer@council.example.gov.uk'], subject: `[HELD] A message needs an officer (inbound #${row!.id})`, textBody: 'From: sam@example.net', headers: {},
  });
  return row!.id;
}

describe('purgeExpired', () => {
  it('anonymises an old finished case and an old held message, and nothing else', async () => {
    const old = await seedCase('closed', OLD);
    const open = await seedCase('in_progress', OLD, 'Ann Open');
    const recent = await seedCase('responded', RECENT, 'Rita Recent');
    const oldHeld = await seedHeld(OLD);
    const recentHeld = await seedHeld(RECENT);

    expect(await purgeExpired(db.db, { closedBefore: CLOSED_BEFORE, now: NOW })).toEqual({ cases: 1, inboundMessages: 2, outbox: 2 });

    const [purged] = await db.db.select().from(cases).where(eq(cases.id, old.id));
    expect(purged).toMatchObject({
      reference: old.reference, kind: 'foi', regime: 'foi', status: 'closed', receivedDate: '2024-01-10', dueDate: '2024-02-07',
      requesterName: null, requesterAddress: null, subject: '[redacted]', flags: [{ code: 'time_span', text: '[redacted]' }, { code: 'forwarded', text: '[redacted]' }],
    });
    expect(purged!.analysis).toMatchObject({
      kind: 'foi', topics: ['transport', 'finance'], sectionsCited: ['s1'], timeSpan: null, ambiguousTerms: [], forwardedFrom: null,
      questions: [{ number: '1', text: '[redacted]', topics: ['transport'] }],
      evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null },
    });
    expect(JSON.stringify(purged)).not.toMatch(/Mill Lane|Jo Bloggs|jo@example|in 2023/);
    const qs = await db.db.select().from(questions).where(eq(questions.caseId, old.id)).orderBy(questions.position);
    expect(qs.map((q) => [q.text, q.topics])).toEqual([['[redacted]', ['transport']], ['[redacted]', ['finance']]]);
    const [mail] = await db.db.select().from(inboundMessages).where(eq(inboundMessages.caseId, old.id));
    expect(mail).toMatchObject({ raw: null, fingerprint: null, messageId: `<req-${old.id}@example.org>` });
    const [sent] = await db.db.select().from(outbox).where(eq(outbox.caseId, old.id));
    expect(sent).toMatchObject({ textBody: '[redacted]', htmlBody: '[redacted]', subject: '[redacted]', recipients: [], status: 'sent' });
    const events = await db.db.select().from(caseEvents).where(eq(caseEvents.caseId, old.id));
    expect(events.filter((e) => e.event === 'personal_data_purged')).toEqual([expect.objectContaining({
      at: NOW, details: expect.objectContaining({ questions: 2, inboundMessages: 1, outbox: 1 }),
    })]);

    for (const kept of [open, recent]) {
      const [row] = await db.db.select().from(cases).where(eq(cases.id, kept.id));
      expect(row!.requesterAddress).toMatch(/@example\.org$/);
      expect(row!.subject).toBe('Potholes on Mill Lane');
      const [keptMail] = await db.db.select().from(inboundMessages).where(eq(inboundMessages.caseId, kept.id));
      expect(keptMail!.raw).not.toBeNull();
    }
    const held = await db.db.select({ id: inboundMessages.id, raw: inboundMessages.raw }).from(inboundMessages).where(eq(inboundMessages.disposition, 'held')).orderBy(inboundMessages.id);
    expect(held.map((h) => [h.id, h.raw === null])).toEqual([[oldHeld, true], [recentHeld, false]]);
    const notices = await db.db.select().from(outbox).where(eq(outbox.purpose, 'held_notice')).orderBy(outbox.id);
    expect(notices.map((n) => [n.inboundId, n.textBody, n.recipients])).toEqual([[oldHeld, '[redacted]', []], [recentHeld, 'From: sam@example.net', ['officer@council.example.gov.uk']]]);
  });

  it('changes nothing when run again', async () => {
    await seedCase('withdrawn', OLD);
    await seedHeld(OLD);
    expect(await purgeExpired(db.db, { closedBefore: CLOSED_BEFORE, now: NOW })).toEqual({ cases: 1, inboundMessages: 2, outbox: 2 });
    const snapshot = async () => ({
      cases: await db.db.select().from(cases), events: await db.db.select().from(caseEvents), questions: await db.db.select().from(questions),
      inbound: await db.db.select().from(inboundMessages), outbox: await db.db.select().from(outbox),
    });
    const before = await snapshot();
    const later = new Date('2026-12-28T09:00:00Z');
    expect(await purgeExpired(db.db, { closedBefore: later, now: later })).toEqual({ cases: 0, inboundMessages: 0, outbox: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('exportCase', () => {
  it('returns everything held about a case, then its redacted forms after a purge', async () => {
    const foiCase = await seedCase('closed', OLD);
    const full = await exportCase(db.db, foiCase.reference, new Date());
    expect(full.case).toMatchObject({ reference: foiCase.reference, requesterName: 'Jo Bloggs', requesterAddress: 'jo.bloggs@example.org', subject: 'Potholes on Mill Lane' });
    expect(full.questions.map((q) => q.text)).toEqual(['How many potholes were repaired on Mill Lane in 2023?', 'What did it cost?']);
    expect(full.events.map((e) => e.event)).toEqual(['case_opened', 'acknowledgement_queued']);
    expect(full.inboundMessages).toHaveLength(1);
    const [inbound] = full.inboundMessages;
    expect(inbound!.parsed).toMatchObject({
      from: 'Jo Bloggs <jo.bloggs@example.org>', to: ['foi@council.example.gov.uk'], subject: 'Potholes on Mill Lane', date: '2024-01-10T10:00:00.000Z',
    });
    expect(inbound!.parsed!.text).toContain('How many potholes were repaired on Mill Lane in 2023?');
    expect(Buffer.from(inbound!.rawBase64!, 'base64').toString()).toContain(`Message-ID: <req-${foiCase.id}@example.org>`);
    expect(full.outgoingMessages).toEqual([expect.objectContaining({
      recipients: ['jo.bloggs@example.org'], subject: `Re: Potholes on Mill Lane [${foiCase.reference}]`, text: 'Dear Jo Bloggs, we received your request.',
    })]);
    expect(full.reminders).toEqual([{ key: 'due-5', dueDate: '2024-02-07', offset: 5, sentAt: OLD.toISOString() }]);
    expect(JSON.parse(JSON.stringify(full))).toEqual(full);

    await purgeExpired(db.db, { closedBefore: CLOSED_BEFORE, now: NOW });
    const after = await exportCase(db.db, foiCase.reference, new Date());
    expect(after.case).toMatchObject({ reference: foiCase.reference, requesterName: null, requesterAddress: null, subject: '[redacted]' });
    expect(after.questions.map((q) => q.text)).toEqual(['[redacted]', '[redacted]']);
    expect(after.events.map((e) => e.event)).toEqual(['case_opened', 'acknowledgement_queued', 'personal_data_purged']);
    expect(after.inboundMessages).toEqual([expect.objectContaining({ messageId: `<req-${foiCase.id}@example.org>`, parsed: null, rawBase64: null })]);
    expect(after.outgoingMessages).toEqual([expect.objectContaining({ recipients: [], subject: '[redacted]', text: '[redacted]' })]);
    expect(JSON.stringify(after)).not.toMatch(/Mill Lane|Jo Bloggs|jo\.bloggs@/);
  });

  it('refuses an unknown reference', async () => {
    await expect(exportCase(db.db, 'FOI-2026-99999', new Date())).rejects.toSatisfy((e) => isAppError(e, 'case.not_found'));
  });
});
