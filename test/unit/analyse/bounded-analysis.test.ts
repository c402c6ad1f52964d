// Analysis of text anyone may send is bounded: only the first 64 K characters are read (and the cut is
// flagged), nothing overflows the stack, and time grows linearly with the text. Linearity is shown by
// time ratios inside one run with generous factors (DESIGN.md "Contract details"), never absolute times:
// 8 times the text may take at most 5 × 8 times as long (a quadratic pattern takes 64 times as long), and a
// text over the bound is measured again up to twice (a busy machine only ever adds time; quadratic work
// fails every time).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAdminPhrase } from '../../../src/config/admin-phrases.js';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import { MAX_ANALYSED_CHARS } from '../../../src/pipeline/analyse/analysis-limits.js';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';
import { bouncedMessageIds } from '../../../src/pipeline/analyse/bounced-message-ids.js';
import { isAutomated } from '../../../src/pipeline/analyse/detect-automated-mail.js';
import { textFingerprint } from '../../../src/pipeline/analyse/near-duplicate.js';
import { bodySaysRequestIsAttached } from '../../../src/pipeline/analyse/request-is-attached.js';
import { splitQuestions } from '../../../src/pipeline/analyse/split-questions.js';
import { stripQuotedText } from '../../../src/pipeline/analyse/strip-quoted-text.js';
import { unwrapForwarded } from '../../../src/pipeline/analyse/unwrap-forwarded.js';
import { findTrustedAuthenticationResults } from '../../../src/pipeline/screen/authentication-results.js';

const SMALL = 8_000;
const LARGE = 64_000;
/**
 * Allowed slack over a linear ratio, and the time below which a measurement is noise (V8 may also
 * recompile a long pattern after a garbage collection: tens of milliseconds that do not grow with the text).
 */
const GENEROUS = 5;
const FLOOR_MS = 5;

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** The fastest of a few runs: noise (other processes, a garbage collection) only ever adds time. */
function fastestMs(run: () => void, times = 3): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Times `work` on texts of SMALL and LARGE characters; LARGE may take GENEROUS × the size ratio × SMALL's time. */
function ratioCheck(make: (n: number) => string, work: (text: string) => void): { small: number; large: number; bound: number } {
  const small = make(SMALL);
  const large = make(LARGE);
  // Both sizes once first, so that neither measurement pays for compiling the patterns.
  work(small);
  work(large);
  const smallMs = fastestMs(() => work(small), 5);
  const largeMs = fastestMs(() => work(large));
  return { small: smallMs, large: largeMs, bound: GENEROUS * (LARGE / SMALL) * Math.max(smallMs, FLOOR_MS) };
}

function expectLinear(make: (n: number) => string, work: (text: string) => void): void {
  let { small, large, bound } = ratioCheck(make, work);
  for (let retry = 0; retry < 2 && large > bound; retry += 1) ({ small, large, bound } = ratioCheck(make, work));
  expect(large, `${small.toFixed(1)} ms at ${SMALL}, ${large.toFixed(1)} ms at ${LARGE}`).toBeLessThanOrEqual(bound);
}

function mailWith(text: string, overrides: Partial<InboundMail> = {}): InboundMail {
  return {
    messageId: '<m@example.org>', from: { name: 'Mail Delivery System', address: 'mailer-daemon@example.org' }, replyTo: null, to: [], cc: [],
    subject: 'Undelivered Mail Returned to Sender', date: null, inReplyTo: null, references: [], text, html: null, headers: new Map(),
    contentType: 'text/plain', attachments: [], ...overrides,
  };
}

const analyse = (text: string, subject = 'FOI request') => analyseRequest({ subject, text, from: { name: 'Jane Smith', address: 'jane@example.org' } });

/** Everything the daemon's prepare step runs over a message's text. */
function analyseAll(text: string): void {
  // A reply: the rules kept for replies and short messages are tried too.
  analyse(text, 'Re: request');
  const mail = mailWith(text);
  isAutomated(mail);
  bouncedMessageIds(mail);
  bodySaysRequestIsAttached(text);
  textFingerprint(stripQuotedText(text).text);
}

