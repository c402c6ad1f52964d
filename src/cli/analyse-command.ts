// `foi-intake analyse --json FILE...`: parse and analyse RFC 822 files without touching any
// database or mailbox; one JSON object per message, one per line.
import { readFile } from 'node:fs/promises';
import { describeError } from '../errors.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { analyseRequest } from '../pipeline/analyse/analyse-request.js';
import { isAutomated } from '../pipeline/analyse/detect-automated-mail.js';

async function readSource(file: string): Promise<Buffer> {
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function analyseFile(file: string): Promise<Record<string, unknown>> {
  const mail = await parseMail(await readSource(file));
  const analysis = analyseRequest({ subject: mail.subject, text: mail.text, from: mail.from, receivedAt: mail.date ?? undefined });
  const automated = isAutomated(mail);
  return {
    file,
    messageId: mail.messageId,
    from: mail.from,
    subject: mail.subject,
    kind: analysis.kind,
    questions: analysis.questions.map((q) => ({ number: q.number, text: q.text, topics: q.topics })),
    topics: analysis.topics,
    citesSection16: analysis.citesSection16,
    publicInterestArgument: analysis.publicInterestArgument,
    sectionsCited: analysis.sectionsCited,
    timeSpan: analysis.timeSpan,
    ambiguousTerms: analysis.ambiguousTerms,
    validity: analysis.validity,
    automated: automated.automated ? { reason: automated.reason, evidence: automated.evidence } : false,
    evidence: analysis.evidence,
  };
}

/** Prints one line per file; a file that cannot be read or parsed prints `{"file", "error"}`. */
export async function runAnalyse(files: string[], write: (line: string) => void): Promise<number> {
  let failures = 0;
  for (const file of files) {
    try {
      write(JSON.stringify(await analyseFile(file)));
    } catch (error) {
      failures += 1;
      write(JSON.stringify({ file, error: describeError(error) }));
    }
  }
  return failures;
}
