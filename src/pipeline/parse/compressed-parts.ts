// Finds the compressed parts of a PDF or a DOCX (a zip) so that what they unpack to can be counted
// before a reader inflates them. Read from the bytes as they are, not from the sizes the file
// declares: a bomb's headers lie.
import { checkInflatedTotal, InflateLimitError, inflatedSize, MAX_INFLATED_BYTES } from './inflated-size.js';

export interface CompressedPart {
  bytes: Uint8Array;
  format: 'zlib' | 'raw';
}

const STREAM = Buffer.from('stream', 'latin1');
const END_STREAM = Buffer.from('endstream', 'latin1');
/** How far before `stream` its dictionary is looked for (a stream dictionary is short). */
const DICTIONARY_WINDOW = 4096;

/**
 * Each Flate-compressed stream of a PDF (ISO 32000-1 §7.3.8: a dictionary, `stream`, an end of
 * line, the data, `endstream`), with whether its dictionary says it is an image.
 */
export function* pdfFlateStreams(pdf: Buffer): Generator<CompressedPart & { image: boolean }> {
  for (let at = pdf.indexOf(STREAM); at >= 0; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') continue;
    // The keyword is followed by an end of line (CRLF or LF; a lone CR is tolerated, as pdf.js does).
    let start = at + STREAM.length;
    if (pdf[start] === 0x0d && pdf[start + 1] === 0x0a) start += 2;
    else if (pdf[start] === 0x0a || pdf[start] === 0x0d) start += 1;
    else continue; // not the keyword: a word inside text
    const end = pdf.indexOf(END_STREAM, start);
    const dictionary = pdf.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
    const own = dictionary.slice(dictionary.lastIndexOf(' obj') + 1);
    if (!/\/(FlateDecode|Fl)\b/.test(own)) continue;
    yield { bytes: pdf.subarray(start, end < 0 ? pdf.length : end), format: 'zlib', image: /\/Subtype\s*\/Image\b/.test(own) };
    if (end < 0) return;
    at = end;
  }
}

/**
 * Text extraction never decodes images, so images do not count towards the document's budget; each
 * is still held to it on its own, since a bomb may call itself an image and be used as a page.
 */
export async function checkPdfInflation(pdf: Buffer, limit = MAX_INFLATED_BYTES): Promise<void> {
  const counted: CompressedPart[] = [];
  for (const stream of pdfFlateStreams(pdf)) {
    if (!stream.image) counted.push(stream);
    else if ((await inflatedSize(stream.bytes, 'zlib', limit)) > limit) throw new InflateLimitError(limit);
  }
  await checkInflatedTotal(counted, limit);
}

const CENTRAL_HEADER = Buffer.from('PK\x01\x02', 'latin1');
const LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
const STORED = 0;
const DEFLATED = 8;

/**
 * Each entry of a zip as its central directory lists it (APPNOTE.TXT §4.3.12, §4.3.7): method,
 * compressed size and where its local header is; the data follows the local header's name and extra field.
 */
export function* zipEntries(zip: Buffer): Generator<CompressedPart | { stored: number }> {
  const seen = new Set<number>();
  for (let at = zip.indexOf(CENTRAL_HEADER); at >= 0 && at + 46 <= zip.length; at = zip.indexOf(CENTRAL_HEADER, at + 46)) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    if (seen.has(local) || local + 30 > zip.length || !zip.subarray(local, local + 4).equals(LOCAL_HEADER)) continue;
    seen.add(local);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const end = Math.min(zip.length, start + compressedSize);
    if (start > end) continue;
    if (method === DEFLATED) yield { bytes: zip.subarray(start, end), format: 'raw' };
    else if (method === STORED) yield { stored: end - start };
  }
}

/** All the zip's entries together may not unpack beyond the limit. */
export async function checkZipInflation(zip: Buffer, limit = MAX_INFLATED_BYTES): Promise<void> {
  let stored = 0;
  const deflated: CompressedPart[] = [];
  for (const entry of zipEntries(zip)) {
    if ('stored' in entry) stored += entry.stored;
    else deflated.push(entry);
  }
  if (stored > limit) throw new InflateLimitError(limit);
  await checkInflatedTotal(deflated, limit - stored);
}
