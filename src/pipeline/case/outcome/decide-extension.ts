// decide-extension.ts: `case extend REF --pit [--until DATE]`. FOIA s.10(3) lets an authority weighing
// the public interest for a qualified exemption take "such time as is reasonable in the circumstances", but
// the s.17(1)-(2) notice naming the exemption and estimating the date is still due by the 20th working day.
// The EIR (reg 7) and EISR (reg 7) allow 40 working days for complex and voluminous requests; FOISA has
// no extension at all (s.10 sets 20 working days and the public interest is weighed within them).
import { computeDeadline, isIsoDate, workingDaysBetween, type ExtraHoliday, type IsoDate } from '../../../clock/index.js';
import { officerDate } from './outcome-dates.js';
import { resolveProvisions } from './provisions.js';
import { reject, type ExtensionRecord, type OutcomeCase, type OutcomeRejection } from './outcome-types.js';

export interface ExtendInput {
  kind: 'pit' | 'complex';
  /** FOIA only: the new due date; default the 40th working day, the ICO's norm (20 further working days). */
  until?: string;
  /** The day the requester was told (default today); it must be by the statutory due date. */
  noticeGivenOn?: string | Date;
  /** The qualified exemptions being weighed, which the notice must name (FOIA s.17(2)). Optional. */
  exemptions?: readonly string[];
}

const ICO_NORM_DAYS = 20;

function notAvailable(foiCase: OutcomeCase, kind: 'pit' | 'complex'): OutcomeRejection | null {
  const regime = foiCase.regime;
  if (kind === 'pit' && regime !== 'foi') {
    const why = regime === 'foisa' ? 'FOISA has no public interest extension: the public interest is weighed within the 20 working days (s.10(1))'
      : regime === 'eir' || regime === 'eisr' ? 'the EIR/EISR have no public interest extension; for a complex and voluminous request use the reg 7 extension (complex)'
      : `a ${regime ?? foiCase.kind} case has no public interest extension`;
    return reject('outcome.extension_not_available', why);
  }
  if (kind === 'complex' && regime !== 'eir' && regime !== 'eisr') {
    return reject('outcome.extension_not_available', regime === 'foi' ? 'under the FOIA the only extension is for the public interest test (pit, s.10(3))'
      : `a ${regime ?? foiCase.kind} case has no complexity extension here`);
  }
  return null;
}

function defaultUntil(foiCase: OutcomeCase, extraHolidays: readonly ExtraHoliday[] | undefined): IsoDate {
  const kind = foiCase.regime === 'foi' ? 'pit' : 'complex';
  return computeDeadline({
    regime: foiCase.regime!, received: foiCase.clarificationReceived ?? foiCase.receivedDate, jurisdiction: foiCase.jurisdiction,
    extension: kind, extraHolidays,
  }).dueDate;
}

/** The extension to record (with warnings), or why it is refused. */
export function decideExtension(
  foiCase: OutcomeCase, input: ExtendInput, now: Date, context: { extraHolidays?: readonly ExtraHoliday[] } = {},
): { ok: true; extension: ExtensionRecord; warnings: string[] } | OutcomeRejection {
  const unavailable = notAvailable(foiCase, input.kind);
  if (unavailable) return unavailable;
  if (foiCase.extension) return reject('outcome.already_extended', `${foiCase.reference} is already extended to ${foiCase.extension.until}: the ICO expects a single extension`);
  const statutory = foiCase.statutoryDueDate;
  if (statutory === null) return reject('outcome.extension_not_available', 'no deadline runs while a clarification is awaited');
  if (input.kind === 'complex' && input.until) return reject('outcome.extension_not_available', 'the reg 7 extension is fixed at the 40th working day: --until is for FOIA public interest extensions');
  const noticeGivenOn = officerDate(input.noticeGivenOn, now, 'extension notice date', foiCase.receivedDate, 'the date of receipt');
  if (typeof noticeGivenOn !== 'string') return noticeGivenOn;
  if (noticeGivenOn > statutory) {
    return reject('outcome.extension_notice_late', `the requester must be told of an extension by the statutory due date (${statutory}; ` +
      `${input.kind === 'pit' ? 'FOIA s.10(3) and s.17(1)-(2)' : 'reg 7(3)'}); told on ${noticeGivenOn}, the deadline stands and the response is late after it`);
  }
  const warnings: string[] = [];
  if (input.exemptions && input.exemptions.length > 0) {
    const resolved = resolveProvisions(input.exemptions, foiCase.regime!);
    if (!resolved.ok) return reject(resolved.code, resolved.reason);
    if (!resolved.provisions.some((p) => p.test === 'qualified')) {
      return reject('outcome.no_qualified_exemption', `${resolved.provisions.map((p) => p.code).join(', ')} ${resolved.provisions.length === 1 ? 'is' : 'are'} not qualified: only a public interest test can extend the time (FOIA s.10(3))`);
    }
  }
  const until = input.until ?? defaultUntil(foiCase, context.extraHolidays);
  const checkedUntil = officerDateAfter(until, statutory);
  if (typeof checkedUntil !== 'string') return checkedUntil;
  const workingDays = workingDaysBetween(statutory, checkedUntil, foiCase.regime!, context.extraHolidays);
  if (workingDays > ICO_NORM_DAYS) {
    warnings.push(`${workingDays} further working days: the ICO expects no more than ${ICO_NORM_DAYS} beyond the statutory date save in exceptional cases (s.45 Code paras 4.5-4.7)`);
  }
  return { ok: true, extension: { kind: input.kind, until: checkedUntil, workingDays, noticeGivenOn }, warnings };
}

// `--until` is a future date, so it is checked only for form and for lying after the statutory due date.
function officerDateAfter(until: string, statutory: IsoDate): IsoDate | OutcomeRejection {
  if (!isIsoDate(until)) return reject('outcome.invalid_date', `--until '${until}' is not a date (YYYY-MM-DD)`);
  if (until <= statutory) return reject('outcome.invalid_date', `--until ${until} is not after the statutory due date ${statutory}`);
  return until;
}
