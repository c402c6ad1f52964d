// The pure middle of the pipeline: planning a case (regime, deadline, flags, whether to
// acknowledge) and rendering the outgoing mail from the admins' templates.
import { describe, expect, it } from 'vitest';
import type { OpenedCase } from '../../../src/domain/foi-case.js';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import { defaultPromptsDir } from '../../../src/paths.js';
import { formatReference, referencePattern } from '../../../src/pipeline/case/format-reference.js';
import { planCase, regimeFor } from '../../../src/pipeline/case/plan-case.js';
import { composeAcknowledgement, composeHeldNotice, composeOfficerSummary, type NotifySettings } from '../../../src/pipeline/notify/compose-messages.js';
import { questionLabel } from '../../../src/pipeline/notify/question-label.js';
import { isPermanentSmtpFailure } from '../../../src/pipeline/notify/smtp-failure.js';
import { loadTemplates } from '../../../src/pipeline/notify/templates.js';
import { backoffDelayMs } from '../../../src/backoff.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { fixture } from '../../harness/test-runtime.js';

const settings: NotifySettings = {
  templates: loadTemplates(defaultPromptsDir), from: '"FOI Team" <foi@example.gov.uk>', fromAddress: 'foi@example.gov.uk',
  officers: ['officer@example.gov.uk'], authorityName: 'Example Council', jurisdiction: 'england-and-wales', heldFolder: 'Held',
};

function analysis(overrides: Partial<RequestAnalysis> = {}): RequestAnalysis {
  return {
    kind: 'foi', questions: [{ number: '1', text: 'How many <b>laptops</b> & "tablets" were lost?', topics: ['it_security'] }],
    topics: ['it_security'], citesSection16: true, publicInterestArgument: false, sectionsCited: ['s16'], timeSpan: 'last 5 years',
    ambiguousTerms: ['security events'], validity: { valid: false, missing: ['name'] },
    evidence: { section16: { text: 'section 16', start: 0, end: 10 }, publicInterest: null, timeSpan: null, kind: null },
    ...overrides,
  };
}

async function openedSeedCase(a = analysis(), standing = { inside: false, unverified: false }): Promise<{ foiCase: OpenedCase; mail: Awaited<ReturnType<typeof parseMail>> }> {
  const mail = await parseMail(fixture('seed-it-security.eml'));
  const draft = planCase({ mail, analysis: a, receivedAt: new Date('2017-05-30T09:14:32Z'), jurisdiction: 'england-and-wales', automated: { automated: false }, standing });
  return { foiCase: { ...draft, id: 1, reference: 'FOI-2017-00001' }, mail };
}

describe('planCase', () => {
  it('dates the case from INTERNALDATE in London and computes the FOIA due date', async () => {
    const { foiCase } = await openedSeedCase();
    expect(foiCase).toMatchObject({ regime: 'foi', receivedDate: '2017-05-30', dueDate: '2017-06-27', acknowledge: { send: true } });
    expect(foiCase.dueExplain.join('\n')).toMatch(/day one: Wed 31 May 2017/);
  });

  it('takes the London date of a late-evening UTC receipt', async () => {
    const mail = await parseMail(fixture('numbered-request.eml'));
    const draft = planCase({ mail, analysis: analysis(), receivedAt: new Date('2025-06-30T23:30:00Z'), jurisdiction: 'england-and-wales', automated: { automated: false } });
    expect(draft.receivedDate).toBe('2025-07-01');
  });

  it('flags what officers must see, with evidence', async () => {
    const { foiCase } = await openedSeedCase();
    expect(foiCase.flags).toEqual(expect.arrayContaining([
      { code: 's16', text: 'Section 16 (advice and assistance) invoked: "section 16"' },
      { code: 'vague_terms', text: 'Vague terms that may need clarification: security events' },
      { code: 'validity', text: 'Validity (FOIA s.8): missing name' },
    ]));
  });

  it('maps kinds to regimes by jurisdiction, and withholds acknowledgements from non-requests', async () => {
    expect(regimeFor('foi', 'scotland')).toBe('foisa');
    expect(regimeFor('eir', 'scotland')).toBe('eisr');
    expect(regimeFor('internal_review', 'england-and-wales')).toBe('foi_review');
    expect(regimeFor('complaint', 'england-and-wales')).toBeNull();
    const { foiCase } = await openedSeedCase(analysis({ kind: 'other' }));
    expect(foiCase).toMatchObject({ regime: null, dueDate: null, acknowledge: { send: false } });
    const { foiCase: complaint } = await openedSeedCase(analysis({ kind: 'complaint' }));
    expect(complaint).toMatchObject({ regime: null, dueDate: null, acknowledge: { send: true, form: 'complaint_receipt' } });
  });
});

