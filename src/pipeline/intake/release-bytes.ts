// Frees a message's raw bytes once its batch is committed, rather than at the main thread's next full
// collection. The bytes live from the fetch to the commit, long enough for V8 to move the Buffer to
// its old generation, where a dead buffer waits for a full collection: by then a pass over mail with
// attachments has left tens of megabytes of them behind. Handing the memory to a clone that nothing
// holds lets the next scavenge free it instead.

/** Buffers smaller than this are left to the collector: they are cheap, and may share Node's pool. */
const WORTH_RELEASING = 64 * 1024;

/**
 * Empties `bytes` (it reads as zero bytes afterwards) and frees its memory soon; only for bytes that
 * nothing reads again, and only when the Buffer owns its whole ArrayBuffer.
 */
export function releaseBytes(bytes: Buffer): void {
  const { buffer } = bytes;
  if (bytes.byteLength < WORTH_RELEASING || bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return;
  if (!(buffer instanceof ArrayBuffer)) return; // a SharedArrayBuffer cannot be handed over
  try {
    structuredClone(buffer, { transfer: [buffer] });
  } catch {
    // Not transferable (marked so by its owner): the collector frees it in time.
  }
}
