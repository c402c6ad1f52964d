// compliance-tables.ts: the s.45 Code's categories (paras 8.5-8.6), the Cabinet Office's quarterly tables
// (timeliness, initial outcomes, exemptions, s.21, internal reviews, ICO appeals, PIT extensions) and a
// Scottish Information Commissioner-style return, all from the same classified requests.
import { findProvision, provisionRegimeOf } from '../pipeline/case/outcome/provisions.js';
import type { Provision } from '../pipeline/case/outcome/provision-types.js';
import type { OutcomeCase } from '../pipeline/case/outcome/outcome-types.js';
import { percent, type ClassifiedCase } from './classify-case.js';
import type { CabinetOfficeTables, Code45Figures, ProvisionUse, ReviewFigures, ScottishReturnPart } from './compliance-types.js';

const count = (list: readonly ClassifiedCase[], test: (c: ClassifiedCase) => boolean) => list.filter(test).length;
const responded = (c: ClassifiedCase) => c.foiCase.respondedOn !== null;
const withOutcome = (o: string) => (c: ClassifiedCase) => responded(c) && c.foiCase.outcome === o;
const withheld = (c: ClassifiedCase) => responded(c) && (c.foiCase.outcome === 'refused' || c.foiCase.outcome === 'part_granted');

/** The catalogue entries a case applied (codes that are no longer catalogued are skipped). */
export function provisionsOf(c: OutcomeCase): Provision[] {
  const regime = c.regime === null ? null : provisionRegimeOf(c.regime);
  if (regime === null) return [];
  return [...new Set(c.provisions)].map((code) => findProvision(regime, code)).filter((p): p is Provision => p !== undefined);
}

export function code45Figures(requests: readonly ClassifiedCase[]): Code45Figures {
  const closed = count(requests, (c) => c.standing === 'closed_without_response');
  return {
    received: requests.length,
    notYetProcessed: count(requests, (c) => c.standing === 'open_in_time' || c.standing === 'open_overdue'),
    suspended: count(requests, (c) => c.standing === 'awaiting_clarification'),
    processed: count(requests, responded) + closed,
    withdrawn: count(requests, (c) => c.standing === 'withdrawn'),
    grantedInFull: count(requests, withOutcome('granted')),
    partGrantedPartRefused: count(requests, withOutcome('part_granted')),
    partGrantedPartNotHeld: count(requests, withOutcome('part_not_held')),
    notHeld: count(requests, withOutcome('not_held')),
    refusedInFull: count(requests, withOutcome('refused')),
    closedWithoutResponse: closed,
    late: count(requests, (c) => c.standing === 'late'),
    overdueOpen: count(requests, (c) => c.standing === 'open_overdue'),
    extended: count(requests, (c) => c.foiCase.extension !== null),
    referredForInternalReview: count(requests, (c) => c.foiCase.review !== null),
  };
}

// Sections officers must cite by subsection have no catalogue entry of their own to take a title from.
const GROUP_TITLES: Readonly<Record<string, string>> = { s14: 'Vexatious or repeated request' };

function exemptionUse(requests: readonly ClassifiedCase[]): ProvisionUse[] {
  const uses = new Map<string, ProvisionUse>();
  for (const c of requests.filter(responded)) {
    const groups = new Map(provisionsOf(c.foiCase).map((p) => [`${p.regime}:${p.group}`, p]));
    for (const [key, p] of groups) {
      const groupTitle = GROUP_TITLES[p.group] ?? findProvision(p.regime, p.group)?.title ?? p.title;
      const use = uses.get(key) ?? { regime: p.regime, group: p.group, title: groupTitle, requests: 0 };
      use.requests++;
      uses.set(key, use);
    }
  }
  return [...uses.values()].sort((a, b) => b.requests - a.requests || a.regime.localeCompare(b.regime) || a.group.localeCompare(b.group, 'en', { numeric: true }));
}

function reviewFigures(requests: readonly ClassifiedCase[], requestedInPeriod: number): ReviewFigures {
  const reviews = requests.map((c) => c.foiCase).filter((c) => c.review !== null);
  const decided = reviews.filter((c) => c.review!.decidedOn !== null && c.review!.outcome !== null);
  const inTime = decided.filter((c) => c.review!.decidedOn! <= c.review!.dueDate).length;
  const by = (o: string) => decided.filter((c) => c.review!.outcome === o).length;
  return {
    requested: reviews.length, decided: decided.length, pending: reviews.length - decided.length,
    upheld: by('upheld'), partUpheld: by('part_upheld'), overturned: by('overturned'),
    decidedInTime: inTime,
    // The FOIA Code's ceiling (Part 5): never more than 40 working days; the EIR's reg 11(4) period is 40 itself.
    decidedWithin40: decided.filter((c) => (c.review!.workingDaysTaken ?? Infinity) <= 40 || c.review!.decidedOn! <= c.review!.dueDate).length,
    onTimePercent: percent(inTime, decided.length),
    requestedInPeriod,
  };
}

function pitDurations(requests: readonly ClassifiedCase[]): CabinetOfficeTables['pitExtensions'] {
  const pits = requests.map((c) => c.foiCase.extension).filter((e) => e !== null && e.kind === 'pit');
  const band = (lo: number, hi: number) => pits.filter((e) => e!.workingDays >= lo && e!.workingDays <= hi).length;
  return { count: pits.length, durations: { upTo20: band(0, 20), from21To40: band(21, 40), from41To60: band(41, 60), over60: band(61, Infinity) } };
}

