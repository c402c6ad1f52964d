// A message the SMTP client refuses to send (no usable recipient) is a permanent failure: retried,
// it would fail for ever, and read as an unreachable server it held back every message queued after it.
import { describe, expect, it } from 'vitest';
import { isPermanentSmtpFailure } from '../../../src/pipeline/notify/smtp-failure.js';

describe('isPermanentSmtpFailure', () => {
  it('treats an envelope with no usable recipient as permanent, a lost connection as transient', () => {
    expect(isPermanentSmtpFailure(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' }))).toBe(true);
    expect(isPermanentSmtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }))).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 452 })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 550 })).toBe(true);
  });
});
