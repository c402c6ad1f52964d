// What becomes of an inbound message, decided from the message and its surroundings alone: a replay,
// held, filed with its case (a reply, a repeat, an automated report) or a new case, with the flags the
// sending rate and a campaign add; and the decider asks the store only for what the fate depends on.
import { describe, expect, it } from 'vitest';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import type { Surroundings } from '../../../src/pipeline/case/filing-store.js';
import { referencePatternOf } from '../../../src/pipeline/case/format-reference.js';
import { decideFate, surroundingsQuery, type FateContext, type PendingMessage } from '../../../src/pipeline/case/inbound-fate.js';
import { planCase } from '../../../src/pipeline/case/plan-case.js';

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
const facts = { mailboxKey: 'foi@council INBOX', uidValidity: 1, uid: 7, internalDate: now, raw: Buffer.from('x'), contentHash: 'abc', messageId: '<m-7@example.org>' };

function mail(overrides: Partial<InboundMail> = {}): InboundMail {
  return {
    messageId: '<m-7@example.org>', from: { name: 'Alex Reed', address: 'alex@example.net' }, replyTo: null, to: [], cc: [],
    subject: 'Potholes on Mill Lane', date: now, inReplyTo: null, references: [], text: 'How many potholes were repaired?', html: null,
    headers: new Map(), contentType: 'text/plain', attachments: [], ...overrides,
  };
}

const analysis: RequestAnalysis = {
  kind: 'foi', questions: [{ number: null, text: 'How many potholes were repaired?', topics: ['transport'] }], topics: ['transport'],
  citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [], validity: { valid: true, missing: [] },
  evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null },
};

function request(overrides: Partial<InboundMail> = {}, fingerprint = 'how many potholes were repaired on mill lane'): PendingMessage {
  const m = mail(overrides);
  const draft = planCase({ mail: m, analysis, receivedAt: now, jurisdiction: 'england-and-wales', automated: { automated: false } });
  return { facts, prepared: { type: 'request', mail: m, draft, fingerprint, fingerprintHash: 'fp-hash' } };
}

describe('decideFate', () => {
  it('files a replay (the Message-ID recorded before) as a duplicate of the first, in its folder', () => {
    const around = { ...nothingAround, firstSighting: { inboundId: 3, folder: 'Held', contentHash: 'abc' } };
    expect(decideFate(request(), around, context)).toEqual({ type: 'replay', duplicateOf: 3, folder: 'Held' });
  });

  it('holds unreadable mail with its reason, telling officers when asked to', () => {
    const unreadable: PendingMessage = { facts, prepared: { type: 'unreadable', parseOutcome: 'parse.missing_sender', reason: 'no From', notifyOfficers: true, messageId: null } };
    expect(decideFate(unreadable, nothingAround, context)).toEqual({ type: 'held', parseOutcome: 'parse.missing_sender', reason: 'no From', notifyOfficers: true });
  });

  it('files automated mail with the one case whose mail it reports on, noting a bounced acknowledgement; else holds it quietly', () => {
    const bounce: PendingMessage = {
      facts,
      prepared: {
        type: 'automated', mail: mail(), verdict: { automated: true, reason: 'delivery-report', evidence: 'multipart/report' },
        report: { report: 'bounce', messageIds: ['<ack-1@council>'], ownMessages: [], status: '5.1.1', recipients: [] },
      },
    };
    const owned = { ...nothingAround, messageOwners: [{ caseId: 12, messageId: '<ack-1@council>', purpose: 'acknowledgement', requesterAddress: 'alex@example.net' }] };
    expect(decideFate(bounce, owned, context)).toMatchObject({ type: 'automated', caseId: 12, bouncedAcknowledgement: true });
    const two = { ...nothingAround, messageOwners: [...owned.messageOwners, { caseId: 13, messageId: '<ack-1@council>', purpose: null, requesterAddress: null }] };
    expect(decideFate(bounce, two, context)).toMatchObject({ type: 'held', parseOutcome: 'automated', notifyOfficers: false });
    expect(decideFate(bounce, nothingAround, context)).toMatchObject({ type: 'held', parseOutcome: 'automated' });
  });

  it('files a reply quoting a case reference with that case, and holds one matching several cases', () => {
    const quoting = request({ subject: 'Re: Potholes [FOI-2026-00042]' });
    expect(decideFate(quoting, { ...nothingAround, byReference: [{ caseId: 42, reference: 'FOI-2026-00042', requesterAddress: 'alex@example.net' }] }, context)).toMatchObject({ type: 'reply', caseId: 42 });
    const both = request({ subject: 'Re: [FOI-2026-00042] [FOI-2026-00051]' });
    const byReference = [{ caseId: 42, reference: 'FOI-2026-00042', requesterAddress: null }, { caseId: 51, reference: 'FOI-2026-00051', requesterAddress: null }];
    expect(decideFate(both, { ...nothingAround, byReference }, context)).toMatchObject({ type: 'held', parseOutcome: 'parsed', notifyOfficers: true });
  });

  it('files the same requester\'s near-identical request with the first case', () => {
    const own = [{ caseId: 9, reference: 'FOI-2026-00009', fingerprint: 'how many potholes were repaired on mill lane' }];
    expect(decideFate(request(), { ...nothingAround, repeats: { own, others: [] } }, context)).toMatchObject({ type: 'repeat', caseId: 9 });
  });

  it('opens a new case, holding the acknowledgement once the address has had its daily allowance', () => {
    const fate = decideFate(request(), { ...nothingAround, acknowledgementsSent: 2 }, context);
    expect(fate).toMatchObject({ type: 'new', draft: { acknowledge: { send: false } } });
    if (fate.type !== 'new') throw new Error('not new');
    expect(fate.draft.flags).toContainEqual({ code: 'ack_rate_limited', text: 'Acknowledgement held: 2 already sent to alex@example.net in 24 hours (limit 2)' });
    expect(decideFate(request(), { ...nothingAround, acknowledgementsSent: 1 }, context)).toMatchObject({ type: 'new', draft: { acknowledge: { send: true } } });
  });

  it('opens a case for each campaign requester, linked to the others and flagged', () => {
    const others = [{ caseId: 1, reference: 'FOI-2026-00001' }, { caseId: 2, reference: 'FOI-2026-00002' }];
    const fate = decideFate(request(), { ...nothingAround, repeats: { own: [], others } }, context);
    expect(fate).toMatchObject({ type: 'new', campaign: others });
    if (fate.type !== 'new') throw new Error('not new');
    expect(fate.draft.flags.find((f) => f.code === 'campaign')?.text).toMatch(/^Campaign: the same request came from 2 other requester\(s\) \(FOI-2026-00001, FOI-2026-00002\)/);
  });
});

