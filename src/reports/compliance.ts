// compliance.ts: `report compliance --from --to [--mailbox]`: the figures an FOI team must publish, from
// its cases, by the counting rules of DESIGN.md "Compliance counting" (sources in docs/compliance-statistics.md).
// Pure: the cases and `now` come in, the report goes out.
import { londonDateOf, type ExtraHoliday, type IsoDate } from '../clock/index.js';
import type { OutcomeCase } from '../pipeline/case/outcome/outcome-types.js';
import { classifyCase, isRequest, percent, type ClassifiedCase } from './classify-case.js';
import type { ComplianceReport, IcoBand, MonthFigures } from './compliance-types.js';
import { cabinetOfficeTables, code45Figures, scottishReturn } from './compliance-tables.js';

export interface ComplianceOptions {
  from: IsoDate;
  to: IsoDate;
  mailbox?: string | null;
  now: Date;
  extraHolidays?: readonly ExtraHoliday[];
}

/** The ICO's bands, read on the published figure (one decimal) so the band always matches the number shown. */
export function icoBand(onTimePercent: number | null): IcoBand | null {
  if (onTimePercent === null) return null;
  return onTimePercent >= 95 ? 'good' : onTimePercent >= 90 ? 'adequate' : 'unsatisfactory';
}

function tally(keys: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a, na], [b, nb]) => nb - na || a.localeCompare(b)));
}

function byMonth(classified: readonly ClassifiedCase[]): MonthFigures[] {
  const months = [...new Set(classified.map((c) => c.foiCase.receivedDate.slice(0, 7)))].sort();
  return months.map((month) => {
    const inMonth = classified.filter((c) => c.foiCase.receivedDate.startsWith(month));
    const inTime = inMonth.filter((c) => c.standing === 'in_time').length;
    const late = inMonth.filter((c) => c.standing === 'late').length;
    return { month, received: inMonth.length, respondedInTime: inTime, respondedLate: late, onTimePercent: percent(inTime, inTime + late) };
  });
}

const count = (list: readonly ClassifiedCase[], test: (c: ClassifiedCase) => boolean) => list.filter(test).length;

export function computeComplianceReport(cases: readonly OutcomeCase[], options: ComplianceOptions): ComplianceReport {
  const today = londonDateOf(options.now);
  const mailbox = options.mailbox ?? null;
  const inScope = cases.filter((c) => c.receivedDate >= options.from && c.receivedDate <= options.to && (mailbox === null || c.mailbox === mailbox));
  const requests = inScope.filter(isRequest).map((c) => classifyCase(c, today, options.extraHolidays));
  const outcome = (o: string) => count(requests, (c) => c.foiCase.respondedOn !== null && c.foiCase.outcome === o);
  const inTime = count(requests, (c) => c.standing === 'in_time');
  const late = count(requests, (c) => c.standing === 'late');
  const onTimePercent = percent(inTime, inTime + late);
  const reviewsInPeriod = cases.filter((c) => c.review !== null && c.review.requestedOn >= options.from && c.review.requestedOn <= options.to
    && (mailbox === null || c.mailbox === mailbox) && isRequest(c)).length;
  return {
    period: { from: options.from, to: options.to, mailbox },
    generatedOn: today,
    received: requests.length,
    open: count(requests, (c) => c.standing === 'open_in_time' || c.standing === 'open_overdue' || c.standing === 'awaiting_clarification'),
    respondedInTime: inTime,
    respondedLate: late,
    extended: count(requests, (c) => c.foiCase.extension !== null),
    grantedInFull: outcome('granted'),
    partGranted: outcome('part_granted'),
    refusedInFull: outcome('refused'),
    notHeld: outcome('not_held'),
    withdrawn: count(requests, (c) => c.standing === 'withdrawn'),
    internalReviews: count(requests, (c) => c.foiCase.review !== null),
    onTimePercent,
    exemptions: tally(requests.filter((c) => c.foiCase.respondedOn !== null).flatMap((c) => [...new Set(c.foiCase.provisions)])),
    byKind: tally(inScope.map((c) => c.kind)),
    partNotHeld: outcome('part_not_held'),
    closedWithoutResponse: count(requests, (c) => c.standing === 'closed_without_response'),
    awaitingClarification: count(requests, (c) => c.standing === 'awaiting_clarification'),
    icoBand: icoBand(onTimePercent),
    byTopic: tally(requests.map((c) => c.foiCase.topics[0] ?? 'other')),
    byMonth: byMonth(requests),
    code45: code45Figures(requests),
    cabinetOffice: cabinetOfficeTables(requests, reviewsInPeriod),
    scottish: scottishReturn(requests),
  };
}
