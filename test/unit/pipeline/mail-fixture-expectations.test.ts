// Every fixtures/mail message read as `foi-intake analyse --json` reads it (parse, attachments,
// analysis with the shipped settings and model), compared with the WHOLE of its .expected.json: what
// an officer would conclude. Where the analysis is known to conclude otherwise, the field is listed in
// KNOWN_MISSES with why; the test fails if such a field comes right (take it off the list) or if any
// other field changes (fix the code, or update the expectation deliberately).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFile } from '../../../src/cli/analyse-command.js';
import { defaultAnalysisSettings } from '../../../src/config/analysis-settings.js';
import { fixturesDir } from '../../../src/paths.js';
import { createAnalyser, type Analyser } from '../../../src/pipeline/analyse/create-analyser.js';
import { referencePattern } from '../../../src/pipeline/case/format-reference.js';
import { regimeFor } from '../../../src/pipeline/case/plan-case.js';
import { referencesInSubject } from '../../../src/pipeline/case/thread-reply.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { shippedAnalysisModels } from '../../../src/adapters/analysis-models-loader.js';

const dir = join(fixturesDir, 'mail');
const FIXTURES = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => f.replace(/\.eml$/, ''));

/** Fields of a fixture where today's analysis differs from the officer's conclusion, and why. */
const KNOWN_MISSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'bounce-dsn': {
    topics: 'read as text, the DSN gets a topic',
  },
  'out-of-office': { topics: 'automated mail is never analysed by the pipeline; read as text, it gets a topic' },
  'eir-air-quality': { sectionsCited: 'EIR regulations 6, 12(4)(b) and 9 are not listed', topics: 'transport ranked before planning_environment' },
  'html-only-outlook': { topics: 'education (school meals) not found beside contracts' },
  'internal-review': { timeSpan: 'the contract\'s award year ("awarded in 2021") is taken for the period asked about' },
  'iso-8859-1': { topics: 'contracts ranked before finance' },
  'sar-own-data': { timeSpan: 'the tenancy ("from 2019 until 2024") is taken for the period asked about' },
  'single-paragraph': {
    questions: 'the lead-ins "Hi, under FOI could you tell me" and "could you also let me know" stay in the questions',
  },
};

/** Fields that describe the fixture rather than the analysis; each is checked its own way below. */
const ABOUT_THE_FIXTURE = ['note', 'caseReference', 'jurisdiction', 'questionsSource'];

/** What an officer concludes from a message nothing can be read from: it is held, not analysed. */
const NOTHING_READ = {
  kind: 'other', questions: [], citesSection16: false, publicInterestArgument: false, timeSpan: null, automated: false,
  sectionsCited: [], topics: [], validity: { valid: false, missing: ['name', 'address', 'description'] },
};

type Expected = Record<string, unknown> & { questions: { number: string | null; text: string }[] };

const expectedOf = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;

/** The analysis in the expectation's terms: questions by number and text, `automated` as a yes or no. */
function comparable(read: Record<string, unknown>): Record<string, unknown> {
  const questions = read.questions as { number: string | null; text: string }[];
  return { ...read, questions: questions.map((q) => ({ number: q.number, text: q.text })), automated: read.automated !== false };
}

let analyse: Analyser;
beforeAll(async () => {
  // The models `analyse --json` runs: the shipped ones.
  analyse = createAnalyser(defaultAnalysisSettings(), shippedAnalysisModels());
});

describe('every mail fixture reads as its expectation says', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const expected = expectedOf(name);
    const file = join(dir, `${name}.eml`);
    const read = await analyseFile(file, analyse).then(comparable, () => null);
    if (read === null) {
      // Unreadable mail is held for an officer; the expectation must say nothing was read.
      await expect(parseMail(readFileSync(file))).rejects.toThrow();
      expect(Object.fromEntries(Object.entries(expected).filter(([k]) => !ABOUT_THE_FIXTURE.includes(k)))).toEqual(NOTHING_READ);
      return;
    }
    const misses = KNOWN_MISSES[name] ?? {};
    for (const [field, value] of Object.entries(expected)) {
      if (ABOUT_THE_FIXTURE.includes(field)) continue;
      if (misses[field]) expect(read[field], `${name}.${field} is listed as a known miss, but now reads right`).not.toEqual(value);
      else expect({ field, value: read[field] }).toEqual({ field, value });
    }
    if (typeof expected.caseReference === 'string') {
      expect(referencesInSubject(String(read.subject), referencePattern('FOI-{year}-{seq:5}'))).toContain(expected.caseReference);
    }
    if (expected.jurisdiction === 'scotland') expect(regimeFor(read.kind as never, 'scotland')).toMatch(/^(foisa|eisr)/);
    if (expected.questionsSource === 'attachment') {
      expect(read.attachmentsRead).toEqual([expect.objectContaining({ filename: expect.any(String) })]);
      const bodyAlone = analyse({ subject: String(read.subject), text: (await parseMail(readFileSync(file))).text, from: null });
      expect(bodyAlone.questions.map((q) => q.text)).not.toEqual(expect.arrayContaining([expected.questions[0]!.text]));
    }
  });

  it('lists known misses only for fixtures and fields that exist', () => {
    for (const [name, fields] of Object.entries(KNOWN_MISSES)) {
      expect(FIXTURES).toContain(name);
      for (const field of Object.keys(fields)) expect(Object.keys(expectedOf(name))).toContain(field);
    }
  });
});
