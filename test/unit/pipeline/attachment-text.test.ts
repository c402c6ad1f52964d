// Attachment text: PDF and DOCX read by content type or magic bytes, broken and oversized files reported
// without throwing, a slow file cut off; and the body phrasings that say the request is in the attachment.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MailAttachment } from '../../../src/domain/inbound-mail.js';
import { bodySaysRequestIsAttached } from '../../../src/pipeline/analyse/request-is-attached.js';
import { detectDocumentKind, extractAttachmentText } from '../../../src/pipeline/parse/attachment-text.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { fixture } from '../../harness/test-runtime.js';
import { syntheticPdf } from '../../../src/demo/synthetic-pdf.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function attachment(content: Buffer, contentType: string, filename: string | null = null): MailAttachment {
  return { filename, contentType, size: content.length, content };
}

// --- A minimal zip writer (deflated entries), enough for mammoth to open a DOCX. ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(raw);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8); local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc32(raw), 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14); central.writeUInt32LE(crc32(raw), 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const paragraph = (text: string, numbered = false) =>
  `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

/** A Word document whose body is the given paragraphs. */
function docx(paragraphs: string[]): Buffer {
  return docxWith(paragraphs.map((p) => paragraph(p)).join(''));
}

/** A Word document with a lead-in and a list numbered by Word itself (numbering.xml), as Word writes "1." lists. */
function docxWithWordNumbering(leadIn: string, items: string[]): Buffer {
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">`
    + '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
  return docxWith(paragraph(leadIn) + items.map((item) => paragraph(item, true)).join(''), numbering);
}

