// The rules that keep the auto-responder from being turned against anyone, decided in pure code: one
// mailbox per recipient, a forward believed only from inside the authority, strangers kept off other
// people's cases, and a reused Message-ID taken as a new message.
import { describe, expect, it } from 'vitest';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import type { Surroundings } from '../../../src/pipeline/case/filing-store.js';
import { referencePatternOf } from '../../../src/pipeline/case/format-reference.js';
import { decideFate, recordedFacts, type FateContext, type PendingMessage } from '../../../src/pipeline/case/inbound-fate.js';
import { sightingOf } from '../../../src/pipeline/case/message-identity.js';
import { planCase } from '../../../src/pipeline/case/plan-case.js';
import { decideRequester, senderStanding, type AuthorityBounds, type SenderStanding } from '../../../src/pipeline/case/requester.js';
import { publicRecipients, singleMailbox } from '../../../src/pipeline/notify/single-mailbox.js';

const now = new Date('2026-03-20T09:00:00Z');
const context: FateContext = {
  now, threadPattern: referencePatternOf(['FOI-{year}-{seq:5}']),
  settings: {
    mailboxName: 'default', referenceFormat: 'FOI-{year}-{seq:5}', threadReferenceFormats: ['FOI-{year}-{seq:5}'],
    processedFolder: 'Processed', heldFolder: 'Held', maxAcksPerAddressPerDay: 2, duplicateWindowDays: 30,
  },
};
const nothingAround: Surroundings = {
  firstSighting: null, byReference: [], messageOwners: [], senderCases: [], repeats: { own: [], others: [] }, acknowledgementsSent: 0,
};
const facts = {
  mailboxKey: 'foi@council INBOX', uidValidity: 1, uid: 7, internalDate: now, raw: Buffer.from('x'), contentHash: 'abc',
  messageId: '<m-7@example.org>', fromAddress: 'alex@example.net', bodyHash: 'body-1',
};

function mail(overrides: Partial<InboundMail> = {}): InboundMail {
  return {
    messageId: '<m-7@example.org>', from: { name: 'Alex Reed', address: 'alex@example.net' }, senderCount: 1, replyTo: null, to: [], cc: [],
    subject: 'Potholes on Mill Lane', date: now, inReplyTo: null, references: [], text: 'How many potholes were repaired?', html: null,
    headers: new Map(), contentType: 'text/plain', attachments: [], ...overrides,
  };
}

function analysis(overrides: Partial<RequestAnalysis> = {}): RequestAnalysis {
  return {
    kind: 'foi', questions: [{ number: null, text: 'How many potholes were repaired?', topics: ['transport'] }], topics: ['transport'],
    citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [], validity: { valid: true, missing: [] },
    evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null }, ...overrides,
  };
}

const OUTSIDE: SenderStanding = { inside: false, unverified: false };

function request(overrides: Partial<InboundMail> = {}, a = analysis(), standing = OUTSIDE): PendingMessage {
  const m = mail(overrides);
  const draft = planCase({ mail: m, analysis: a, receivedAt: now, jurisdiction: 'england-and-wales', automated: { automated: false }, standing });
  return { facts, prepared: { type: 'request', mail: m, draft, standing, fingerprint: '', fingerprintHash: null } };
}

const bounds: AuthorityBounds = { authenticationOn: true, internalDomains: ['council.gov.uk'], officers: ['officer@council.gov.uk'] };