describe('planCase for forwarded and mixed requests', () => {
  it('takes the forwarded original sender as the requester when a colleague forwards it, and flags a SAR part', async () => {
    const { foiCase } = await openedSeedCase(analysis({
      forwardedFrom: { name: 'Jo Bloggs', address: 'jo.bloggs@example.net' }, mixed: { ownData: ['2'], general: ['1'] },
    }), { inside: true, unverified: false });
    expect(foiCase.requester).toEqual({ name: 'Jo Bloggs', address: 'jo.bloggs@example.net' });
    expect(foiCase.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['forwarded', 'mixed_request']));
    expect(foiCase.flags.map((f) => f.text).join('\n')).toMatch(/Mixed request: question\(s\) 2 ask for the requester's own personal data/);
  });

  it('finds the own-data question of a mixed request in the analysis', async () => {
    const { analyseRequest } = await import('../../../src/pipeline/analyse/analyse-request.js');
    const a = analyseRequest({
      subject: 'FOI request', from: { name: 'Sam Jones', address: 'sam@example.org' },
      text: 'Dear Council,\n\nPlease provide:\n1. The number of parking permits issued in 2024.\n2. Copies of all the emails you hold that mention me by name.\n\nYours faithfully,\nSam Jones',
    });
    expect(['foi', 'sar']).toContain(a.kind);
    expect(a.mixed).toEqual({ ownData: ['2'], general: ['1'] });
  });
});

describe('composing outgoing mail', () => {
  it('acknowledges with the contract subject and headers, escaping requester text only in HTML', async () => {
    const { foiCase, mail } = await openedSeedCase();
    const ack = composeAcknowledgement(foiCase, mail, settings);
    expect(ack.subject).toBe('Re: Freedom of Information Request - Details relating to IT security [FOI-2017-00001]');
    expect(ack.to).toEqual(['martin.greaves@example.org']);
    expect(ack.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'In-Reply-To': mail.messageId, References: mail.messageId });
    expect(ack.messageId).toMatch(/^<foi-intake\.acknowledgement\.FOI-2017-00001\.[0-9a-f-]+@example\.gov\.uk>$/);
    expect(ack.text).toContain('1. How many <b>laptops</b> & "tablets" were lost?');
    expect(ack.html).toContain('How many &lt;b&gt;laptops&lt;&#x2F;b&gt; &amp; &quot;tablets&quot; were lost?');
    expect(ack.html).not.toContain('<b>laptops');
    expect(ack.text).toContain('27 June 2017');
    expect(ack.text).toContain('30 May 2017');
    expect(ack.text).toMatch(/section 16 of the Freedom of Information Act 2000\)\. We will give it/);
  });

  it('repeats a page-long question to the requester cut to 500 characters, to officers to 1,000', async () => {
    const { foiCase, mail } = await openedSeedCase();
    const long = `Please provide ${'all of the records held about the matter described below and '.repeat(80)}`;
    const withLong = { ...foiCase, questions: [{ ...foiCase.questions[0]!, text: long, items: [long] }] };
    const ack = composeAcknowledgement(withLong, mail, settings);
    expect(ack.text).toContain(`${long.slice(0, 500)}…`);
    expect(ack.text).not.toContain(long.slice(0, 501));
    const summary = composeOfficerSummary(withLong, mail, settings);
    expect(summary.text).toContain(`${long.slice(0, 1000).trimEnd()} […]`);
    expect(summary.text).not.toContain(long.slice(0, 1200));
  });

  it('says nothing about advice and assistance when the request did not ask', async () => {
    const { foiCase, mail } = await openedSeedCase(analysis({ citesSection16: false }));
    expect(composeAcknowledgement(foiCase, mail, settings).text).not.toMatch(/advice and assistance/);
  });

  it('briefs officers with a subject starting [reference], the questions, flags and the original', async () => {
    const { foiCase, mail } = await openedSeedCase();
    const summary = composeOfficerSummary(foiCase, mail, settings);
    expect(summary.subject).toMatch(/^\[FOI-2017-00001\] FOI request, due 27 June 2017: /);
    expect(summary.to).toEqual(['officer@example.gov.uk']);
    expect(summary.text).toContain('topics: it_security');
    expect(summary.text).toContain('Validity (FOIA s.8): missing name');
    expect(summary.text).toContain('I remind you of your obligation under section 16');
    expect(summary.html).toContain('&lt;b&gt;laptops');
  });

  it('tells officers about held mail by id, without its content', () => {
    const notice = composeHeldNotice({ inboundId: 7, receivedAt: new Date('2026-03-02T10:00:00Z'), reason: 'parse.missing_sender: no From' }, settings);
    expect(notice.subject).toBe('[HELD] A message needs an officer (inbound #7)');
    expect(notice.text).toContain('"Held" folder');
  });
});

describe('small rules', () => {
  it('formats and finds references', () => {
    expect(formatReference('FOI-{year}-{seq:5}', 2026, 42)).toBe('FOI-2026-00042');
    expect(formatReference('{year}/{seq}', 2026, 7)).toBe('2026/7');
    expect(referencePattern('FOI-{year}-{seq:5}').exec('Re: rates [FOI-2026-00042]')?.[0]).toBe('FOI-2026-00042');
  });

  it('labels questions as the requester numbered them', () => {
    expect(questionLabel('1', 0)).toBe('1.');
    expect(questionLabel('a', 0)).toBe('a)');
    expect(questionLabel('iv', 0)).toBe('iv)');
    expect(questionLabel('2.1', 0)).toBe('2.1.');
    expect(questionLabel(null, 2)).toBe('3.');
  });

  it('treats 5xx as permanent except 503, and connection failures as transient', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 503 })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('backs off exponentially, capped, with jitter in the upper half', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(500);
    expect(backoffDelayMs(policy, 1, () => 1)).toBe(1000);
    expect(backoffDelayMs(policy, 4, () => 1)).toBe(8000);
    expect(backoffDelayMs(policy, 30, () => 1)).toBe(60_000);
  });
});