describe('surroundingsQuery', () => {
  it('asks for a request\'s references, thread, repeats since the window and acknowledgements in the last day', () => {
    const query = surroundingsQuery(request({ subject: 'Re: Potholes [FOI-2026-00042]', inReplyTo: '<ack-1@council>' }), context);
    expect(query).toEqual({
      dedupeKey: '<m-7@example.org>', reusedIdKey: null, references: ['FOI-2026-00042'], messageIds: ['<ack-1@council>'], senderCasesOf: 'alex@example.net',
      // Every reference-like token, looked up among imported cases (their old trackers' formats).
      importedReferences: ['FOI-2026-00042'],
      repeats: { address: 'alex@example.net', fingerprintHash: 'fp-hash', since: new Date('2026-02-18T09:00:00Z') },
      acknowledgementsTo: { address: 'alex@example.net', since: new Date('2026-03-19T09:00:00Z') },
    });
  });

  it('does not look for the sender\'s cases when the mail is not a reply, nor count acknowledgements it would not send', () => {
    const query = surroundingsQuery({ ...request(), facts: { ...facts, messageId: null } }, context);
    expect(query).toMatchObject({ dedupeKey: 'sha256:abc', senderCasesOf: null });
    const other = request();
    if (other.prepared.type !== 'request') throw new Error('not a request');
    const withheld = { ...other, prepared: { ...other.prepared, draft: { ...other.prepared.draft, acknowledge: { send: false as const, reason: 'x' } } } };
    expect(surroundingsQuery(withheld, context).acknowledgementsTo).toBeNull();
  });

  it('asks only the dedupe key of unreadable mail', () => {
    const unreadable: PendingMessage = { facts, prepared: { type: 'unreadable', parseOutcome: 'spam', reason: 'spam', notifyOfficers: false, messageId: null } };
    expect(surroundingsQuery(unreadable, context)).toEqual({
      dedupeKey: '<m-7@example.org>', reusedIdKey: null, references: [], messageIds: [], senderCasesOf: null, repeats: null, acknowledgementsTo: null,
    });
  });
});
