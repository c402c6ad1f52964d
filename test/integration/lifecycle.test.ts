// The case lifecycle end to end over real servers: the seed request, the officer's clarification
// request, the requester's reply restarting the clock, the response, then a request for internal
// review that opens a linked review case with its own deadline.
import { describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { computeDeadline } from '../../src/clock/compute-deadline.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { actOnCase } from '../../src/pipeline/case/act-on-case.js';
import { createCaseStore } from '../../src/adapters/db/case-store.js';
import { caseEventsOf } from '../../src/adapters/db/case-queries.js';
import { fixture, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();

function reply(options: { subject: string; inReplyTo: string; body: string; from?: string }): string {
  return [
    `From: ${options.from ?? 'Martin Greaves <martin.greaves@example.org>'}`, 'To: FOI Team <foi@example.gov.uk>', `Subject: ${options.subject}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@mail.example.org>`, `In-Reply-To: ${options.inReplyTo}`, `References: ${options.inReplyTo}`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', options.body, '',
  ].join('\r\n');
}

async function runPass() {
  const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
  try {
    return { report: await runOnce(runtime), notify: runtime.notify };
  } finally {
    await runtime.close();
  }
}

describe('case lifecycle', () => {
  it('clarification restarts the clock; a review request opens a linked review case', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
    const { notify } = await runPass();
    const [seed] = await listCases(servers.db.db);
    expect(seed).toMatchObject({ reference: 'FOI-2017-00001', dueDate: '2017-06-27' });

    const clarify = await actOnCase(createCaseStore(servers.db.db), 'FOI-2017-00001', { type: 'seek_clarification', date: '2017-06-06', cause: 'officer' },
      { now: new Date('2017-06-06T10:00:00Z'), notify, message: 'By "security events", do you mean cyber-security incidents?' });
    expect(clarify).toMatchObject({ status: 'awaiting_clarification', dueDate: null, queued: ['clarification_request'] });
    await runPass();
    const request = servers.smtp.received.find((m) => m.parsed.text?.includes('do you mean cyber-security incidents'))!;
    expect(request.envelope.to).toEqual(['martin.greaves@example.org']);
    expect(request.parsed.subject).toBe('Re: Freedom of Information Request - Details relating to IT security [FOI-2017-00001]');

    await servers.mailbox.append(reply({
      subject: 'Re: Freedom of Information Request - Details relating to IT security [FOI-2017-00001]', inReplyTo: request.parsed.messageId!,
      body: 'To clarify, I am interested in cyber-security incidents which have occurred within the last 5 years.',
    }), new Date('2017-06-08T08:30:00Z'));
    const afterReply = await runPass();
    expect(afterReply.report.mailbox).toMatchObject({ opened: 0, attached: 1 });
    const [clarified] = await listCases(servers.db.db);
    expect(clarified).toMatchObject({ status: 'in_progress', dueDate: '2017-07-06' });
    // Two inbound; out: acknowledgement, summary, clarification request, its acknowledgement, officers' update.
    expect(clarified!.messageIds).toHaveLength(2 + 5);
    const ack = servers.smtp.received.find((m) => m.parsed.text?.includes('Thank you for clarifying'))!;
    expect(ack.parsed.text).toContain('6 July 2017');
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(servers.smtp.received.some((m) => m.parsed.subject?.startsWith('[FOI-2017-00001] clarification received'))).toBe(true);

    await actOnCase(createCaseStore(servers.db.db), 'FOI-2017-00001', { type: 'respond', cause: 'officer' }, { now: new Date('2017-07-05T10:00:00Z'), notify });
    await servers.mailbox.append(reply({
      subject: 'Re: Freedom of Information Request - Details relating to IT security [FOI-2017-00001]', inReplyTo: ack.parsed.messageId!,
      body: 'Dear Information Officer,\n\nPlease pass this on to the person who conducts Freedom of Information reviews.\n\nI am writing to request an internal review of your handling of my FOI request, because I do not accept that section 31 applies to all of the information.\n\nYours sincerely,\nMartin Greaves',
    }), new Date('2017-07-10T09:00:00Z'));
    const afterReview = await runPass();
    expect(afterReview.report.mailbox).toMatchObject({ opened: 0, attached: 1 });
    const all = await listCases(servers.db.db);
    expect(all).toHaveLength(2);
    const [original, review] = all;
    expect(original).toMatchObject({ status: 'under_review' });
    expect(review).toMatchObject({
      kind: 'internal_review', regime: 'foi_review', parentCaseId: original!.id, reference: 'FOI-2017-00002',
      dueDate: computeDeadline({ regime: 'foi_review', received: '2017-07-10' }).dueDate,
    });
    expect(servers.smtp.received.some((m) => m.parsed.subject === 'Re: Re: Freedom of Information Request - Details relating to IT security [FOI-2017-00001] [FOI-2017-00002]')).toBe(true);
    const events = (await caseEventsOf(servers.db.db, original!.id)).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['case_opened', 'clarification_sought', 'clarification_received', 'responded', 'review_started']));
  });

  it('a chaser is attached and flagged, with no new acknowledgement', async () => {
    await servers.mailbox.append(fixture('numbered-request.eml'));
    await runPass();
    const [opened] = await listCases(servers.db.db);
    const before = servers.smtp.received.length;
    // From the case's own requester: anyone else's message quoting the case is a stranger's (strangers.test.ts).
    await servers.mailbox.append(reply({
      from: opened!.requester.address!, subject: `Re: chasing [${opened!.reference}]`, inReplyTo: '<unknown@example.org>', body: 'Hello, any update on this? When can I expect a reply?',
    }));
    const { report } = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 0, attached: 1 });
    const [chased] = await listCases(servers.db.db);
    expect(chased!.flags).toContain('chaser');
    expect(chased!.flagDetails.map((f) => f.text).join(' ')).toMatch(/Chaser/);
    const sent = servers.smtp.received.slice(before);
    expect(sent.every((m) => m.envelope.to.includes('officer@example.gov.uk'))).toBe(true);
  });
});
