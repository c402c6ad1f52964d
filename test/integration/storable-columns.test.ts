// Every text column that may hold mail content, and every jsonb value, is made storable on the
// way in: a NUL or a lone surrogate anywhere (even deep in a flag or an event's details) never
// fails the transaction, and reads back as U+FFFD.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseEvents, cases, inboundMessages } from '../../src/adapters/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

describe('storable columns', () => {
  it('writes NUL and lone surrogates in text and nested jsonb as U+FFFD', async () => {
    const [opened] = await db.db.insert(cases).values({
      reference: 'FOI-2026-90001', kind: 'foi', regime: 'foia', status: 'received', receivedAt: new Date(), receivedDate: '2026-12-07',
      requesterName: 'Jane\u0000Smith', requesterAddress: 'jane@example.org', subject: 'Pot\u0000holes \uD800',
      analysis: { questions: [{ text: 'How\u0000many?', topics: ['roads\uDC00'] }], 'key\u0000': true },
      flags: [{ code: 'note', text: 'quoted \u0000 subject' }],
    }).returning({ id: cases.id });
    await db.db.insert(caseEvents).values({ caseId: opened!.id, at: new Date(), event: 'opened', cause: 'mail\u0000', details: { subject: ['x\uD800'] } });
    await db.db.insert(inboundMessages).values({
      mailbox: 'm', uidValidity: 1, uid: 1, messageId: '<a\u0000@x>', contentHash: 'h', internalDate: new Date(), sizeBytes: 1,
      disposition: 'held', parseOutcome: 'held_poison', error: 'bad \uDC00 text', destinationFolder: 'Held', raw: Buffer.from('a\u0000b'),
    });

    const [row] = await db.db.select().from(cases).where(eq(cases.id, opened!.id));
    expect(row).toMatchObject({ requesterName: 'Jane\uFFFDSmith', subject: 'Pot\uFFFDholes \uFFFD', flags: [{ code: 'note', text: 'quoted \uFFFD subject' }] });
    expect(row!.analysis).toEqual({ questions: [{ text: 'How\uFFFDmany?', topics: ['roads\uFFFD'] }], 'key\uFFFD': true });
    const [event] = await db.db.select().from(caseEvents);
    expect(event).toMatchObject({ cause: 'mail\uFFFD', details: { subject: ['x\uFFFD'] } });
    const [inbound] = await db.db.select().from(inboundMessages);
    expect(inbound).toMatchObject({ messageId: '<a\uFFFD@x>', error: 'bad \uFFFD text' });
    expect(inbound!.raw!.equals(Buffer.from('a\u0000b'))).toBe(true); // raw bytes unchanged
  });

  it('keeps raw bytes exactly, whether they go as 7-bit text or as base64', async () => {
    const samples = [
      Buffer.from('\\x41 starts like hex\r\nSubject: a \\ b \\\\ c \\101\r\n\r\nbody\tend\x7f'), // 7-bit, backslashes
      Buffer.from('Subject: caf\u00e9\r\n\r\n\u00e9t\u00e9'), // 8-bit text
      Buffer.from([0x41, 0x00, 0x5c, 0xff, 0x0d, 0x0a]), // NUL and binary
      Buffer.alloc(0),
      Buffer.alloc(300_000, 'QUJD\r\n'), // large, 7-bit
    ];
    await db.db.insert(inboundMessages).values(samples.map((raw, i) => ({
      mailbox: 'm', uidValidity: 1, uid: i + 1, contentHash: `h${i}`, internalDate: new Date(), sizeBytes: raw.length, disposition: 'held' as const,
      parseOutcome: 'held_poison' as const, destinationFolder: 'Held', raw,
    })));
    const rows = await db.db.select({ uid: inboundMessages.uid, raw: inboundMessages.raw }).from(inboundMessages).orderBy(inboundMessages.uid);
    expect(rows.map((r) => r.raw!.equals(samples[r.uid - 1]!))).toEqual(samples.map(() => true));
  });
});
