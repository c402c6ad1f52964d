// A new case, its message and its mail are written by one statement whose text does not depend on
// how many questions, events or mails there are (so it is prepared once per connection); every row
// lands linked to the case and the message, in order, with text made storable on the way in.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_CASE } from '../../src/adapters/db/new-case-writes.js';
import { newCaseValues } from '../../src/adapters/db/new-case-rows.js';
import { filingTransactionOf } from '../../src/adapters/db/intake-store.js';
import { caseEvents, cases, inboundMessages, outbox, questions } from '../../src/adapters/db/schema.js';
import type { CaseDraft } from '../../src/domain/foi-case.js';
import type { OutgoingMail } from '../../src/domain/outgoing-mail.js';
import type { NewCaseFromMessage } from '../../src/pipeline/case/filing-store.js';
import { openingEvents } from '../../src/pipeline/case/case-opening.js';
import { EMPTY_ANALYSIS, exampleDraft } from '../harness/seed-case.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
const now = new Date('2026-11-02T10:00:00Z');

function draftOf(questionTexts: string[]): CaseDraft {
  return exampleDraft('Potholes', questionTexts, now, ['transport'], {
    dueExplain: ['20 working days'], requester: { name: 'A\u0000Person', address: 'a@example.org' }, analysis: { ...EMPTY_ANALYSIS, topics: ['transport'] },
  });
}

const mailOf = (purpose: OutgoingMail['purpose'], n: number): OutgoingMail => ({
  purpose, messageId: `<m${n}@foi.example.gov.uk>`, from: 'foi@example.gov.uk', to: [`person${n}@example.org`], subject: `Re: Potholes ${n}`,
  text: `Body ${n}\u0000`, html: null, headers: { 'Auto-Submitted': 'auto-replied' },
});