const isCost = (p: Provision) => p.group === 's12';
const isVexatious = (p: Provision) => p.group === 's14';

export function cabinetOfficeTables(requests: readonly ClassifiedCase[], reviewsRequestedInPeriod: number): CabinetOfficeTables {
  const notHeld = count(requests, withOutcome('not_held'));
  const lapsed = count(requests, (c) => c.standing === 'withdrawn' || c.standing === 'closed_without_response');
  const clarification = count(requests, (c) => c.standing === 'awaiting_clarification');
  const resolvable = requests.length - notHeld - lapsed - clarification;
  const granted = count(requests, withOutcome('granted'));
  const withheldCases = requests.filter(withheld).map((c) => provisionsOf(c.foiCase));
  const late = requests.filter((c) => c.standing === 'late');
  const appeals = requests.map((c) => c.foiCase.appeal).filter((a) => a !== null);
  return {
    timeliness: {
      metDeadline: count(requests, (c) => c.standing === 'in_time' && c.metStatutory),
      withinPermittedExtension: count(requests, (c) => c.standing === 'in_time' && c.withinExtension),
      late: late.length,
      pendingInTime: count(requests, (c) => c.standing === 'open_in_time'),
      pendingOverdue: count(requests, (c) => c.standing === 'open_overdue'),
      inTimePercent: percent(count(requests, (c) => c.standing === 'in_time'), count(requests, (c) => c.standing === 'in_time') + late.length),
      workingDaysLateTotal: late.reduce((sum, c) => sum + c.workingDaysLate, 0),
      workingDaysLateMax: late.reduce((max, c) => Math.max(max, c.workingDaysLate), 0),
    },
    initialOutcomes: {
      grantedInFull: granted, withheldInFull: count(requests, withOutcome('refused')), partiallyWithheld: count(requests, withOutcome('part_granted')),
      partlyNotHeld: count(requests, withOutcome('part_not_held')), notHeld,
      notYetProcessed: count(requests, (c) => c.standing === 'open_in_time' || c.standing === 'open_overdue'),
      clarificationRequired: clarification, lapsed, resolvable, grantedInFullPercentOfResolvable: percent(granted, resolvable),
    },
    withheldReasons: {
      cost: withheldCases.filter((ps) => ps.some(isCost)).length,
      vexatiousOrRepeated: withheldCases.filter((ps) => !ps.some(isCost) && ps.some(isVexatious)).length,
      other: withheldCases.filter((ps) => !ps.some(isCost) && !ps.some(isVexatious)).length,
    },
    exemptions: exemptionUse(requests),
    section21Alone: requests.filter(withheld).filter((c) => {
      const groups = new Set(provisionsOf(c.foiCase).map((p) => `${p.regime}:${p.group}`));
      return groups.size === 1 && (groups.has('foi:s21') || groups.has('foisa:s25'));
    }).length,
    internalReviews: reviewFigures(requests, reviewsRequestedInPeriod),
    appeals: {
      decided: appeals.length, upheld: appeals.filter((a) => a!.outcome === 'upheld').length,
      partUpheld: appeals.filter((a) => a!.outcome === 'part_upheld').length, overturned: appeals.filter((a) => a!.outcome === 'overturned').length,
      ico: appeals.filter((a) => a!.commissioner === 'ico').length, sic: appeals.filter((a) => a!.commissioner === 'sic').length,
    },
    pitExtensions: pitDurations(requests),
  };
}

function scottishPart(requests: readonly ClassifiedCase[]): ScottishReturnPart {
  const exemptions: Record<string, number> = {};
  for (const c of requests.filter(responded)) {
    for (const group of new Set(provisionsOf(c.foiCase).map((p) => p.group))) exemptions[group] = (exemptions[group] ?? 0) + 1;
  }
  const reviews = requests.map((c) => c.foiCase.review).filter((r) => r !== null);
  return {
    received: requests.length,
    responded: count(requests, responded),
    respondedInTime: count(requests, (c) => c.standing === 'in_time'),
    respondedLate: count(requests, (c) => c.standing === 'late'),
    outcomes: {
      fullRelease: count(requests, withOutcome('granted')),
      partialRelease: count(requests, (c) => withOutcome('part_granted')(c) || withOutcome('part_not_held')(c)),
      notHeld: count(requests, withOutcome('not_held')),
      withheldInFull: count(requests, withOutcome('refused')),
    },
    exemptions: Object.fromEntries(Object.entries(exemptions).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))),
    feesCharged: requests.filter((c) => c.foiCase.feeCharged === true).length,
    reviewsRequested: reviews.length,
    reviewOutcomes: {
      upheld: reviews.filter((r) => r!.outcome === 'upheld').length,
      upheldWithModifications: reviews.filter((r) => r!.outcome === 'part_upheld').length,
      overturned: reviews.filter((r) => r!.outcome === 'overturned').length,
    },
    appealsDecided: requests.filter((c) => c.foiCase.appeal !== null).length,
  };
}

export function scottishReturn(requests: readonly ClassifiedCase[]): { foisa: ScottishReturnPart; eisr: ScottishReturnPart } | null {
  const foisa = requests.filter((c) => c.foiCase.regime === 'foisa');
  const eisr = requests.filter((c) => c.foiCase.regime === 'eisr');
  if (foisa.length === 0 && eisr.length === 0) return null;
  return { foisa: scottishPart(foisa), eisr: scottishPart(eisr) };
}
