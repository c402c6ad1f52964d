// How many bytes a compressed document really unpacks to, counted as zlib produces them and
// abandoned at a limit: a few hundred kilobytes can inflate to gigabytes (a decompression bomb),
// and neither pdf.js nor a zip reader bounds what it inflates (their buffers live outside the
// worker's heap limit). The counting keeps one chunk at a time, so it costs no memory itself.
import { createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib';

/** What a document may unpack to before it is read as unreadable (issue: zip entries, PDF streams). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`unpacks to more than ${Math.round(limit / 1024 / 1024)} MB`);
    this.name = 'InflateLimitError';
  }
}

/**
 * Bytes `compressed` inflates to (zlib-wrapped, or raw deflate for zip entries), at most `limit`:
 * past it, inflating stops and the count so far plus one is returned. Data that is not deflate
 * (another filter, a damaged stream) counts for what it gave before the error.
 */
export function inflatedSize(compressed: Uint8Array, format: 'zlib' | 'raw', limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater: Inflate | InflateRaw = format === 'zlib' ? createInflate({ chunkSize: 64 * 1024 }) : createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inflater.removeAllListeners('data');
      inflater.on('error', () => undefined);
      inflater.destroy();
      resolve(total);
    };
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) finish();
    });
    inflater.on('end', finish);
    inflater.on('error', finish);
    inflater.end(compressed);
  });
}

/** Inflates each part in turn against one shared budget; throws InflateLimitError past it. */
export async function checkInflatedTotal(parts: Iterable<{ bytes: Uint8Array; format: 'zlib' | 'raw' }>, limit = MAX_INFLATED_BYTES): Promise<number> {
  let total = 0;
  for (const part of parts) {
    total += await inflatedSize(part.bytes, part.format, limit - total);
    if (total > limit) throw new InflateLimitError(limit);
  }
  return total;
}
