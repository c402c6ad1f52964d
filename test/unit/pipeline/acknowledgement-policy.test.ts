import { describe, expect, it } from 'vitest';
import { REQUEST_KINDS } from '../../../src/domain/request-analysis.js';
import { shouldAcknowledge, type AcknowledgementFacts } from '../../../src/pipeline/analyse/acknowledgement-policy.js';

const request: AcknowledgementFacts = { kind: 'foi', automated: false, spoofSuspected: false, duplicateOf: null, sentToAddressToday: 0 };

describe('shouldAcknowledge', () => {
  it('acknowledges requests only: FOI, EIR, SAR and internal reviews', () => {
    const sent = REQUEST_KINDS.filter((kind) => shouldAcknowledge({ ...request, kind }).send);
    expect(sent).toEqual(['foi', 'eir', 'sar', 'internal_review']);
    for (const kind of ['clarification', 'complaint', 'other'] as const) {
      expect(shouldAcknowledge({ ...request, kind })).toEqual({ send: false, reason: 'not_a_request' });
    }
  });

  it('never answers automated mail, a suspected spoof or a duplicate', () => {
    expect(shouldAcknowledge({ ...request, automated: true })).toEqual({ send: false, reason: 'automated' });
    expect(shouldAcknowledge({ ...request, spoofSuspected: true })).toEqual({ send: false, reason: 'spoof_suspected' });
    expect(shouldAcknowledge({ ...request, duplicateOf: 'FOI-2026-00012' })).toEqual({ send: false, reason: 'duplicate' });
    expect(shouldAcknowledge({ ...request, duplicateOf: 0 })).toEqual({ send: false, reason: 'duplicate' });
    expect(shouldAcknowledge({ ...request, duplicateOf: undefined })).toEqual({ send: true });
  });

  it('gives the first reason in a fixed order: automated, spoof, duplicate, kind, rate', () => {
    const everything = { kind: 'other', automated: true, spoofSuspected: true, duplicateOf: 'FOI-2026-00001', sentToAddressToday: 99 } as const;
    expect(shouldAcknowledge(everything)).toMatchObject({ reason: 'automated' });
    expect(shouldAcknowledge({ ...everything, automated: false })).toMatchObject({ reason: 'spoof_suspected' });
    expect(shouldAcknowledge({ ...everything, automated: false, spoofSuspected: false })).toMatchObject({ reason: 'duplicate' });
    expect(shouldAcknowledge({ ...everything, automated: false, spoofSuspected: false, duplicateOf: null })).toMatchObject({ reason: 'not_a_request' });
  });

  it('sends at most 3 a day to one address by default, or the configured number', () => {
    expect([0, 1, 2, 3, 4].map((n) => shouldAcknowledge({ ...request, sentToAddressToday: n }).send)).toEqual([true, true, true, false, false]);
    expect(shouldAcknowledge({ ...request, sentToAddressToday: 3 })).toEqual({ send: false, reason: 'rate_limited' });
    expect(shouldAcknowledge({ ...request, sentToAddressToday: 4, maxPerAddressPerDay: 5 }).send).toBe(true);
    expect(shouldAcknowledge({ ...request, sentToAddressToday: 5, maxPerAddressPerDay: 5 }).send).toBe(false);
    expect(shouldAcknowledge({ ...request, maxPerAddressPerDay: 0 })).toEqual({ send: false, reason: 'rate_limited' });
  });

  it('holds the acknowledgement when the count is not a number (fails closed)', () => {
    expect(shouldAcknowledge({ ...request, sentToAddressToday: Number.NaN })).toEqual({ send: false, reason: 'rate_limited' });
  });
});
