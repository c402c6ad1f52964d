// A committed batch's large raw buffers give their memory away at once; small ones, and buffers that
// share their memory with others (a slice, Node's pool), are left alone.
import { describe, expect, it } from 'vitest';
import { releaseBytes } from '../../../src/pipeline/intake/release-bytes.js';

describe('releasing a message\'s raw bytes after its commit', () => {
  it('empties a large buffer that owns its memory', () => {
    const raw = Buffer.alloc(128 * 1024, 'a');
    releaseBytes(raw);
    expect(raw.byteLength).toBe(0);
    expect(raw.buffer.byteLength).toBe(0);
  });

  it('leaves small buffers and slices of shared memory as they are', () => {
    const small = Buffer.from('Subject: hello\r\n\r\nHow many potholes?');
    releaseBytes(small);
    expect(small.toString()).toContain('potholes');

    const whole = Buffer.alloc(256 * 1024, 'b');
    const slice = whole.subarray(1024, 129 * 1024);
    releaseBytes(slice);
    expect(slice.byteLength).toBe(128 * 1024);
    expect(whole.byteLength).toBe(256 * 1024);
  });
});
