// Threading: a reply joins its case by reference, then by In-Reply-To/References, then by sender and a close
// subject; several cases at one level are held as ambiguous, and nothing found opens no link at all.
import { describe, expect, it } from 'vitest';
import {
  normaliseSubject, referencesInSubject, subjectSimilarity, threadMessageIds, threadReply, type ThreadCandidates,
} from '../../../src/pipeline/case/thread-reply.js';
import { referencePattern } from '../../../src/pipeline/case/format-reference.js';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';

const pattern = referencePattern('FOI-{year}-{seq:5}');
const now = new Date('2026-03-20T09:00:00Z');
const options = { referencePattern: pattern, now };
const none: ThreadCandidates = { byReference: [], byMessageId: [], bySender: [] };

function mail(overrides: Partial<InboundMail> = {}): InboundMail {
  return {
    messageId: '<reply-1@example.org>', from: { name: 'A Person', address: 'a.person@example.org' }, replyTo: null,
    to: [{ name: '', address: 'foi@council.example.gov.uk' }], cc: [], subject: 'Re: CCTV cameras in car parks',
    date: now, inReplyTo: null, references: [], text: 'Thanks.', html: null, headers: new Map(), contentType: 'text/plain',
    attachments: [], ...overrides,
  };
}

describe('by reference in the subject', () => {
  it('matches the case whose reference the subject carries, in any case', () => {
    const candidates = { ...none, byReference: [{ caseId: 42, reference: 'FOI-2026-00042' }] };
    expect(threadReply(mail({ subject: 'Re: CCTV cameras in car parks [FOI-2026-00042]' }), candidates, options))
      .toEqual({ match: 'reference', caseId: 42 });
    expect(threadReply(mail({ subject: 'RE: foi-2026-00042 clarification' }), candidates, options)).toEqual({ match: 'reference', caseId: 42 });
  });

  it('wins over headers that point elsewhere', () => {
    const candidates = { ...none, byReference: [{ caseId: 42, reference: 'FOI-2026-00042' }], byMessageId: [{ caseId: 7, messageId: '<ack-7@council>' }] };
    expect(threadReply(mail({ subject: 'Re: [FOI-2026-00042]', inReplyTo: '<ack-7@council>' }), candidates, options))
      .toEqual({ match: 'reference', caseId: 42 });
  });

  it('two references are ambiguous unless the parent message belongs to one of them (a review and its request)', () => {
    const byReference = [{ caseId: 42, reference: 'FOI-2026-00042' }, { caseId: 51, reference: 'FOI-2026-00051' }];
    const subject = 'Re: Re: CCTV cameras [FOI-2026-00042] [FOI-2026-00051]';
    expect(threadReply(mail({ subject }), { ...none, byReference }, options)).toEqual({ match: 'ambiguous', caseIds: [42, 51] });
    const byMessageId = [{ caseId: 51, messageId: 'review-ack@council' }]; // stored without brackets
    expect(threadReply(mail({ subject, inReplyTo: '<review-ack@council>' }), { ...none, byReference, byMessageId }, options))
      .toEqual({ match: 'reference', caseId: 51 });
  });

  it('an imported case\'s reference in its old tracker\'s format is found as a whole token, in any case', () => {
    const candidates = { ...none, byReference: [{ caseId: 8, reference: 'FOI/24/0456' }, { caseId: 9, reference: 'REQ 1234' }] };
    expect(threadReply(mail({ subject: 'Re: your ref foi/24/0456 (CCTV)' }), candidates, options)).toEqual({ match: 'reference', caseId: 8 });
    expect(threadReply(mail({ subject: 'Re: REQ 1234 - CCTV' }), candidates, options)).toEqual({ match: 'reference', caseId: 9 });
    // Not inside a longer reference.
    expect(threadReply(mail({ subject: 'Re: FOI/24/04567' }), candidates, options)).toEqual({ match: 'none' });
  });

  it('an unknown reference falls through to the headers', () => {
    const candidates = { ...none, byMessageId: [{ caseId: 9, messageId: '<ack-9@council>' }] };
    expect(threadReply(mail({ subject: 'Re: [FOI-2025-99999]', inReplyTo: '<ack-9@council>' }), candidates, options))
      .toEqual({ match: 'headers', caseId: 9 });
  });
});

