// Every regular expression the analysis stages use on a sender's text (src/pipeline/{analyse,parse,screen,
// notify}, src/config), found in the source (literals) and at run time (every RegExp constructed while
// the modules load and analyse), is probed with long runs of hostile text built from its own words and
// characters: 8 times the text may take at most 5 × 8 times as long. This catches the common mistakes
// (a quantifier retried from every position of a long run, two quantifiers splitting the same run) in
// patterns added later. It is a probe, not a proof: the pattern rewrites say why each is linear.
// Tools that judge patterns statically were tried: redos-detector scores the old sentence-end pattern
// `[.?!]+…(?=\s+\S)` safe (it does not model the retry from every start) and times out on our long
// case-insensitive alternations; recheck finds both but needs seconds per pattern.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const DIRS = ['src/pipeline/analyse', 'src/pipeline/parse', 'src/pipeline/screen', 'src/pipeline/notify'];
const FILES = [...DIRS.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`)), 'src/config/analysis-settings.ts'];

/**
 * Patterns that only ever see a short, bounded input, so super-linear behaviour cannot be reached by a
 * sender; each says where its input is bounded. Keyed by source.
 */
const BOUNDED_INPUT: Record<string, string> = {
  // text-lines.ts: the last 24 characters before a full stop.
  '([A-Za-z.]+)\\.$': 'endsWithAbbreviation reads before.slice(-24)',
  // extract-sections-cited.ts: the 60 characters before a citation.
  "\\b(?!Freedom of Information|Environmental Information)([A-Z][\\w']*\\s){1,6}(Act|Order)(\\s\\d{4})?,?\\s*$": 'citesAnotherStatute reads 60 characters before',
};

interface Found {
  where: string;
  pattern: RegExp;
}

function literalPatterns(): Found[] {
  const found: Found[] = [];
  for (const file of FILES) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${file}:${line}`, pattern: new RegExp(text.slice(1, end), text.slice(end + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Every RegExp built while the modules load and analyse a sample (topic keywords are compiled on first use). */
async function constructedPatterns(): Promise<Found[]> {
  const found: Found[] = [];
  const Native = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget) as RegExp;
      found.push({ where: 'built at run time', pattern: made });
      return made;
    },
  });
  try {
    for (const file of FILES) await import(join(ROOT, file));
    const { analyseRequest } = await import('../../../src/pipeline/analyse/analyse-request.js');
    analyseRequest({ subject: 'Re: FOI request', text: 'Dear Council,\n\n1. How many potholes were repaired in 2025?\n\nThanks,\nJane Smith', from: null });
  } finally {
    globalThis.RegExp = Native;
  }
  return found;
}

const GENERIC_UNITS = [
  ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u00a0', '.', '?', '!', ',', ';', ':', '-', '_', '*', '=', '(', ')', '[', ']', '<', '>', '"', "'",
  '@', '/', '\\', '#', '&', '+', '|', 'a', 'A', '1', '0', 'é', '😀', 'a@', 'a.', 'a ', 'A ', '1 ', '1.', '1,', '. ', ', ', ': ', ' \n', '>>',
];

/** Words and characters of the pattern itself: its runs of letters, and each character it names literally. */
function unitsOf(pattern: RegExp): string[] {
  const words = [...new Set(pattern.source.replace(/\\[a-zA-Z]/g, ' ').match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 12);
  return [...new Set([...GENERIC_UNITS, ...words.flatMap((w) => [w, `${w} `, `${w}, `, `${w}@`])])];
}

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

function scan(pattern: RegExp, text: string): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text), count = 0; m && count < 2000; m = pattern.exec(text), count += 1) {
    if (m[0] === '') pattern.lastIndex += 1;
  }
}

function timeMs(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const SMALL = 2_000;
const LARGE = 16_000;
const limit = (smallMs: number) => 5 * (LARGE / SMALL) * Math.max(smallMs, 0.5);

/** Texts on which `pattern` took super-linear time (confirmed by the fastest of three more runs: noise only adds time). */
function slowTextsFor(pattern: RegExp): string[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const slow: string[] = [];
  for (const unit of unitsOf(pattern)) {
    for (const make of [(n: number) => fill(unit, n), (n: number) => `x ${fill(unit, n)} x`]) {
      const small = make(SMALL);
      const large = make(LARGE);
      if (timeMs(() => scan(global, large)) <= limit(timeMs(() => scan(global, small)))) continue;
      const fastest = (text: string) => Math.min(...[0, 1, 2].map(() => timeMs(() => scan(global, text))));
      const [smallMs, largeMs] = [fastest(small), fastest(large)];
      if (largeMs > limit(smallMs)) slow.push(`${JSON.stringify(unit)}: ${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`);
    }
  }
  return slow;
}

describe('every pattern the analysis runs on a sender\'s text', () => {
  it('takes time linear in the text on runs of its own words and of hostile characters', async () => {
    const all = [...literalPatterns(), ...(await constructedPatterns())];
    const unique = new Map<string, Found>();
    for (const found of all) unique.set(`${found.pattern.source}/${found.pattern.flags}`, found);
    expect(unique.size).toBeGreaterThan(300);
    const failures: string[] = [];
    for (const { where, pattern } of unique.values()) {
      if (BOUNDED_INPUT[pattern.source]) continue;
      const slow = slowTextsFor(pattern);
      if (slow.length > 0) failures.push(`${where} /${pattern.source.slice(0, 120)}/${pattern.flags}: ${slow.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
