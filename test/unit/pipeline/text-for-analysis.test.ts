// What an officer is told about an attached request the analysis could not read: a scan without a
// text layer, a photo of a letter, a broken document, or an attachment the requester forgot.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { syntheticPdf } from '../../../src/demo/synthetic-pdf.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { NO_TEXT_LAYER, textForAnalysis } from '../../../src/pipeline/parse/text-for-analysis.js';

const COVERING_NOTE = 'Dear FOI team,\n\nPlease find my request attached.\n\nRegards,\nNia Pritchard';

async function mailWith(text: string, attachments: { filename: string; contentType: string; content: Buffer }[]) {
  const source = await new MailComposer({
    from: 'Nia Pritchard <nia.pritchard@example.org>', to: 'foi@example.gov.uk', subject: 'Freedom of Information request', text, attachments,
  }).compile().build();
  return parseMail(source);
}

const LETTER = [['Dear Sir or Madam,', '1. How many library branches did the council run in 2024?', '2. What was the library service budget in 2024/25?']];
// A page image and no text operators: what a scanner produces.
const SCAN = syntheticPdf([[]], { imageBytes: Buffer.alloc(40_000, 0x80) });

describe('textForAnalysis: attachments an officer must read', () => {
  it('reads a PDF letter and flags nothing', async () => {
    const result = await textForAnalysis(await mailWith(COVERING_NOTE, [{ filename: 'request.pdf', contentType: 'application/pdf', content: syntheticPdf(LETTER) }]));
    expect(result.text).toContain('How many library branches');
    expect(result.attachmentFlags).toEqual([]);
    expect(result.attachmentsRead).toEqual([{ filename: 'request.pdf' }]);
  });

  it('flags a scanned PDF with no text layer', async () => {
    const result = await textForAnalysis(await mailWith(COVERING_NOTE, [{ filename: 'scan0001.pdf', contentType: 'application/pdf', content: SCAN }]));
    expect(result.attachmentsRead).toEqual([{ filename: 'scan0001.pdf', error: NO_TEXT_LAYER }]);
    expect(result.attachmentFlags).toEqual([`Attachment "scan0001.pdf" not read: ${NO_TEXT_LAYER}. Read it yourself.`]);
  });

  it('flags a broken PDF', async () => {
    const result = await textForAnalysis(await mailWith(COVERING_NOTE, [{ filename: 'letter.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\nnot really a pdf') }]));
    expect(result.attachmentFlags).toHaveLength(1);
    expect(result.attachmentFlags[0]).toMatch(/^Attachment "letter\.pdf" not read: unreadable PDF: .+ Read it yourself\.$/);
  });

  it('flags a request sent as a photo or a legacy document, naming each attachment', async () => {
    const result = await textForAnalysis(await mailWith(COVERING_NOTE, [
      { filename: 'letter.jpg', contentType: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
      { filename: 'questions.doc', contentType: 'application/msword', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) },
    ]));
    expect(result.attachmentFlags).toEqual([
      'The request is said to be attached, but no attachment is a PDF or Word (.docx) document: read "letter.jpg", "questions.doc" yourself.',
    ]);
  });

  it('flags a request said to be attached when nothing is', async () => {
    const result = await textForAnalysis(await mailWith(COVERING_NOTE, []));
    expect(result.attachmentFlags).toEqual(['The request is said to be attached, but the message has no attachment: ask the requester to send it again.']);
  });

  it('says nothing about attachments when the request is in the body', async () => {
    const body = 'Dear FOI team,\n\nHow many library branches did the council run in 2024? A photo of the closed branch is attached for context.\n\nNia';
    const result = await textForAnalysis(await mailWith(body, [{ filename: 'branch.jpg', contentType: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) }]));
    expect(result.attachmentFlags).toEqual([]);
    expect(result.text).toBe(body);
  });
});
