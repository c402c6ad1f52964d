// Reads a DOCX's text in a worker thread with a memory ceiling and a hard timeout: a DOCX is a
// zip, and a zip can declare or hide gigabytes (a zip bomb). The declared sizes are checked
// first; the worker's limits catch a zip that lies about them.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { checkZipInflation } from './compressed-parts.js';

const resolve = createRequire(import.meta.url).resolve;
const MAMMOTH = resolve('mammoth');
const HTML_TO_TEXT = resolve('html-to-text');
const MAX_DECLARED_UNPACKED_BYTES = 64 * 1024 * 1024;

// Plain CommonJS, run with `eval` so it works the same from src/ under the tests and from dist/.
// Through HTML rather than mammoth's raw text: Word's automatic numbering ("1.", "a)") lives in
// the list definitions, not the text, and only the HTML keeps it (as <ol>), which html-to-text
// writes back as numbered lines — the numbers the requester sees and the questions are split by.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mammoth = require(workerData.mammoth);
const { convert } = require(workerData.htmlToText);
const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));
const options = {
  wordwrap: false,
  selectors: [{ selector: 'img', format: 'skip' }, { selector: 'a', options: { ignoreHref: true } }, ...headings],
};
mammoth.convertToHtml({ buffer: Buffer.from(workerData.content) }).then(
  (result) => parentPort.postMessage({ text: convert(result.value, options) }),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

/** The uncompressed sizes the zip's central directory declares (APPNOTE.TXT §4.3.12), summed. */
export function declaredUnpackedBytes(zip: Buffer): number {
  let total = 0;
  for (let at = zip.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0 && at + 46 <= zip.length; at = zip.indexOf('PK\x01\x02', at + 46, 'latin1')) {
    total += zip.readUInt32LE(at + 24);
  }
  return total;
}

export async function readDocxIsolated(content: Buffer, limits: { timeoutMs: number; maxMemoryMb?: number }): Promise<string> {
  const declared = declaredUnpackedBytes(content);
  if (declared > MAX_DECLARED_UNPACKED_BYTES) {
    throw new Error(`declares ${Math.round(declared / 1024 / 1024)} MB once unpacked (limit ${MAX_DECLARED_UNPACKED_BYTES / 1024 / 1024} MB)`);
  }
  // The declared sizes may lie: what the entries really unpack to is counted (and cut off) first,
  // since the zip reader's buffers are outside the worker's heap limit.
  await checkZipInflation(content, MAX_DECLARED_UNPACKED_BYTES);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { mammoth: MAMMOTH, htmlToText: HTML_TO_TEXT, content },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb ?? 256, maxYoungGenerationSizeMb: 32 },
    });
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${limits.timeoutMs} ms`))), limits.timeoutMs);
    worker.once('message', (message: { text?: string; error?: string }) =>
      finish(() => (message.error !== undefined ? reject(new Error(message.error)) : resolve(message.text ?? ''))));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error('too large once unpacked (memory limit reached)') : error)));
  });
}
