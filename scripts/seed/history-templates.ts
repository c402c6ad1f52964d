// The texts seeded cases are written from, each analysed once by the real analyser (so the stored
// analysis and questions are what the pipeline would have stored), and the raw messages built
// around them: an ordinary request gets a line of its own, a campaign's texts are identical.
import { createHash } from 'node:crypto';
import { shippedAnalysisModels } from '../../src/adapters/analysis-models-loader.js';
import { defaultAnalysisSettings } from '../../src/config/analysis-settings.js';
import { createAnalyser } from '../../src/pipeline/analyse/create-analyser.js';
import { textFingerprint } from '../../src/pipeline/analyse/near-duplicate.js';
import type { RequestAnalysis } from '../../src/domain/request-analysis.js';
import { seededRandom, syntheticRequest } from '../bench/synthetic-requests.js';
import type { CasePlan } from './history-plan.js';

export interface Template {
  subject: string;
  /** The letter's lines, greeting to sign-off, without the signature. */
  lines: string[];
  analysis: RequestAnalysis;
}

export interface SeededText {
  subject: string;
  body: string;
  fingerprint: string;
  fingerprintHash: string;
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function templateFrom(raw: Buffer, subject: string, analyse: ReturnType<typeof createAnalyser>): Template {
  const text = raw.toString('utf8');
  const lines = text.slice(text.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '').split('\r\n');
  lines.pop(); // the signature: each case signs with its own requester's name
  const analysis = analyse({ subject, text: lines.join('\n'), from: { name: 'A Person', address: 'a.person@example.org' } });
  return { subject, lines, analysis };
}

/** `count` ordinary templates and one per campaign, analysed once each. */
export function makeTemplates(count: number, campaigns: number, seed: number): { ordinary: Template[]; campaigns: Template[] } {
  const analyse = createAnalyser(defaultAnalysisSettings(), shippedAnalysisModels());
  const random = seededRandom(seed);
  const when = new Date('2026-01-05T10:00:00Z');
  const make = (i: number, prefix: string) => {
    const raw = syntheticRequest(i, random, when);
    const subject = /^Subject: (.*?)(?: \(\d+\))?$/m.exec(raw.toString('utf8'))?.[1]?.trim() ?? 'Freedom of Information request';
    return templateFrom(raw, `${prefix}${subject}`, analyse);
  };
  return {
    ordinary: Array.from({ length: count }, (_, i) => make(i, '')),
    campaigns: Array.from({ length: campaigns }, (_, i) => make(count + i, 'Campaign: ')),
  };
}

/** The request as its requester wrote it, and its near-duplicate fingerprint as the pipeline computes it. */
export function seededText(plan: CasePlan, template: Template): SeededText {
  const lines = [...template.lines];
  if (plan.detail) lines.splice(3, 0, plan.detail, '');
  lines.push(plan.requester.name);
  const body = lines.join('\r\n');
  const fingerprint = textFingerprint(body);
  const subject = plan.campaign === null ? `${template.subject} (${plan.index.toString(36)})` : template.subject;
  return { subject, body, fingerprint, fingerprintHash: sha256(fingerprint) };
}

const QUOTED = '> Thank you for your request for information. We will respond within twenty working days of receipt, as the Freedom of Information Act 2000 requires. If you have any questions about your request, please reply to this message quoting the reference.';

/** A plain-text message of about `size` bytes: headers, the body, then quoted earlier mail as real threads carry. */
export function rawMessage(headers: readonly string[], body: string, size: number): Buffer {
  const head = `${headers.join('\r\n')}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
  const parts = [head];
  let length = Buffer.byteLength(head);
  if (length < size) {
    parts.push('\r\nOn an earlier date, the FOI Team wrote:\r\n');
    for (let k = 0; length < size; k++) {
      const line = `${QUOTED} (${k})\r\n`;
      parts.push(line);
      length += line.length;
    }
  }
  return Buffer.from(parts.join(''));
}
