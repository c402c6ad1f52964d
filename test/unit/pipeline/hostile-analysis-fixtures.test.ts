// The analysis-hostility fixtures (fixtures/hostile/32-… to 44-…) through parse, analysis and composition,
// as the daemon's prepare step runs them: analysis bounded and flagged when cut, every string storable
// in PostgreSQL, and the acknowledgement and officer summary clean.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPromptsDir } from '../../../src/paths.js';
import { MAX_ANALYSED_CHARS } from '../../../src/pipeline/analyse/analysis-limits.js';
import { analyseRequest } from '../../../src/pipeline/analyse/analyse-request.js';
import { bouncedMessageIds } from '../../../src/pipeline/analyse/bounced-message-ids.js';
import { isAutomated } from '../../../src/pipeline/analyse/detect-automated-mail.js';
import { planCase } from '../../../src/pipeline/case/plan-case.js';
import { composeAcknowledgement, composeOfficerSummary, type NotifySettings } from '../../../src/pipeline/notify/compose-messages.js';
import { loadTemplates } from '../../../src/pipeline/notify/templates.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { textForAnalysis } from '../../../src/pipeline/parse/text-for-analysis.js';

const DIR = fileURLToPath(new URL('../../../fixtures/hostile/', import.meta.url));
const FIXTURES = readdirSync(DIR).filter((f) => /^(3[2-9]|4[0-4])-.*\.eml$/.test(f)).sort();
const settings: NotifySettings = {
  templates: loadTemplates(defaultPromptsDir), from: '"FOI Team" <foi@example.gov.uk>', fromAddress: 'foi@example.gov.uk',
  officers: ['officer@example.gov.uk'], authorityName: 'Example Council', jurisdiction: 'england-and-wales', heldFolder: 'Held',
};
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const FORGED_LINE = /^(bcc|cc|to|x-injected)\s*:/im;
const LINK = /https?:\/\/|www\.|mailto:|[a-z0-9-]+\.(?:example|net|org)\//i;

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return [];
  if (value instanceof Map) return [...value].flatMap(([k, v]) => [...stringsOf(k), ...stringsOf(v)]);
  return Object.values(value).flatMap(stringsOf);
}

async function prepare(file: string) {
  const mail = await parseMail(readFileSync(`${DIR}${file}`));
  const automated = isAutomated(mail);
  const { text } = await textForAnalysis(mail);
  const analysis = analyseRequest({ subject: mail.subject, text, from: mail.from, receivedAt: new Date('2026-11-03T09:15:00Z') });
  const draft = planCase({ mail, analysis, receivedAt: new Date('2026-11-03T09:15:00Z'), jurisdiction: 'england-and-wales', automated });
  const foiCase = { ...draft, id: 1, reference: 'FOI-2026-00001' };
  return { mail, automated, text, analysis, foiCase, ack: composeAcknowledgement(foiCase, mail, settings), summary: composeOfficerSummary(foiCase, mail, settings) };
}

describe('analysis-hostility fixtures, parse → analyse → compose', () => {
  it('are all here (13, numbered 32 to 44)', () => {
    expect(FIXTURES).toHaveLength(13);
  });

  it.each(FIXTURES)('%s: storable, bounded, and clean in every mail it would cause', async (file) => {
    const { mail, text, analysis, ack, summary } = await prepare(file);
    expect(stringsOf(mail).filter((s) => UNSTORABLE.test(s))).toEqual([]);
    expect(stringsOf(analysis).filter((s) => UNSTORABLE.test(s))).toEqual([]);
    expect(analysis.truncated ?? null).toEqual(text.length > MAX_ANALYSED_CHARS ? { analysedChars: MAX_ANALYSED_CHARS, totalChars: text.length } : null);
    for (const q of analysis.questions) expect(q.end ?? 0).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    for (const out of [ack, summary]) {
      for (const value of [out.subject, ...Object.values(out.headers)]) {
        expect(value).not.toMatch(/[\r\n]|[\u0000-\u001f\u007f-\u009f]/);
        expect(Buffer.byteLength(value)).toBeLessThan(990);
      }
      expect(out.text).not.toMatch(CONTROL);
      expect(out.text).not.toMatch(FORGED_LINE);
      expect(stringsOf(out).filter((s) => UNSTORABLE.test(s))).toEqual([]);
    }
    expect(`${ack.subject}\n${ack.text}\n${ack.html}`).not.toMatch(LINK);
    expect(ack.subject).toMatch(/^Re: .{0,201} \[FOI-2026-00001\]$/s);
    expect(ack.text.split('\n').filter((line) => /^\d+\. /.test(line)).length).toBeLessThanOrEqual(30);
  });

  it('the bounce with a Message-ID of "a@a@a@…" is automated and names no such id', async () => {
    const { automated, mail } = await prepare('36-bounce-message-id-at-chain.eml');
    expect(automated).toMatchObject({ automated: true });
    expect(bouncedMessageIds(mail).messageIds.every((id) => id.length < 1000)).toBe(true);
  });

  it('the forwarded "a@a@…" sender is not taken for an address', async () => {
    const { analysis } = await prepare('35-forwarded-from-at-chain.eml');
    expect(analysis.forwardedFrom?.address ?? '').not.toMatch(/@.*@/);
  });

  it('a request of 45 long questions is acknowledged with 30, each cut to 500 characters', async () => {
    const { analysis, ack } = await prepare('43-many-long-questions.eml');
    expect(analysis.questions.length).toBeGreaterThan(30);
    const listed = ack.text.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(listed).toHaveLength(30);
    for (const line of listed) expect(line.length).toBeLessThanOrEqual('45. '.length + 501);
    expect(ack.text).toMatch(/\(and \d+ more, not listed here/);
  });

  it('the 5,000-character subject with a forged Bcc: cut, one line, no links', async () => {
    const { mail, ack, summary } = await prepare('41-subject-5000-with-links.eml');
    expect(mail.subject).toHaveLength(2000);
    expect(mail.parseWarnings?.join('\n')).toMatch(/^Subject too long: only its first 2,000 of 4,983 characters are kept/m);
    expect(ack.subject).toMatch(/^Re: Claim your prize at \[link removed\] and \[link removed\] .*… \[FOI-2026-00001\]$/);
    expect(summary.text).not.toMatch(FORGED_LINE);
  });

  it('controls and bidi overrides are gone from the echoed name, subject and questions', async () => {
    const { ack } = await prepare('44-controls-and-bidi.eml');
    expect(ack.text).toMatch(/^Dear Jane evil Smith Bcc: x@example\.com,$/m);
    expect(ack.subject).toBe('Re: Pothole claims gnp.exe [31mred[0m 2J [FOI-2026-00001]');
  });
});