describe('singleMailbox', () => {
  it('takes exactly one plain mailbox, lower-cased, and nothing else', () => {
    expect(singleMailbox('Jane Smith <Jane.Smith@Example.org>')).toEqual({ name: 'Jane Smith', address: 'jane.smith@example.org' });
    const friends = Array.from({ length: 200 }, (_, i) => `p${i}@victim${i}.example`).join(',');
    for (const field of [
      `Friend <${friends}>`, 'a@x.example, b@y.example', 'Team: a@x.example, b@y.example;', '"a,b"@x.example', 'a@a@a@x.example',
      'x@y.example\r\nBcc: z@q.example', '', 'no address here',
    ]) expect(singleMailbox(field)).toBeNull();
  });

  it('refuses to compose mail to the public for anything but one mailbox', () => {
    expect(publicRecipients('A@B.example')).toEqual(['a@b.example']);
    expect(() => publicRecipients('a@x.example,b@y.example')).toThrow(/exactly one mailbox/);
    expect(() => publicRecipients(null)).toThrow(/exactly one mailbox/);
  });
});

describe('senderStanding', () => {
  const pass = { dmarc: 'pass', spoofSuspected: false };
  it('is inside only when authenticated for an internal domain, with authentication on', () => {
    expect(senderStanding('clerk@council.gov.uk', pass, bounds)).toEqual({ inside: true, unverified: false });
    expect(senderStanding('clerk@council.gov.uk', { dmarc: 'none', spoofSuspected: false }, bounds).inside).toBe(false);
    expect(senderStanding('someone@outside.example', pass, bounds).inside).toBe(false);
  });

  it('with authentication off, counts only the mailbox\'s officers, unverified', () => {
    const off = { ...bounds, authenticationOn: false };
    expect(senderStanding('officer@council.gov.uk', null, off)).toEqual({ inside: true, unverified: true });
    expect(senderStanding('clerk@council.gov.uk', null, off)).toEqual({ inside: false, unverified: false });
  });
});

describe('decideRequester', () => {
  const outer = { from: { name: 'Mallory', address: 'mallory@outside.example' }, senderCount: 1 };
  it('keeps the outer sender as the requester when an outsider forwards a block naming someone else', () => {
    const who = decideRequester({ mail: outer, forwardedFrom: { name: 'Bystander', address: 'bystander@victim.example' }, standing: OUTSIDE });
    expect(who.requester.address).toBe('mallory@outside.example');
    expect(who.mailable).toBe(true);
    expect(who.flags[0]?.text).toMatch(/^Forwarded on behalf of bystander@victim\.example/);
  });

  it('takes the forwarded sender from inside the authority, flagging an unverified forwarder', () => {
    const inside = decideRequester({ mail: outer, forwardedFrom: { name: 'Jo', address: 'Jo@Example.net' }, standing: { inside: true, unverified: true } });
    expect(inside.requester).toEqual({ name: 'Jo', address: 'jo@example.net' });
    expect(inside.flags.map((f) => f.code)).toEqual(['forwarded', 'forwarded_unverified']);
  });

  it('sends nothing automatically when the forwarded sender is a list, even from inside', () => {
    const who = decideRequester({ mail: outer, forwardedFrom: { name: 'Friend', address: 'a@x.example,b@y.example' }, standing: { inside: true, unverified: false } });
    expect(who).toMatchObject({ mailable: false, requester: { address: 'mallory@outside.example' } });
  });

  it('sends nothing automatically when From names several mailboxes', () => {
    const draft = planCase({
      mail: mail({ senderCount: 2 }), analysis: analysis(), receivedAt: now, jurisdiction: 'england-and-wales', automated: { automated: false },
    });
    expect(draft.acknowledge).toEqual({ send: false, reason: 'no automatic mail: the From header names 2 mailboxes' });
  });
});