function docxWith(body: string, numbering?: string): Buffer {
  const numberingParts: Record<string, string> = numbering
    ? {
        'word/numbering.xml': numbering,
        'word/_rels/document.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
      }
    : {};
  return zip({
    ...numberingParts,
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/word/document.xml" ContentType="${DOCX_TYPE}.main+xml"/>`
      + '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  });
}

const pdf = (pages: string[][]) => syntheticPdf(pages);

const DOCX_REQUEST = [
  'Request for information under the Freedom of Information Act 2000',
  '1. How many potholes were reported on Mill Lane in 2025?',
  '2. How much did the council spend repairing them?',
];

describe('extractAttachmentText', () => {
  it('reads the questions from the PDF in fixtures/mail/with-pdf-attachment.eml', async () => {
    const mail = await parseMail(fixture('with-pdf-attachment.eml'));
    const [result, ...rest] = await extractAttachmentText(mail.attachments);
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ filename: 'FOI request - council tax enforcement.pdf', contentType: 'application/pdf', kind: 'pdf' });
    expect(result?.error).toBeUndefined();
    expect(result?.text).toContain('1. The number of council tax liability orders the council obtained.');
    expect(result?.text).toContain('2. The total value of council tax arrears passed to enforcement agents.');
    expect(result?.text).toContain('3. The number of council tax support recipients referred to enforcement agents.');
    expect(result?.text.split('\n')).toContain('Please provide the following information for the calendar year 2025:');
    expect(bodySaysRequestIsAttached(mail.text)).toBe(true);
  });

  it('reads a hand-written PDF page by page, and a DOCX paragraph by paragraph', async () => {
    const [fromPdf, fromDocx] = await extractAttachmentText([
      attachment(pdf([['Page one (first)'], ['Page two']]), 'application/pdf', 'letter.pdf'),
      attachment(docx(DOCX_REQUEST), DOCX_TYPE, 'request.docx'),
    ]);
    expect(fromPdf).toEqual({ filename: 'letter.pdf', contentType: 'application/pdf', kind: 'pdf', text: 'Page one (first)\nPage two' });
    expect(fromDocx).toMatchObject({ filename: 'request.docx', contentType: DOCX_TYPE, kind: 'docx' });
    expect(fromDocx?.error).toBeUndefined();
    expect(fromDocx?.text.split(/\n+/)).toEqual(DOCX_REQUEST);
  });

  it("keeps Word's automatic list numbering, which is not in the document's text", async () => {
    const items = ['How many potholes were reported on Mill Lane in 2025?', 'How much did the council spend repairing them?'];
    const [result] = await extractAttachmentText([attachment(docxWithWordNumbering('Please tell me:', items), DOCX_TYPE, 'numbered.docx')]);
    expect(result?.error).toBeUndefined();
    expect(result?.text.split(/\n+/).map((line) => line.trim())).toEqual(['Please tell me:', `1. ${items[0]}`, `2. ${items[1]}`]);
  });

  it('recognises PDF and DOCX sent as application/octet-stream by their magic bytes', async () => {
    const pdfBytes = (await parseMail(fixture('with-pdf-attachment.eml'))).attachments[0]?.content ?? Buffer.alloc(0);
    const results = await extractAttachmentText([
      attachment(pdfBytes, 'application/octet-stream', 'scan0001'),
      attachment(docx(DOCX_REQUEST), 'application/octet-stream; name="request.docx"', null),
    ]);
    expect(results.map((r) => [r.contentType, r.kind, r.error])).toEqual([
      ['application/octet-stream', 'pdf', undefined], ['application/octet-stream', 'docx', undefined],
    ]);
    expect(results[0]?.text).toContain('council tax liability orders');
    expect(results[1]?.text).toContain('How many potholes were reported on Mill Lane in 2025?');
  });

  it('leaves out images, spreadsheets, other zips and plain text', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const xlsx = zip({ 'xl/workbook.xml': '<workbook/>' });
    const results = await extractAttachmentText([
      attachment(png, 'image/png', 'pothole.png'),
      attachment(xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data.xlsx'),
      attachment(zip({ 'a.txt': 'hello' }), 'application/octet-stream', 'files.zip'),
      attachment(Buffer.from('1. How many?'), 'text/plain', 'request.txt'),
    ]);
    expect(results).toEqual([]);
    expect(detectDocumentKind(attachment(xlsx, 'application/octet-stream'))).toBeNull();
  });

  it('records an error, without throwing, for a corrupt PDF or DOCX, and goes on to the next attachment', async () => {
    const good = pdf([['Still read']]);
    const results = await extractAttachmentText([
      attachment(Buffer.from('%PDF-1.7\n1 0 obj garbage with no structure at all\n'), 'application/pdf', 'broken.pdf'),
      attachment(good.subarray(0, 40), 'application/octet-stream', 'truncated.pdf'),
      attachment(Buffer.from('<html><body>Session expired</body></html>'), 'application/pdf', 'download.pdf'),
      attachment(Buffer.from('not a zip at all'), DOCX_TYPE, 'broken.docx'),
      attachment(good, 'application/pdf', 'good.pdf'),
    ]);
    expect(results.map((r) => r.filename)).toEqual(['broken.pdf', 'truncated.pdf', 'download.pdf', 'broken.docx', 'good.pdf']);
    for (const broken of results.slice(0, 3)) {
      expect(broken.text).toBe('');
      expect(broken.error).toMatch(/^unreadable PDF: .+/);
      expect(broken.error?.length).toBeLessThanOrEqual(200);
    }
    expect(results[3]).toMatchObject({ kind: 'docx', text: '', error: expect.stringMatching(/^unreadable DOCX: .+/) });
    expect(results[4]).toMatchObject({ text: 'Still read' });
    expect(results[4]?.error).toBeUndefined();
  });

  it('skips an attachment above maxBytes, saying so, and reads the smaller ones', async () => {
    const big = pdf(Array.from({ length: 20 }, (_, i) => [`Page ${i + 1}`]));
    const small = pdf([['Small letter']]);
    const results = await extractAttachmentText(
      [attachment(big, 'application/pdf', 'big.pdf'), attachment(small, 'application/pdf', 'small.pdf')],
      { maxBytes: small.length },
    );
    expect(results[0]).toEqual({
      filename: 'big.pdf', contentType: 'application/pdf', kind: 'pdf', text: '', error: expect.stringMatching(/^skipped: .* over the .* limit$/),
    });
    expect(results[1]).toEqual({ filename: 'small.pdf', contentType: 'application/pdf', kind: 'pdf', text: 'Small letter' });
    const [defaultLimit] = await extractAttachmentText([attachment(Buffer.concat([small, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf')]);
    expect(defaultLimit?.error).toBe('skipped: 10 MB is over the 10 MB limit');
  });

  it('stops reading a slow PDF after timeoutMs, keeping the pages read so far', async () => {
    const pages = Array.from({ length: 400 }, (_, i) => Array.from({ length: 40 }, (_, l) => `Page ${i + 1} line ${l + 1} of a very long annex`));
    const started = performance.now();
    const [result] = await extractAttachmentText([attachment(pdf(pages), 'application/pdf', 'annex.pdf')], { timeoutMs: 30 });
    const elapsed = performance.now() - started;
    expect(result?.error).toBe('timed out after 30 ms');
    expect(result?.text.includes('Page 400 line 40')).toBe(false);
    if (result?.text) expect(result.text.startsWith('Page 1 line 1 of a very long annex')).toBe(true);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('bodySaysRequestIsAttached', () => {
  it.each([
    'My request is attached.',
    'My FOI request is attached as a PDF. Please let me know if you cannot open it.',
    'Please see attached.',
    'Please find attached my request for information.',
    'Please find my request attached.',
    'Please find enclosed a Freedom of Information request.',
    'Attached is my FOI request regarding parking fines.',
    'I attach a letter setting out my questions.',
    "I've attached my questions as a Word document.",
    'We are enclosing our request under the EIR.',
    'Please see the attached document.',
    'see the attached letter',
    'See the attached PDF, thanks',
    'The attached letter sets out my request.',
    'My questions are in the attached document.',
    'FOI request attached',
    'Please find attached my request, and a photo of the site.',
    'Dear FOI team,\n\nI enclose my request.\n\nKind regards,\nA. Person',
  ])('positive: %s', (body) => {
    expect(bodySaysRequestIsAttached(body)).toBe(true);
  });

  it.each([
    'I have attached a photo of the pothole on Mill Lane.',
    'Attached is a photo of the damage to my car.',
    'A photo of the fly-tipping is attached.',
    'Please see attached photos.',
    'I attach a copy of my passport as proof of identity.',
    'Please find attached my ID.',
    'Thank you for the attached response.',
    'Your acknowledgement is attached below.',
    'I cannot open the attached document you sent me.',
    'Please send the information as an attachment in Excel format.',
    'Please provide the data in an attached spreadsheet rather than a PDF.',
    'How many email attachments were blocked by the council filter in 2024?',
    'I have not attached anything.',
    'I forgot to attach the document.',
    '> Please see the attached letter.\nWhy was my request refused?',
    'Please tell me how many staff are employed in the planning department.',
  ])('negative: %s', (body) => {
    expect(bodySaysRequestIsAttached(body)).toBe(false);
  });
});