describe('by In-Reply-To and References', () => {
  const byMessageId = [
    { caseId: 3, messageId: '<request-3@example.org>' }, { caseId: 3, messageId: '<ack-3@council>' },
    { caseId: 4, messageId: '<ack-4@council>' },
  ];

  it('In-Reply-To names the parent message', () => {
    expect(threadReply(mail({ subject: 'Re: my request', inReplyTo: '<ack-3@council>' }), { ...none, byMessageId }, options))
      .toEqual({ match: 'headers', caseId: 3 });
  });

  it('References alone: any message of the case', () => {
    const reply = mail({ subject: 'Re: my request', inReplyTo: '<unknown@elsewhere>', references: ['<request-3@example.org>', '<unknown@elsewhere>'] });
    expect(threadReply(reply, { ...none, byMessageId }, options)).toEqual({ match: 'headers', caseId: 3 });
  });

  it('the parent decides before the ancestry; an ancestry over two cases without it is ambiguous', () => {
    const references = ['<request-3@example.org>', '<ack-4@council>'];
    expect(threadReply(mail({ inReplyTo: '<ack-4@council>', references }), { ...none, byMessageId }, options)).toEqual({ match: 'headers', caseId: 4 });
    expect(threadReply(mail({ references }), { ...none, byMessageId }, options)).toEqual({ match: 'ambiguous', caseIds: [3, 4] });
  });

  it('reads bare and several ids', () => {
    expect(threadMessageIds(mail({ inReplyTo: 'ack-3@council', references: ['<a@x> <b@y>'] })))
      .toEqual({ inReplyTo: ['<ack-3@council>'], references: ['<a@x>', '<b@y>'] });
  });
});

describe('by the same requester and a close subject (last resort)', () => {
  const bySender = [{ caseId: 12, address: 'A.Person@example.org', subject: 'Request for information: CCTV cameras in car parks', lastActivityAt: new Date('2026-03-01') }];

  it('matches despite Re:/Fwd:, tags and the reference', () => {
    const reply = mail({ subject: 'RE: Fwd: [EXTERNAL] Request for information - CCTV cameras in car parks' });
    expect(threadReply(reply, { ...none, bySender }, options)).toEqual({ match: 'sender_subject', caseId: 12 });
  });

  it('needs the same address, a close subject and a recent case', () => {
    expect(threadReply(mail({ from: { name: 'B', address: 'b@example.org' } }), { ...none, bySender }, options)).toEqual({ match: 'none' });
    expect(threadReply(mail({ subject: 'Re: Parking fines issued in 2024' }), { ...none, bySender }, options)).toEqual({ match: 'none' });
    const old = [{ ...bySender[0]!, lastActivityAt: new Date('2025-10-01') }];
    expect(threadReply(mail({ subject: 'Re: CCTV cameras in car parks' }), { ...none, bySender: old }, options)).toEqual({ match: 'none' });
  });

  it('two close cases of the same requester are ambiguous', () => {
    const two = [...bySender, { caseId: 15, address: 'a.person@example.org', subject: 'CCTV cameras in car parks (2)' }];
    expect(threadReply(mail({ subject: 'Re: CCTV cameras in car parks' }), { ...none, bySender: two }, options))
      .toEqual({ match: 'ambiguous', caseIds: [12, 15] });
  });

  it('a message with no sender or an empty subject finds nothing', () => {
    expect(threadReply(mail({ from: null }), { ...none, bySender }, options)).toEqual({ match: 'none' });
    expect(threadReply(mail({ subject: 'Re:' }), { ...none, bySender }, options)).toEqual({ match: 'none' });
  });
});

describe('no candidates', () => {
  it('is none', () => {
    expect(threadReply(mail(), none, options)).toEqual({ match: 'none' });
  });
});

describe('subject helpers', () => {
  it('normalises prefixes, counters, tags, references and spacing', () => {
    expect(normaliseSubject('Re: RE[2]: Fwd:  [EXTERNAL] CCTV   cameras [FOI-2026-00042]', pattern)).toBe('cctv cameras');
    expect(normaliseSubject('Re: CCTV cameras (FOI-2026-00042)', pattern)).toBe('cctv cameras');
  });

  it('token-set similarity: shared words over all words', () => {
    expect(subjectSimilarity('cctv cameras', 'CCTV, cameras')).toBe(1);
    expect(subjectSimilarity('cctv cameras', 'parking fines')).toBe(0);
    expect(subjectSimilarity('a b c d', 'a b c e f')).toBe(0.5);
    expect(subjectSimilarity('', 'a')).toBe(0);
  });

  it('finds each reference once, upper-cased', () => {
    expect(referencesInSubject('Re: foi-2026-00042 and FOI-2026-00042, FOI-2026-00051', pattern)).toEqual(['FOI-2026-00042', 'FOI-2026-00051']);
  });
});
