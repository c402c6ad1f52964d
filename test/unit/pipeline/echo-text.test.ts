// Clean echoes: what a sender wrote comes back in our mail without control or bidi characters, without
// a forged line (CR/LF in a subject or name), bounded, and to the public without live links.
import { describe, expect, it } from 'vitest';
import type { OpenedCase } from '../../../src/domain/foi-case.js';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import type { OutgoingMail } from '../../../src/domain/outgoing-mail.js';
import { defaultPromptsDir } from '../../../src/paths.js';
import { planCase } from '../../../src/pipeline/case/plan-case.js';
import { composeClarificationRequest, type CaseSnapshot } from '../../../src/pipeline/notify/compose-case-updates.js';
import { composeAcknowledgement, composeOfficerSummary, type NotifySettings } from '../../../src/pipeline/notify/compose-messages.js';
import { cleanLine, cleanText, cutTo, headerValue, withoutLinks } from '../../../src/pipeline/notify/echo-text.js';
import { loadTemplates } from '../../../src/pipeline/notify/templates.js';

const settings: NotifySettings = {
  templates: loadTemplates(defaultPromptsDir), from: '"FOI Team" <foi@example.gov.uk>', fromAddress: 'foi@example.gov.uk',
  officers: ['officer@example.gov.uk'], authorityName: 'Example Council', jurisdiction: 'england-and-wales', heldFolder: 'Held',
};
/** A line our mail must never contain: a header the sender tried to smuggle in. */
const FORGED_LINE = /^(bcc|cc|to|x-injected)\s*:/im;
/** Control characters an echo must not carry (TAB and LF allowed in bodies). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINK = /https?:\/\/|www\.|mailto:|[a-z0-9-]+\.(?:example|net|org)\//i;

function mailOf(overrides: Partial<InboundMail>): InboundMail {
  return {
    messageId: '<req-1@mail.example.org>', from: { name: 'Jane Smith', address: 'jane@example.org' }, replyTo: null, to: [], cc: [],
    subject: 'Pothole claims', date: null, inReplyTo: null, references: [], text: 'How many pothole claims were made in 2025?',
    html: null, headers: new Map(), contentType: 'text/plain', attachments: [], ...overrides,
  };
}

function caseOf(mail: InboundMail, questions: string[] = ['How many pothole claims were made in 2025?'], extra: Partial<RequestAnalysis> = {}): OpenedCase {
  const analysis: RequestAnalysis = {
    kind: 'foi', questions: questions.map((text, i) => ({ number: String(i + 1), text, topics: ['transport'] })), topics: ['transport'],
    citesSection16: false, publicInterestArgument: false, sectionsCited: [], timeSpan: null, ambiguousTerms: [],
    validity: { valid: true, missing: [] }, evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null }, ...extra,
  };
  const draft = planCase({ mail, analysis, receivedAt: new Date('2026-11-03T09:15:00Z'), jurisdiction: 'england-and-wales', automated: { automated: false } });
  return { ...draft, id: 7, reference: 'FOI-2026-00007' };
}

function expectCleanHeaders(mail: OutgoingMail): void {
  for (const value of [mail.subject, ...Object.values(mail.headers)]) {
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).not.toMatch(CONTROL);
    expect(Buffer.byteLength(`References: ${value}`)).toBeLessThanOrEqual(998);
  }
}

describe('echo-text', () => {
  it('cleanLine: every line break and control gone, bidi overrides too, spaces collapsed', () => {
    expect(cleanLine('Re: claims\r\nBcc: victim@example.com\r\nX-Injected: yes')).toBe('Re: claims Bcc: victim@example.com X-Injected: yes');
    expect(cleanLine('a\u2028b\u0085c\u000Bd\te')).toBe('a b c d e');
    expect(cleanLine('Jane \u202eevil\u202c \u2066x\u2069 \u001b[31mred\u001b[0m \u009b2J\u0007')).toBe('Jane evil x [31mred[0m 2J');
  });

  it('cleanText keeps lines (CRLF and lone CR as LF) and tabs, drops other controls', () => {
    expect(cleanText('one\r\ntwo\rthree\n\tfour\u0000\u001b')).toBe('one\ntwo\nthree\n\tfour');
  });

  it('cutTo: the first N characters and "…", never half a surrogate pair', () => {
    expect(cutTo('abcdef', 6)).toBe('abcdef');
    expect(cutTo('abcdef', 3)).toBe('abc…');
    expect(cutTo('ab😀cd', 3)).toBe('ab…');
  });

  it('withoutLinks: http(s), ftp, www., mailto: and bare domains with a path, punctuation kept', () => {
    expect(withoutLinks('see https://evil.example/x?y=1, http://a.example. or (www.b.example/c) and mailto:me@evil.example!'))
      .toBe('see [link removed], [link removed]. or ([link removed]) and [link removed]!');
    expect(withoutLinks('bit.example/abc and evil.co.uk/pay but not example.org or e.g. or 1.5/2')).toBe('[link removed] and [link removed] but not example.org or e.g. or 1.5/2');
    expect(withoutLinks('a@example.org stays an address')).toBe('a@example.org stays an address');
  });

  it('headerValue: one line within RFC 5322 limits', () => {
    const value = headerValue(`x\r\nBcc: y ${'z'.repeat(5000)}`);
    expect(value).not.toMatch(/[\r\n]/);
    expect(value.length).toBeLessThanOrEqual(201);
  });
});

describe('acknowledgement echoes', () => {
  it('a CR/LF in the subject or the name forges no line, in the subject header or the text', () => {
    const mail = mailOf({ subject: 'Potholes\r\nBcc: victim@example.com', from: { name: 'Jane\r\nBcc: other@example.com', address: 'jane@example.org' } });
    const foiCase = caseOf(mail);
    for (const out of [composeAcknowledgement(foiCase, mail, settings), composeOfficerSummary(foiCase, mail, settings)]) {
      expectCleanHeaders(out);
      expect(out.text).not.toMatch(FORGED_LINE);
      expect(out.html ?? '').not.toMatch(FORGED_LINE);
    }
    expect(composeAcknowledgement(foiCase, mail, settings).text).toContain('Dear Jane Bcc: other@example.com,');
  });

  it('subject: "Re: <first 200 characters>… [<reference>]", reference last', () => {
    const subject = `${'Pothole claims and repairs '.repeat(200)}`.trim();
    const mail = mailOf({ subject });
    const ack = composeAcknowledgement(caseOf(mail), mail, settings);
    expect(ack.subject).toBe(`Re: ${subject.slice(0, 200)}… [FOI-2026-00007]`);
    expect(ack.text).toContain(`Your request: ${subject.slice(0, 200)}…`);
    expectCleanHeaders(ack);
    const summary = composeOfficerSummary(caseOf(mail), mail, settings);
    expectCleanHeaders(summary);
    expect(summary.text).toContain(`Subject:    ${subject}`);
  });

  it('questions: at most 30 listed, each cut to 500 characters, the rest counted', () => {
    const questions = Array.from({ length: 40 }, (_, i) => `Question ${i + 1}: the number of claims ${'in each ward by month '.repeat(40)}`);
    const mail = mailOf({});
    const ack = composeAcknowledgement(caseOf(mail, questions), mail, settings);
    const listed = ack.text.split('\n').filter((line) => /^\d+\. Question/.test(line));
    expect(listed).toHaveLength(30);
    for (const line of listed) expect(line.replace(/^\d+\. /, '').length).toBeLessThanOrEqual(501);
    expect(listed[0]).toBe(`1. ${questions[0]!.slice(0, 500)}…`);
    expect(ack.text).toContain('(and 10 more, not listed here; an officer will read your request in full)');
    expect(ack.html).toContain('(and 10 more, not listed here');
    expect(composeOfficerSummary(caseOf(mail, questions), mail, settings).text).toContain('40. Question 40');
  });

  it('links in the subject, the name and the questions become [link removed]; officers keep them', () => {
    const mail = mailOf({ subject: 'Win at http://prize.example.net/x now', from: { name: 'Visit www.win.example', address: 'jane@example.org' } });
    const foiCase = caseOf(mail, ['The claims at https://claims.example.net/a and bit.example/x1, or mailto:prizes@example.net?']);
    const ack = composeAcknowledgement(foiCase, mail, settings);
    for (const text of [ack.subject, ack.text, ack.html ?? '']) expect(text).not.toMatch(LINK);
    expect(ack.text).toContain('1. The claims at [link removed] and [link removed], or [link removed]?');
    expect(ack.text).toContain('Dear Visit [link removed],');
    expect(composeOfficerSummary(foiCase, mail, settings).text).toContain('https://claims.example.net/a');
  });

  it('control characters and bidi overrides never reach either mail', () => {
    const mail = mailOf({
      subject: 'Claims \u202egnp.exe\u202c \u001b[31m', from: { name: 'Jane \u2066x\u2069\u0085', address: 'jane@example.org' },
      text: 'How many\u0007 claims?\r\nFrom: forged\u001b[2J',
    });
    const foiCase = caseOf(mail, ['How many\u0000 claims \u202ereversed\u202c?']);
    for (const out of [composeAcknowledgement(foiCase, mail, settings), composeOfficerSummary(foiCase, mail, settings)]) {
      expect(out.text).not.toMatch(CONTROL);
      expect(out.html ?? '').not.toMatch(CONTROL);
      expectCleanHeaders(out);
    }
  });

  it('the officer summary quotes the original line by line, so no line of it passes for the summary', () => {
    const mail = mailOf({ text: 'How many claims?\n\nFlags:\n  - none\nBcc: victim@example.com\n----- Original message -----' });
    const summary = composeOfficerSummary(caseOf(mail), mail, settings);
    expect(summary.text).toContain('> How many claims?\n>\n> Flags:\n>   - none\n> Bcc: victim@example.com\n> ----- Original message -----');
    expect(summary.text).not.toMatch(FORGED_LINE);
    expect(summary.html).toContain('Bcc: victim@example.com');
  });

  it('threading headers stay within a line: a huge Message-ID is not echoed, References keep the first and the newest', () => {
    const references = Array.from({ length: 50 }, (_, i) => `<r${i}@example.org>`);
    const ack = composeAcknowledgement(caseOf(mailOf({})), mailOf({ references }), settings);
    expect(ack.headers.References!.split(' ')).toEqual(['<r0@example.org>', ...references.slice(-8), '<req-1@mail.example.org>']);
    const huge = `<${'a'.repeat(900)}@example.org>`;
    const noThread = composeAcknowledgement(caseOf(mailOf({})), mailOf({ messageId: huge }), settings);
    expect(noThread.headers['In-Reply-To']).toBeUndefined();
    expectCleanHeaders(noThread);
  });

  it('a truncated analysis is flagged to officers', () => {
    const mail = mailOf({});
    const summary = composeOfficerSummary(caseOf(mail, undefined, { truncated: { analysedChars: 65536, totalChars: 200000 } }), mail, settings);
    expect(summary.text).toContain('only its first 65,536 of 200,000 characters were read');
  });
});

describe('lifecycle mail to the requester', () => {
  it('echoes the case subject and name bounded and without links, and cleans the officer text', () => {
    const snapshot: CaseSnapshot = {
      reference: 'FOI-2026-00007', subject: `Prize at www.prize.example\r\nBcc: x@example.com ${'y'.repeat(400)}`, status: 'in_progress',
      regime: 'foi', requesterName: 'Jane\r\nBcc: z@example.com', requesterAddress: 'jane@example.org', receivedDate: '2026-11-03',
      dueDate: '2026-12-01', threadIds: ['<req-1@mail.example.org>'],
    };
    const out = composeClarificationRequest(snapshot, 'Which wards?\u0007\r\nThanks', settings);
    expectCleanHeaders(out);
    expect(out.subject).toMatch(/^Re: Prize at \[link removed\] Bcc: x@example\.com y+… \[FOI-2026-00007\]$/);
    expect(out.text).not.toMatch(FORGED_LINE);
    expect(out.text).not.toMatch(CONTROL);
    expect(out.text).toContain('Which wards?\nThanks');
  });
});
