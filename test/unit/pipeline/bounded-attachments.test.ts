// Decompression bombs in attachments: the inflated bytes are counted as they are produced and reading
// stops at 64 MB, whatever sizes the file declares; a PDF is read to 100 pages at most. A document over
// a limit is reported as unreadable (the officer reads it), never thrown.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lyingZipDocx, pdfBomb } from '../../../src/demo/hostile-documents.js';
import { syntheticPdf } from '../../../src/demo/synthetic-pdf.js';
import { extractAttachmentText } from '../../../src/pipeline/parse/attachment-text.js';
import { checkPdfInflation, checkZipInflation, pdfFlateStreams } from '../../../src/pipeline/parse/compressed-parts.js';
import { InflateLimitError, inflatedSize } from '../../../src/pipeline/parse/inflated-size.js';

const MB = 1024 * 1024;
const attachment = (content: Buffer, contentType: string, filename: string) => ({ filename, contentType, size: content.length, content });

describe('counting inflated bytes', () => {
  it('stops at the limit instead of inflating everything', async () => {
    const packed = deflateSync(Buffer.alloc(8 * MB));
    expect(await inflatedSize(packed, 'zlib', 100 * MB)).toBe(8 * MB);
    const stopped = await inflatedSize(packed, 'zlib', MB);
    expect(stopped).toBeGreaterThan(MB);
    expect(stopped).toBeLessThan(2 * MB);
  });

  it('counts a damaged stream for what it gave, without throwing', async () => {
    expect(await inflatedSize(Buffer.from('not deflate at all'), 'zlib', MB)).toBe(0);
  });
});

describe('a PDF whose page inflates to 200 MB', () => {
  it('is refused before pdf.js inflates it', async () => {
    const bomb = await pdfBomb();
    expect(bomb.length).toBeLessThan(2 * MB);
    await expect(checkPdfInflation(bomb)).rejects.toBeInstanceOf(InflateLimitError);
  });

  it('is read as unreadable, with the reason, and nothing thrown', async () => {
    const [read] = await extractAttachmentText([attachment(await pdfBomb(), 'application/pdf', 'request.pdf')]);
    expect(read).toMatchObject({ kind: 'pdf', text: '' });
    expect(read!.error).toMatch(/unreadable PDF: unpacks to more than 64 MB/);
  });

  it('finds the compressed streams of an ordinary PDF and lets it through', async () => {
    const content = 'BT /F1 11 Tf 72 760 Td (How many?) Tj ET';
    const packed = deflateSync(content);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n4 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\r\n'), packed, Buffer.from('\nendstream\nendobj\n')]);
    expect([...pdfFlateStreams(pdf)].map((s) => s.bytes.length)).toEqual([packed.length + 1]);
    await expect(checkPdfInflation(pdf)).resolves.toBeUndefined();
  });
});

describe('a .docx whose zip headers lie about its sizes', () => {
  it('declares 2 KB but is counted as it unpacks, and refused at 64 MB', async () => {
    const docx = await lyingZipDocx();
    await expect(checkZipInflation(docx)).rejects.toBeInstanceOf(InflateLimitError);
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const [read] = await extractAttachmentText([attachment(docx, type, 'request.docx')]);
    expect(read).toMatchObject({ kind: 'docx', text: '' });
    expect(read!.error).toMatch(/unreadable DOCX: unpacks to more than 64 MB/);
  });
});

describe('a PDF of more than 100 pages', () => {
  it('is read to page 100, and the officer is told the rest was not', async () => {
    const pages = Array.from({ length: 105 }, (_, i) => [`Page ${i + 1} question`]);
    const [read] = await extractAttachmentText([attachment(syntheticPdf(pages), 'application/pdf', 'long.pdf')], { timeoutMs: 60_000 });
    expect(read!.text).toContain('Page 100 question');
    expect(read!.text).not.toContain('Page 101 question');
    expect(read!.error).toBe('only the first 100 of its 105 pages were read');
  });
});
