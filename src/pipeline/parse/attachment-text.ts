// Reads the text of PDF (pdf.js through unpdf) and DOCX (mammoth) attachments, so that "my request is attached"
// can be analysed; bounded by size and time per attachment, and a broken file yields an error string, never a throw.
import { setImmediate } from 'node:timers/promises';
import { checkPdfInflation } from './compressed-parts.js';
import { readDocxIsolated } from './docx-isolated.js';
import { getResolvedPDFJS } from 'unpdf';
import type { MailAttachment } from '../../domain/inbound-mail.js';

export type DocumentKind = 'pdf' | 'docx';

export interface AttachmentText {
  filename: string | null;
  /** The content type the mail declared (often application/octet-stream), lower-case, without parameters. */
  contentType: string;
  /** What the bytes were read as, from their magic bytes or else the declared content type. */
  kind: DocumentKind;
  /** The document's text, whitespace tidied; empty when unreadable or skipped, partial when timed out. */
  text: string;
  /** Why the text is missing or incomplete: skipped as too large, unreadable, or timed out. */
  error?: string;
}

export interface ExtractOptions {
  /** Larger attachments are skipped (reported with an error, no text). Default 10 MB. */
  maxBytes?: number;
  /** Work on one attachment stops after this long; the pages read so far are kept. Default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_ATTACHMENT_TIMEOUT_MS = 10_000;

const PDF_TYPES: ReadonlySet<string> = new Set(['application/pdf', 'application/x-pdf', 'application/acrobat']);
const DOCX_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-word.document.macroenabled.12',
]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
/** pdf.js, like Acrobat, accepts junk before the header within the first kilobyte. */
const PDF_MAGIC_WINDOW = 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Stored uncompressed in every zip entry header and in the central directory. */
const DOCX_MAIN_PART = Buffer.from('word/document.xml', 'latin1');
const MAX_ERROR_LENGTH = 160;
/** A request is a letter, not a book: pages beyond these are left for the officer (who is told). */
export const MAX_PDF_PAGES = 100;
const TIMED_OUT = Symbol('timed out');

/**
 * Text of each PDF or DOCX attachment, in mail order; other attachments (images, spreadsheets…) are left out.
 * Attachments are read one at a time; failures are reported per attachment in `error`.
 */
export async function extractAttachmentText(
  attachments: MailAttachment[],
  options: ExtractOptions = {},
): Promise<AttachmentText[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ATTACHMENT_TIMEOUT_MS;
  const results: AttachmentText[] = [];
  for (const attachment of attachments) {
    const kind = detectDocumentKind(attachment);
    if (!kind) continue;
    const base = { filename: attachment.filename, contentType: mediaType(attachment.contentType), kind };
    const bytes = attachment.content.length;
    if (bytes > maxBytes) {
      results.push({ ...base, text: '', error: `skipped: ${formatBytes(bytes)} is over the ${formatBytes(maxBytes)} limit` });
      continue;
    }
    results.push({ ...base, ...(await readWithin(kind, attachment.content, timeoutMs)) });
  }
  return results;
}

/** PDF or DOCX by magic bytes first (mail clients send both as application/octet-stream), else by declared type. */
export function detectDocumentKind(attachment: Pick<MailAttachment, 'contentType' | 'content'>): DocumentKind | null {
  const { content } = attachment;
  if (content.subarray(0, PDF_MAGIC_WINDOW).includes(PDF_MAGIC)) return 'pdf';
  if (content.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC) && content.includes(DOCX_MAIN_PART)) return 'docx';
  const type = mediaType(attachment.contentType);
  if (PDF_TYPES.has(type)) return 'pdf';
  if (DOCX_TYPES.has(type)) return 'docx';
  return null;
}

/** Lets a reader notice that its time is up and release what it holds. */
interface Run {
  /** performance.now() after which no further page is read. */
  deadline: number;
  /** Set when the deadline passed, by the timer or by the reader between pages. */
  timedOut: boolean;
  onCancel: (() => void) | null;
  /** Text read so far (pages of a PDF), kept when the run times out or fails part way. */
  parts: string[];
  /** Why the text, though read, is incomplete (a PDF longer than the pages read). */
  incomplete?: string;
}

async function readWithin(kind: DocumentKind, content: Buffer, timeoutMs: number): Promise<{ text: string; error?: string }> {
  const run: Run = { deadline: performance.now() + timeoutMs, timedOut: false, onCancel: null, parts: [] };
  const work = kind === 'pdf' ? readPdf(content, run) : readDocx(content, run);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const partial = () => tidyText(run.parts.join('\n'));
  const timedOut = () => ({ text: partial(), error: `timed out after ${timeoutMs} ms` });
  try {
    const outcome = await Promise.race([work, timeout]);
    if (outcome === TIMED_OUT) {
      run.timedOut = true;
      work.catch(() => undefined);
      run.onCancel?.();
      return timedOut();
    }
    if (run.timedOut) return timedOut();
    return run.incomplete ? { text: tidyText(outcome), error: run.incomplete } : { text: tidyText(outcome) };
  } catch (cause) {
    return { text: partial(), error: `unreadable ${kind.toUpperCase()}: ${describeError(cause)}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * pdf.js runs on this thread and mostly in promise jobs, which a timer cannot interrupt: so the deadline is
 * checked between pages, and each page yields to the event loop (the timer, and other mail, get their turn).
 */
async function readPdf(content: Buffer, run: Run): Promise<string> {
  // pdf.js inflates a page's streams whole, outside any heap limit: a bomb is refused before it starts.
  await checkPdfInflation(content);
  const { getDocument } = await getResolvedPDFJS();
  // A copy: pdf.js may take over (detach) the buffer it is given, and the mail's Buffer may share a pool.
  const task = getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    useSystemFonts: true,
    disableFontFace: true,
    verbosity: 0,
  });
  run.onCancel = () => void task.destroy().catch(() => undefined);
  try {
    const pdf = await task.promise;
    const pages = Math.min(pdf.numPages, MAX_PDF_PAGES);
    if (pdf.numPages > MAX_PDF_PAGES) run.incomplete = `only the first ${MAX_PDF_PAGES} of its ${pdf.numPages} pages were read`;
    for (let number = 1; number <= pages && !run.timedOut; number++) {
      const page = await pdf.getPage(number);
      const text = await page.getTextContent();
      run.parts.push(text.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
      await setImmediate();
      if (performance.now() >= run.deadline) run.timedOut = true;
    }
    return run.parts.join('\n');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** mammoth runs in a worker with a memory ceiling and is terminated at the deadline (zip bombs). */
async function readDocx(content: Buffer, run: Run): Promise<string> {
  const value = await readDocxIsolated(content, { timeoutMs: Math.max(1, run.deadline - performance.now()) });
  if (!run.timedOut) run.parts.push(value);
  return value;
}

/** Runs of spaces become one, lines lose edge spaces, at most one blank line in a row; no NULs. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function describeError(cause: unknown): string {
  if (cause instanceof Error && cause.name === 'PasswordException') return 'the file is password-protected';
  const message = cause instanceof Error ? cause.message : String(cause);
  const firstLine = (message.split('\n')[0] ?? '').trim() || 'unknown error';
  return firstLine.length > MAX_ERROR_LENGTH ? `${firstLine.slice(0, MAX_ERROR_LENGTH - 1)}…` : firstLine;
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