function workOf(uid: number, reference: string, questionTexts: string[], mail: OutgoingMail[], keepRaw = true, raw = Buffer.from(`raw ${uid}\u0000\u00ff`, 'latin1')): NewCaseFromMessage {
  const draft = draftOf(questionTexts);
  return {
    opening: { draft, reference, events: openingEvents(draft, now) },
    facts: { mailboxKey: 'inbox', uidValidity: 7, uid, internalDate: now, raw, contentHash: `h${uid}`, messageId: `<in${uid}@example.org>` },
    record: { disposition: 'opened_case', parseOutcome: 'ok', destinationFolder: 'Processed', dedupeKey: `<in${uid}@example.org>`, keepRaw, fingerprint: 'potholes', fingerprintHash: 'fp' },
    campaign: null, mail,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('a new case in one statement', () => {
  it('has one text for every case: a value for each of its parameters, the lists as one array each', () => {
    const placeholders = new Set(NEW_CASE.text.match(/\$\d+/g)).size;
    const full = NEW_CASE.params(newCaseValues(workOf(1, 'FOI-1', ['a?', 'b?', 'c?'], [mailOf('acknowledgement', 1), mailOf('officer_summary', 2)])));
    const empty = NEW_CASE.params(newCaseValues(workOf(2, 'FOI-2', [], [], false)));
    expect(full).toHaveLength(placeholders);
    expect(empty).toHaveLength(placeholders);
    expect(full.filter((p) => Array.isArray(p)).map((p) => (p as unknown[]).length)).toEqual([3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(empty.filter((p) => Array.isArray(p)).map((p) => (p as unknown[]).length)).toEqual([0, 0, 0, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('writes the case, its questions, events, message and mail, linked and in order', async () => {
    const opened = await db.db.transaction(async (tx) => {
      const filing = filingTransactionOf(tx as never);
      const first = await filing.openCaseFromMessage(workOf(10, 'FOI-10', ['How many?', 'Where\u0000?', 'When?'], [mailOf('acknowledgement', 3), mailOf('officer_summary', 4)])).written;
      const second = await filing.openCaseFromMessage(workOf(11, 'FOI-11', [], [], false)).written;
      const plain = await filing.openCaseFromMessage(workOf(12, 'FOI-12', ['Why?'], [], true, Buffer.from('Subject: a \\ b\r\n\r\n\\x00 C:\\path\r\n'))).written;
      // A large request: its raw bytes and its mail (an officer summary quotes it) follow in statements of their own.
      const bigText = 'x'.repeat(300 * 1024);
      const large = await filing.openCaseFromMessage(workOf(13, 'FOI-13', ['How big?'], [mailOf('acknowledgement', 5), { ...mailOf('officer_summary', 6), text: bigText }], true, Buffer.from(`Subject: big\r\n\r\n${bigText}`))).written;
      return { first, second, plain, large };
    });

    const [row] = await db.db.select().from(cases).where(eq(cases.id, opened.first.caseId));
    expect(row).toMatchObject({ reference: 'FOI-10', status: 'received', requesterName: 'A\uFFFDPerson', dueExplain: ['20 working days'], imported: false, importSource: null, mailbox: 'default' });
    const asked = await db.db.select().from(questions).where(eq(questions.caseId, opened.first.caseId)).orderBy(asc(questions.id));
    expect(asked.map((q) => [q.position, q.number, q.text, q.topics])).toEqual([[0, '1', 'How many?', ['transport']], [1, '2', 'Where\uFFFD?', ['transport']], [2, '3', 'When?', ['transport']]]);
    const events = await db.db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.first.caseId)).orderBy(asc(caseEvents.id));
    const expected = openingEvents(draftOf([]), now);
    expect(events.map((e) => [e.event, e.at.toISOString(), e.details])).toEqual(expected.map((e) => [e.event, e.at.toISOString(), e.details]));
    const [inbound] = await db.db.select().from(inboundMessages).where(eq(inboundMessages.id, opened.first.inboundId));
    expect(inbound).toMatchObject({ caseId: opened.first.caseId, uid: 10, uidValidity: 7, disposition: 'opened_case', fingerprintHash: 'fp', sizeBytes: 8 });
    expect(inbound!.raw!.equals(Buffer.from('raw 10\u0000\u00ff', 'latin1'))).toBe(true);
    const mail = await db.db.select().from(outbox).where(eq(outbox.caseId, opened.first.caseId)).orderBy(asc(outbox.id));
    expect(mail.map((m) => [m.purpose, m.inboundId, m.recipients, m.textBody, m.headers, m.status])).toEqual([
      ['acknowledgement', opened.first.inboundId, ['person3@example.org'], 'Body 3\uFFFD', { 'Auto-Submitted': 'auto-replied' }, 'queued'],
      ['officer_summary', opened.first.inboundId, ['person4@example.org'], 'Body 4\uFFFD', { 'Auto-Submitted': 'auto-replied' }, 'queued'],
    ]);

    expect(await db.db.select().from(questions).where(eq(questions.caseId, opened.second.caseId))).toEqual([]);
    expect(await db.db.select().from(outbox).where(eq(outbox.caseId, opened.second.caseId))).toEqual([]);
    const [bare] = await db.db.select().from(inboundMessages).where(eq(inboundMessages.id, opened.second.inboundId));
    expect(bare).toMatchObject({ caseId: opened.second.caseId, raw: null });
    // 7-bit mail travels as escaped text rather than base64: backslashes and all come back as they were.
    const [plain] = await db.db.select().from(inboundMessages).where(eq(inboundMessages.id, opened.plain.inboundId));
    expect(plain!.raw!.toString('latin1')).toBe('Subject: a \\ b\r\n\r\n\\x00 C:\\path\r\n');
    const [large] = await db.db.select().from(inboundMessages).where(eq(inboundMessages.id, opened.large.inboundId));
    expect(large!.raw!.equals(Buffer.from(`Subject: big\r\n\r\n${'x'.repeat(300 * 1024)}`))).toBe(true);
    expect(large!.caseId).toBe(opened.large.caseId);
    const largeMail = await db.db.select().from(outbox).where(eq(outbox.caseId, opened.large.caseId)).orderBy(asc(outbox.id));
    expect(largeMail.map((m) => [m.purpose, m.inboundId, m.textBody.length])).toEqual([
      ['acknowledgement', opened.large.inboundId, 'Body 5\uFFFD'.length], ['officer_summary', opened.large.inboundId, 300 * 1024],
    ]);
  });
});
