// Decompression bombs through the whole pipeline (run --once, workers, database, mailbox): a PDF whose
// page inflates to 200 MB and a .docx whose zip headers lie each become a case whose officers are told
// the attachment could not be read and why; nothing crashes, the inbox is emptied, and this process
// (which holds the workers) grows by far less than the bombs would inflate to.
import { describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { lyingZipDocx, messageWithAttachment, pdfBomb } from '../../src/demo/hostile-documents.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const MB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const servers = useTestServers();

describe('decompression bombs in attachments', () => {
  it('end as cases flagged "attachment not read", within bounded memory', async () => {
    await servers.mailbox.append(messageWithAttachment(1, { filename: 'request.pdf', contentType: 'application/pdf', bytes: await pdfBomb(200 * MB) }), new Date());
    await servers.mailbox.append(messageWithAttachment(2, { filename: 'request.docx', contentType: DOCX, bytes: await lyingZipDocx(300 * MB) }), new Date());
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url, { FOI_ACKNOWLEDGE_SINCE: 'all' }));
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    try {
      const report = await runOnce(runtime);
      expect(report.mailbox).toMatchObject({ opened: 2, held: 0 });
    } finally {
      clearInterval(sampler);
      await runtime.close();
    }
    // The bombs would inflate to 500 MB; counting stops each at 64 MB without keeping what it inflates.
    expect(peak - rssBefore).toBeLessThan(400 * MB);
    const cases = await listCases(servers.db.db);
    const flagTexts = cases.map((c) => c.flagDetails.filter((f) => f.code === 'attachment_unreadable').map((f) => f.text).join(' '));
    expect(flagTexts).toEqual([
      expect.stringMatching(/"request\.pdf" not read: unreadable PDF: unpacks to more than 64 MB/),
      expect.stringMatching(/"request\.docx" not read: unreadable DOCX: unpacks to more than 64 MB/),
    ]);
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
  });
});