describe('the analysis reads at most 64 K characters and says so', () => {
  it('flags the cut with the characters read and the total; offsets stay in the body', () => {
    const text = `Dear Council,\n\n1. How many potholes were repaired in 2025?\n\n${'Background. '.repeat(20_000)}`;
    const a = analyse(text);
    expect(a.truncated).toEqual({ analysedChars: MAX_ANALYSED_CHARS, totalChars: text.length });
    expect(a.questions[0]).toMatchObject({ text: 'How many potholes were repaired in 2025?', start: 18 });
    expect(analyse('How many potholes were repaired in 2025?').truncated).toBeNull();
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'x'.repeat(MAX_ANALYSED_CHARS - 1)}😀${'y'.repeat(10)}`;
    expect(analyse(text).truncated).toEqual({ analysedChars: MAX_ANALYSED_CHARS - 1, totalChars: text.length });
  });

  it('a 10 MB message is analysed (its start) without overflowing the stack', () => {
    const a = analyse(fill('How many staff were there? ', 10 * 1024 * 1024));
    expect(a.truncated?.totalChars).toBe(10 * 1024 * 1024);
    expect(a.questions.length).toBeGreaterThan(1000);
  });

  it('splits a list of 200,000 items without spreading them as arguments (that overflows the stack)', () => {
    expect(splitQuestions(fill('- the number of cars\n', 200_000 * 21)).length).toBe(200_000);
  });
});

describe('the text that used to take 13-60 s per 100 KB is read in linear time', () => {
  it.each([
    ['a run of "." with no space after it', (n: number) => `Please provide the figures ${fill('.', n)}x`],
    ['a run of "?" at the end', (n: number) => `How many ${fill('?', n)}`],
    ['a run of "!" and "?" mixed', (n: number) => `Tell me ${fill('!?.', n)}x`],
    ['long space runs inside a question', (n: number) => `How many staff ${fill(' ', n)}were there?`],
    ['"How many, and if so, " repeated', (n: number) => fill('How many, and if so, ', n)],
    ['"2019, " repeated (a list of years with no "and")', (n: number) => fill('2019, ', n)],
    ['a forwarded From: of "a@a@a@…"', (n: number) => `---------- Forwarded message ---------\nFrom: Friend <${fill('a@', n)} x\nSubject: x\n\nHow many?`],
    ['a forwarded From: of "a@a@a@…" without brackets', (n: number) => `---------- Forwarded message ---------\nFrom: ${fill('a@', n)} x\nSubject: x\n\nHow many?`],
    ['a From: line with line separators', (n: number) => `---------- Forwarded message ---------\nFrom: ${fill(' \u2028', n)}x\nSubject: x\n\nHow many?`],
    ['a bounce whose text holds "Message-ID: a@a@…"', (n: number) => `This is the mail system.\nMessage-ID: <${fill('a@', n)} x\nStatus: 5.1.1 ${fill(' ', n)}\r x\n`],
    ['": (i) " repeated (an inline breakdown that never goes on)', (n: number) => `Please give the number of claims broken down by${fill(': (i) ', n)}`],
    ['"[name" repeated, and a long word with no "@"', (n: number) => `[${fill('name', n)}\n${fill('a', n)}`],
    ['a greeting, then a long run of blank lines', (n: number) => `Dear x${fill('\n', n)}y`],
  ])('%s', (_name, make) => {
    expectLinear(make, analyseAll);
  });

  it('the forwarded-header reader alone, past the analysis cap', () => {
    expectLinear((n) => `---------- Forwarded message ---------\nFrom: Friend <${fill('a@', n * 2)} x\nSubject: x\n`, (t) => unwrapForwarded(t, 'Fwd: x'));
  });

  it('an Authentication-Results header anyone can write: a long word with no "="', () => {
    expectLinear((n) => `mx.example.org; dkim=pass ${fill('a', n)}`, (t) => findTrustedAuthenticationResults([t], 'mx.example.org'));
  });

  it('admins\' phrases run on a linear engine, even a catastrophic one', () => {
    const phrase = compileAdminPhrase('(a+)+$x');
    expectLinear((n) => fill('a', n), (t) => phrase.exec(t));
    expect(compileAdminPhrase('steer me towards').exec('😀 Please steer me towards it')?.index).toBe(10);
  });
});

// Hostile text built from the analysis's own vocabulary: runs of punctuation and spaces, phrases the
// detectors look for, "@" chains, nested quotes, list markers, long words, mixed scripts.
const PIECES = [
  '.', '?', '!', ',', ';', ':', '-', '_', '*', '=', '(', ')', '[', ']', '"', "'", '>', '<', '@', '/', '&', '£', '$', '#',
  ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\u00a0', '\u2028', '> ', '>>>>', '1. ', '1) ', '(a) ', 'a) ', '(i) ', '- ', '• ', 'Q1 ', '1 - ', '2.1 ',
  'How many', 'how much', ', and if so, ', 'and ', 'as well as ', 'please provide ', 'the number of ', 'could you ', 'I would like ', 'whether ',
  'section 16 ', 's.16 ', 'regulation 12 ', 'section 40(2), ', 'public interest ', 'transparency and accountability ', 'residents ',
  'From: ', 'Sent: ', 'Subject: ', 'wrote:', 'On ', 'Dear ', 'Yours sincerely', 'Regards', 'thank you ', '---------- Forwarded message ---------',
  'between 2019 and ', '2019, ', '2019/20 ', 'last 5 years ', 'since ', 'January 2020 ', '01/02/2020 ', 'a@', 'a@a.', 'mailto:', 'http://', 'www.',
  'Message-ID: ', 'Action: failed ', 'Status: 5.1.1 ', 'attached ', 'please find ', 'my personal data ', 'about me ', 'CSV ', 'in Excel ',
  'etc. ', 'e.g. ', 'Mr. ', 'click here ', 'EIR ', 'environmental information regulations ', 'pollution ', 'internal review of ', 'ICO ',
  'complaint ', 'clarify ', 'within the cost limit ', 'advice and assistance ', 'help me narrow ', ': (i) ', '(ii) ', 'broken down by ',
  'Antidisestablishmentarianism', 'aaaaaaaaaaaaaaaaaaaa', 'Ωμέγα ', 'مرحبا ', 'שלום ', '日本語', '😀', '\u202e', 'Smith, ', 'name', '[name',
];
const hostileUnit = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const FORMS: ((unit: string, n: number) => string)[] = [
  (unit, n) => fill(unit, n),
  (unit, n) => `Dear Council,\n\nHow many staff ${fill(unit, n)} were there?\n\nYours sincerely,\nJane Smith`,
  (unit, n) => `${fill(unit, n)}\n\nPlease provide the number of staff in 2025.`,
  (unit, n) => `Please see below.\n\n---------- Forwarded message ---------\nFrom: ${fill(unit, n)}\nSubject: x\n\nHow many?`,
  (unit, n) => `Dear FOI team\n${fill(unit, n)}`,
];

describe('property: time grows linearly with hostile text', () => {
  it('for text made of the analysis vocabulary, in several shapes', () => {
    fc.assert(
      fc.property(hostileUnit, fc.integer({ min: 0, max: FORMS.length - 1 }), (unit, form) => {
        expectLinear((n) => FORMS[form]!(unit, n), analyseAll);
      }),
      { numRuns: 12 },
    );
  });
});
