// The text a request is analysed on: the body, plus the text of PDF and DOCX attachments when
// the body says the request is in them ("please find my request attached").
import type { InboundMail, MailAttachment } from '../../domain/inbound-mail.js';
import { capForAnalysis } from '../analyse/analysis-limits.js';
import { bodySaysRequestIsAttached } from '../analyse/request-is-attached.js';
import { detectDocumentKind, extractAttachmentText, type AttachmentText } from './attachment-text.js';
import { toStorableText } from './storable-text.js';

export interface TextForAnalysis {
  text: string;
  /** Attachments read, with any that could not be (kept for the officer's summary). */
  attachmentsRead: { filename: string | null; error?: string }[];
  /**
   * What an officer must read for themselves because it could not be read here: a scan with no
   * text, a broken or oversized document, a photo or legacy format, or an attachment that is missing.
   */
  attachmentFlags: string[];
}

/** A PDF of page images has no text layer; text recognition (OCR) is not done here. */
export const NO_TEXT_LAYER = 'no text found (a scanned image? text recognition is not done)';

export async function textForAnalysis(mail: InboundMail): Promise<TextForAnalysis> {
  // Read as the analysis reads it: no further than its cap.
  if (!bodySaysRequestIsAttached(capForAnalysis(mail.text).text)) return { text: mail.text, attachmentsRead: [], attachmentFlags: [] };
  if (mail.attachments.length === 0) {
    return { text: mail.text, attachmentsRead: [], attachmentFlags: ['The request is said to be attached, but the message has no attachment: ask the requester to send it again.'] };
  }
  const extracted = (await extractAttachmentText(mail.attachments)).map((a) => (a.error || a.text.trim() ? a : { ...a, error: NO_TEXT_LAYER }));
  // A document's text is stored with the case's analysis, so it must be storable too (no NUL).
  const texts = extracted.filter((a) => a.text.trim()).map((a) => toStorableText(a.text.trim()));
  // The attached letter is the request; the covering note ("see attached", a sign-off) comes after
  // it, so that the note's sign-off is not taken for the end of the request.
  return {
    text: [...texts, mail.text].join('\n\n'),
    attachmentsRead: extracted.map((a) => (a.error ? { filename: a.filename, error: a.error } : { filename: a.filename })),
    attachmentFlags: attachmentFlagsFor(mail.attachments, extracted),
  };
}

function attachmentFlagsFor(attachments: readonly MailAttachment[], extracted: readonly AttachmentText[]): string[] {
  const flags = extracted.filter((a) => a.error).map((a) => `Attachment ${nameOf(a)} ${a.text.trim() ? 'only partly read' : 'not read'}: ${a.error}. Read it yourself.`);
  const unreadable = attachments.filter((a) => detectDocumentKind(a) === null);
  if (extracted.length === 0 && unreadable.length > 0) {
    flags.push(`The request is said to be attached, but no attachment is a PDF or Word (.docx) document: read ${unreadable.map(nameOf).join(', ')} yourself.`);
  }
  return flags;
}

function nameOf(attachment: { filename: string | null; contentType: string }): string {
  return attachment.filename ? `"${attachment.filename}"` : `(unnamed, ${attachment.contentType})`;
}
