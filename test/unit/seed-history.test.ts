// The seeded history's building blocks: COPY's text format, a plan that is a pure function of its
// index, and texts whose fingerprints make campaigns (identical) and ordinary requests (distinct).
import { describe, expect, it } from 'vitest';
import { copyField } from '../../scripts/seed/copy-stream.js';
import { planCase, type HistoryShape } from '../../scripts/seed/history-plan.js';
import { seededText, type Template } from '../../scripts/seed/history-templates.js';
import type { RequestAnalysis } from '../../src/domain/request-analysis.js';

const shape: HistoryShape = { cases: 5000, years: 5, now: new Date('2026-12-07T00:00:00Z'), templates: 10, seed: 1 };
const template: Template = {
  subject: 'Freedom of Information request - pothole repairs',
  lines: ['Dear Council,', '', 'Under the Freedom of Information Act 2000, please provide:', '', '1. How many potholes were repaired in 2024?', '', 'Yours faithfully,', ''],
  analysis: { kind: 'foi', questions: [] } as unknown as RequestAnalysis,
};

describe('COPY text format', () => {
  it('escapes what would end a field or a row, and writes null, bytes and JSON as PostgreSQL reads them', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(Buffer.from('hi'))).toBe('\\\\x6869');
    expect(copyField({ a: 'x\ty' })).toBe('{"a":"x\\\\ty"}');
    expect(copyField(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('seeded history plan', () => {
  const plans = Array.from({ length: shape.cases }, (_, i) => planCase(i, shape));

  it('is the same for the same index, and runs forward in time over the years asked for', () => {
    expect(planCase(1234, shape)).toEqual(plans[1234]);
    const times = plans.map((p) => p.receivedAt.getTime());
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]! - 86_400_000)).toBe(true);
    expect(times[0]!).toBeLessThan(shape.now.getTime() - 4.9 * 365 * 86_400_000);
    expect(times.at(-1)!).toBeLessThan(shape.now.getTime());
  });

  it('leaves most old cases finished and none waiting for an acknowledgement', () => {
    const old = plans.filter((p) => shape.now.getTime() - p.receivedAt.getTime() > 365 * 86_400_000);
    const finished = old.filter((p) => ['closed', 'responded', 'withdrawn'].includes(p.status));
    expect(finished.length / old.length).toBeGreaterThan(0.9);
    expect(plans.some((p) => (p.status as string) === 'received')).toBe(false);
  });

  it('has prolific requesters and campaigns', () => {
    const perAddress = new Map<string, number>();
    for (const p of plans) perAddress.set(p.requester.address, (perAddress.get(p.requester.address) ?? 0) + 1);
    expect(Math.max(...perAddress.values())).toBeGreaterThan(50);
    expect(plans.filter((p) => p.campaign !== null).length).toBeGreaterThan(100);
    expect(plans.every((p) => p.rawBytes >= 2048 && p.rawBytes <= 20 * 1024)).toBe(true);
  });

  it('gives a campaign one fingerprint across its signatories and an ordinary request its own', () => {
    const campaign = plans.filter((p) => p.campaign === 3).slice(0, 2);
    const texts = campaign.map((p) => seededText(p, template));
    expect(campaign[0]!.requester.address).not.toBe(campaign[1]!.requester.address);
    expect(texts[0]!.fingerprintHash).toBe(texts[1]!.fingerprintHash);
    const ordinary = plans.filter((p) => p.campaign === null).slice(0, 2).map((p) => seededText(p, template));
    expect(ordinary[0]!.fingerprintHash).not.toBe(ordinary[1]!.fingerprintHash);
  });
});
