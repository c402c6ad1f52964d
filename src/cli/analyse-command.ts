// `foi-intake analyse --json FILE...`: parse and analyse RFC 822 files without touching any
// database or mailbox; one JSON object per message, one per line.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { loadAnalysisSettings } from '../config/analysis-settings.js';
import { describeError } from '../errors.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { shippedAnalysisModels } from '../adapters/analysis-models-loader.js';
import type { CommandContext } from './with-database.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { textForAnalysis } from '../pipeline/parse/text-for-analysis.js';
import type { Analyser } from '../pipeline/analyse/create-analyser.js';
import { isAutomated } from '../pipeline/analyse/detect-automated-mail.js';

async function readSource(file: string): Promise<Buffer> {
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function analyseFile(file: string, analyse: Analyser): Promise<Record<string, unknown>> {
  const mail = await parseMail(await readSource(file));
  const { text, attachmentsRead } = await textForAnalysis(mail);
  const analysis = analyse({ subject: mail.subject, text, from: mail.from, receivedAt: mail.date ?? undefined });
  const automated = isAutomated(mail);
  // Every analysis field goes out (the contract's and the extras: evidence, confidences, dates);
  // question offsets are internal and stay in.
  return {
    file,
    messageId: mail.messageId,
    from: mail.from,
    subject: mail.subject,
    ...analysis,
    questions: analysis.questions.map(({ start: _start, end: _end, ...question }) => question),
    automated: automated.automated ? { reason: automated.reason, evidence: automated.evidence } : false,
    attachmentsRead,
  };
}

/** Prints one line per file; a file that cannot be read or parsed prints `{"file", "error"}`. */
export async function runAnalyse(files: string[], analyse: Analyser, write: (line: string) => void): Promise<number> {
  let failures = 0;
  for (const file of files) {
    try {
      write(JSON.stringify(await analyseFile(file, analyse)));
    } catch (error) {
      failures += 1;
      write(JSON.stringify({ file, error: describeError(error) }));
    }
  }
  return failures;
}

export function addAnalyseCommand(program: Command, { env, write }: CommandContext): void {
  program
    .command('analyse')
    .description('analyse RFC 822 files (- for stdin) without touching any database or mailbox')
    .option('--json', 'print one JSON object per message, one per line (the default)')
    .argument('<files...>')
    .action(async (files: string[]) => {
      const config = loadConfig(env);
      // No database here (DESIGN.md "Contract details"): the shipped models every installation starts from.
      const analyse = createAnalyser(loadAnalysisSettings(config.analysisConfigPath), shippedAnalysisModels());
      const failures = await runAnalyse(files, analyse, write);
      if (failures > 0) process.exitCode = 1;
    });
}
