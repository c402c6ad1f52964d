// Issue 10, "strangers kept out" and "Message-ID is not identity", over real servers. References are
// sequential and a reply's headers can be copied: a message from anyone but the case's requester (or
// someone inside the authority) becomes its own case linked to the one it quotes, and acts on nothing;
// and a Message-ID used before by another sender or for other content opens a new, flagged case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseEventsOf, listCases } from '../../src/adapters/db/case-queries.js';
import { createCaseStore } from '../../src/adapters/db/case-store.js';
import { inboundMessages } from '../../src/adapters/db/schema.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { fixturesDir } from '../../src/paths.js';
import { actOnCase } from '../../src/pipeline/case/act-on-case.js';
import { OFFICERS, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();
const OFFICER = OFFICERS.replace(/^.*<|>$/g, '');
const ENV = { FOI_ACKNOWLEDGE_SINCE: 'all' };
const JANE = 'jane.holder@example.org';

const attack = (name: string) => readFileSync(join(fixturesDir, 'hostile', 'attacks', name));

async function runPass() {
  const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url, ENV));
  try {
    return { report: await runOnce(runtime), notify: runtime.notify };
  } finally {
    await runtime.close();
  }
}

const sentSince = (n: number) => servers.smtp.received.slice(n);

describe('strangers kept out', () => {
  it('a stranger quoting a case awaiting clarification gets a linked case of their own; the clock stays paused and the requester hears nothing', async () => {
    await servers.mailbox.append(attack('case-request.eml'), new Date('2026-03-02T08:00:00Z'));
    const { notify } = await runPass();
    await actOnCase(createCaseStore(servers.db.db), 'FOI-2026-00001', { type: 'seek_clarification', date: '2026-03-02', cause: 'officer' },
      { now: new Date('2026-03-02T12:00:00Z'), notify, message: 'Do you mean council-owned homes only?' });
    await runPass();
    const before = servers.smtp.received.length;

    await servers.mailbox.append(attack('stranger-clarification.eml'), new Date('2026-03-03T08:00:00Z'));
    const { report } = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 1, attached: 0, held: 0 });
    const [original, stranger] = await listCases(servers.db.db);
    expect(original).toMatchObject({ reference: 'FOI-2026-00001', status: 'awaiting_clarification', dueDate: null, linkedTo: [] });
    expect(stranger).toMatchObject({ reference: 'FOI-2026-00002', requester: { address: 'eve@elsewhere.example' }, linkedTo: ['FOI-2026-00001'], parentCaseId: null });
    expect(stranger!.flags).toContain('stranger');
    const events = await caseEventsOf(servers.db.db, original!.id);
    expect(events.map((e) => e.event)).not.toContain('clarification_received');
    // Nothing to the requester; officers are told, with the flag.
    const sent = sentSince(before);
    expect(sent.flatMap((m) => m.envelope.to)).not.toContain(JANE);
    const summary = sent.find((m) => m.envelope.to.includes(OFFICER) && m.parsed.subject?.startsWith('[FOI-2026-00002]'))!;
    expect(summary.parsed.text).toMatch(/Quotes FOI-2026-00001 but comes from a different sender than its requester/);
    expect(await servers.mailbox.subjectsIn('Processed')).toContain('Re: Housing repairs backlog [FOI-2026-00001]');
  });

  it('a stranger\'s "please review" after the response opens no review and leaves the case as it was', async () => {
    await servers.mailbox.append(attack('case-request.eml'), new Date('2026-03-02T08:00:00Z'));
    const { notify } = await runPass();
    await actOnCase(createCaseStore(servers.db.db), 'FOI-2026-00001', { type: 'respond', cause: 'officer' }, { now: new Date('2026-03-06T10:00:00Z'), notify });
    const before = servers.smtp.received.length;

    await servers.mailbox.append(attack('stranger-review.eml'), new Date('2026-03-10T08:00:00Z'));
    const { report } = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 1, attached: 0 });
    const all = await listCases(servers.db.db);
    expect(all).toHaveLength(2);
    const [original, stranger] = all;
    expect(original!.status).toBe('responded');
    expect(stranger).toMatchObject({ linkedTo: ['FOI-2026-00001'], parentCaseId: null, requester: { address: 'eve@elsewhere.example' } });
    expect(stranger!.flags).toContain('stranger');
    expect(all.some((c) => c.parentCaseId === original!.id)).toBe(false);
    // Officers only: neither the requester nor the stranger is answered as if the review were real.
    expect(sentSince(before).map((m) => m.envelope.to)).toEqual([[OFFICER]]);
  });
});

describe('Message-ID is not identity', () => {
  it('opens a new, flagged case for a Message-ID reused by another sender or for other content; a true replay stays a duplicate', async () => {
    await servers.mailbox.append(attack('case-request.eml'), new Date('2026-03-02T08:00:00Z'));
    await runPass();
    await servers.mailbox.append(attack('reused-id-other-sender.eml'), new Date('2026-03-02T11:00:00Z'));
    await servers.mailbox.append(attack('reused-id-other-content.eml'), new Date('2026-03-02T12:00:00Z'));
    const second = await runPass();
    expect(second.report.mailbox).toMatchObject({ opened: 2, duplicates: 0, held: 0 });
    const all = await listCases(servers.db.db);
    expect(all.map((c) => [c.requester.address, c.flags.includes('message_id_reused')])).toEqual([
      [JANE, false], ['rob@copier.example', true], [JANE, true],
    ]);
    expect(all[1]!.flagDetails.find((f) => f.code === 'message_id_reused')!.text).toMatch(/used before by a different message/);
    // Each is acknowledged to its own sender.
    const acks = servers.smtp.received.filter((m) => !m.envelope.to.includes(OFFICER)).map((m) => m.envelope.to[0]);
    expect(acks).toEqual([JANE, 'rob@copier.example', JANE]);

    // The very same messages again: replays, no further case.
    await servers.mailbox.append(attack('reused-id-other-sender.eml'), new Date('2026-03-02T13:00:00Z'));
    await servers.mailbox.append(attack('case-request.eml'), new Date('2026-03-02T13:00:00Z'));
    const third = await runPass();
    expect(third.report.mailbox).toMatchObject({ opened: 0, duplicates: 2 });
    expect(await listCases(servers.db.db)).toHaveLength(3);

    const rows = await servers.db.db.select().from(inboundMessages).orderBy(asc(inboundMessages.id));
    expect(rows.map((r) => [r.disposition, r.fromAddress, r.raw !== null])).toEqual([
      ['opened_case', JANE, true], ['opened_case', 'rob@copier.example', true], ['opened_case', JANE, true],
      ['duplicate', 'rob@copier.example', false], ['duplicate', JANE, false],
    ]);
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
  });
});
