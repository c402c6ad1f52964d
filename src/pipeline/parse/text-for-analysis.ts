// The text a request is analysed on: the body, plus the text of PDF and DOCX attachments when
// the body says the request is in them ("please find my request attached").
import type { InboundMail } from '../../domain/inbound-mail.js';
import { bodySaysRequestIsAttached } from '../analyse/request-is-attached.js';
import { extractAttachmentText } from './attachment-text.js';

export interface TextForAnalysis {
  text: string;
  /** Attachments read, with any that could not be (kept for the officer's summary). */
  attachmentsRead: { filename: string | null; error?: string }[];
}

export async function textForAnalysis(mail: InboundMail): Promise<TextForAnalysis> {
  if (mail.attachments.length === 0 || !bodySaysRequestIsAttached(mail.text)) return { text: mail.text, attachmentsRead: [] };
  const extracted = await extractAttachmentText(mail.attachments);
  const texts = extracted.filter((a) => a.text.trim()).map((a) => a.text.trim());
  // The attached letter is the request; the covering note ("see attached", a sign-off) comes after
  // it, so that the note's sign-off is not taken for the end of the request.
  return {
    text: [...texts, mail.text].join('\n\n'),
    attachmentsRead: extracted.map((a) => (a.error ? { filename: a.filename, error: a.error } : { filename: a.filename })),
  };
}
