// `npm run bench -- --hostile`: the hostile corpus (fixtures/hostile/*.eml) plus attacks too big to
// keep in the repository, made now (a 10 MB text message, a 30 MB message, a PDF whose page inflates
// to 200 MB, a .docx whose zip headers lie), all through `run --once` in a child process, on
// PostgreSQL when DATABASE_URL is set (else PGlite). Prints the slowest message's preparation time,
// the total time and the peak RSS of the run --once process and its children. Reports, asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { bigAttachmentMessage, bigTextMessage, lyingZipDocx, messageWithAttachment, pdfBomb } from '../../src/demo/hostile-documents.js';
import { startSmtpSink } from '../../src/demo/smtp-sink.js';
import { fixturesDir } from '../../src/paths.js';
import { runOnceInChild } from './child-process.js';

interface BenchServers {
  prepareMailbox(): Promise<{ url: string; kind: string; close: () => Promise<void> }>;
  prepareDatabase(): Promise<{ env: Record<string, string>; kind: string; close: () => Promise<void> }>;
  imapClient(url: string): Promise<ImapFlow>;
  say(line: string): void;
}

const MB = 1024 * 1024;

/** The corpus in the order it is appended (so the n-th UID of the pass is the n-th entry). */
async function hostileCorpus(): Promise<{ name: string; raw: Buffer }[]> {
  const dir = join(fixturesDir, 'hostile');
  const files = readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return [
    ...files.map((name) => ({ name, raw: readFileSync(join(dir, name)) })),
    { name: 'generated: 10 MB text message', raw: bigTextMessage(1, 10 * MB) },
    { name: 'generated: 30 MB message', raw: bigAttachmentMessage(2, 30 * MB) },
    { name: 'generated: PDF page inflating to 200 MB', raw: messageWithAttachment(3, { filename: 'request.pdf', contentType: 'application/pdf', bytes: await pdfBomb() }) },
    { name: 'generated: .docx whose zip headers lie', raw: messageWithAttachment(4, { filename: 'request.docx', contentType: docx, bytes: await lyingZipDocx() }) },
  ];
}

interface Committed {
  uid: number;
  outcome: string;
  prepareMs: number | null;
}

export async function runHostileBench({ prepareMailbox, prepareDatabase, imapClient, say }: BenchServers): Promise<void> {
  const [mailbox, database, smtp] = await Promise.all([prepareMailbox(), prepareDatabase(), startSmtpSink({ parse: false })]);
  try {
    const corpus = await hostileCorpus();
    const seeding = await imapClient(mailbox.url);
    for (const message of corpus) await seeding.append('INBOX', message.raw, [], new Date());
    await seeding.logout();
    const bytes = corpus.reduce((sum, m) => sum + m.raw.length, 0);
    say(`seeded ${corpus.length} hostile messages (${(bytes / MB).toFixed(1)} MB) into ${mailbox.kind}; database ${database.kind}`);

    const committed: Committed[] = [];
    const failures: string[] = [];
    const env = {
      ...database.env, FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM: 'FOI Team <foi@example.gov.uk>',
      FOI_OFFICERS: 'officer@example.gov.uk', FOI_AUTHORITY_NAME: 'Benchmark Council', FOI_ACKNOWLEDGE_SINCE: 'all',
      FOI_TRUSTED_AUTHSERV_ID: 'mx.example.gov.uk',
    };
    const run = await runOnceInChild(env, {
      logLevel: 'info',
      onLogLine: (line) => {
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line) as { msg?: string; level?: number; uid?: number; outcome?: string; prepareMs?: number; err?: string };
        if (entry.msg === 'message committed' && entry.uid !== undefined) committed.push({ uid: entry.uid, outcome: entry.outcome ?? '?', prepareMs: entry.prepareMs ?? null });
        else if ((entry.level ?? 0) >= 50) failures.push(`${entry.msg ?? ''}: ${entry.err ?? ''}`);
      },
    });

    // UIDs rise in the order the messages were appended.
    const byUid = [...committed].sort((a, b) => a.uid - b.uid);
    const named = byUid.map((c, i) => ({ ...c, name: corpus[i]?.name ?? `uid ${c.uid}` }));
    const timed = named.filter((c) => c.prepareMs !== null).sort((a, b) => b.prepareMs! - a.prepareMs!);
    const outcomes = new Map<string, number>();
    for (const c of committed) outcomes.set(c.outcome, (outcomes.get(c.outcome) ?? 0) + 1);

    say(`slowest_prepare_ms ${timed[0]?.prepareMs ?? 'n/a'}`);
    say(`total_s ${run.wallSeconds.toFixed(1)}`);
    say(`peak_rss_mb ${(run.peakRssBytes / MB).toFixed(0)}`);
    say(`run --once exit code ${run.exitCode}; ${committed.length} of ${corpus.length} messages committed (${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}); ${smtp.received.length} mails accepted by SMTP`);
    say('slowest preparations:');
    for (const c of timed.slice(0, 5)) say(`  ${String(c.prepareMs).padStart(6)} ms  ${c.name} (${c.outcome})`);
    for (const failure of failures) say(`error logged: ${failure}`);
  } finally {
    await Promise.all([mailbox.close(), database.close(), smtp.close()]);
  }
}