describe('strangers', () => {
  const quoted = { caseId: 42, reference: 'FOI-2026-00042', requesterAddress: 'jane@example.org' };
  it('lets the requester\'s own reply act on the case', () => {
    const own = request({ from: { name: 'Jane', address: 'Jane@Example.org' }, subject: 'Re: [FOI-2026-00042]' }, analysis({ kind: 'clarification' }));
    expect(decideFate(own, { ...nothingAround, byReference: [quoted] }, context)).toMatchObject({ type: 'reply', caseId: 42 });
  });

  it('makes a stranger\'s clarification quoting a reference its own linked, flagged case, without an acknowledgement', () => {
    const fate = decideFate(request({ subject: 'Re: [FOI-2026-00042]' }, analysis({ kind: 'clarification' })), { ...nothingAround, byReference: [quoted] }, context);
    if (fate.type !== 'new') throw new Error(`expected a new case, got ${fate.type}`);
    expect(fate.draft).toMatchObject({ kind: 'clarification', linkedCaseId: 42, requester: { address: 'alex@example.net' }, acknowledge: { send: false } });
    expect(fate.draft.flags.find((f) => f.code === 'stranger')?.text).toMatch(/^Quotes FOI-2026-00042 but comes from a different sender/);
  });

  it('treats a stranger replying to a case\'s mail by its headers the same way', () => {
    const owners = [{ caseId: 42, messageId: '<ack@council>', purpose: 'acknowledgement', requesterAddress: 'jane@example.org', reference: 'FOI-2026-00042' }];
    const fate = decideFate(request({ subject: 'Re: please review', inReplyTo: '<ack@council>' }, analysis({ kind: 'internal_review' })), { ...nothingAround, messageOwners: owners }, context);
    expect(fate).toMatchObject({ type: 'new', draft: { kind: 'internal_review', linkedCaseId: 42, acknowledge: { send: false } } });
  });

  it('lets someone inside the authority act on any case', () => {
    const colleague = request({ subject: 'Re: [FOI-2026-00042]' }, analysis({ kind: 'clarification' }), { inside: true, unverified: false });
    expect(decideFate(colleague, { ...nothingAround, byReference: [quoted] }, context)).toMatchObject({ type: 'reply', caseId: 42 });
  });

  it('acknowledges a stranger\'s new request that mentions a published reference, to the stranger only', () => {
    const fate = decideFate(request({ subject: 'Like FOI-2026-00042, for 2025' }), { ...nothingAround, byReference: [quoted] }, context);
    expect(fate).toMatchObject({ type: 'new', draft: { acknowledge: { send: true }, requester: { address: 'alex@example.net' }, linkedCaseId: 42 } });
  });
});

describe('a reused Message-ID', () => {
  const first = { inboundId: 3, folder: 'Processed', contentHash: 'other-bytes', fromAddress: 'alex@example.net', bodyHash: 'body-1' };
  it('is a replay with the same bytes, or the same sender and content', () => {
    expect(sightingOf(facts, { firstSighting: { ...first, contentHash: 'abc', fromAddress: 'x@y.example' } })).toMatchObject({ type: 'replay', inboundId: 3 });
    expect(sightingOf(facts, { firstSighting: first })).toMatchObject({ type: 'replay', inboundId: 3 });
  });

  it('is a new, flagged message with another sender or other content, recorded under its own key', () => {
    const around = { ...nothingAround, firstSighting: { ...first, fromAddress: 'someone@else.example' } };
    const fate = decideFate(request(), around, context);
    expect(fate).toMatchObject({ type: 'new', reusedMessageIdOf: 3 });
    if (fate.type !== 'new') throw new Error('not new');
    expect(fate.draft.flags.map((f) => f.code)).toContain('message_id_reused');
    expect(recordedFacts(facts, fate).dedupeKey).toMatch(/^<m-7@example\.org>#[0-9a-f]{32}$/);
    expect(sightingOf(facts, { firstSighting: { ...first, bodyHash: 'body-2' } })).toEqual({ type: 'reused', firstInboundId: 3 });
  });

  it('is a replay of the second message when that one comes again', () => {
    const around = { firstSighting: { ...first, fromAddress: 'someone@else.example' }, reusedIdSighting: { inboundId: 9, folder: 'Processed' } };
    expect(sightingOf(facts, around)).toEqual({ type: 'replay', inboundId: 9, folder: 'Processed' });
  });
});
