// deadline-input.ts: turns what a caller passes (strings, Dates, possibly from a CLI or JSON line) into
// checked London dates, refusing inputs the statutes give no answer for rather than guessing.
import {
  EXTENSIONS, JURISDICTIONS, REGIMES, isExtension, isJurisdiction, isRegime,
  type ExtraHoliday, type Extension, type Jurisdiction, type Regime,
} from './clock-types.js';
import { ClockError } from './clock-error.js';
import { toLondonDay, type LondonDay } from './london-date.js';
import { formatShortDay, type IsoDate } from './calendar-date.js';
import { REGIME_RULES } from './regimes.js';

export interface DeadlineInput {
  regime: Regime;
  /** 'YYYY-MM-DD', an ISO date-time (converted to Europe/London), or a Date. */
  received: string | Date;
  /** Whose public holidays end a SAR's month; ignored by the working-day regimes. Default england-and-wales. */
  jurisdiction?: Jurisdiction;
  clarificationSought?: string | Date;
  clarificationReceived?: string | Date;
  feeNoticeGiven?: string | Date;
  feeReceived?: string | Date;
  extension?: Extension;
  extraHolidays?: readonly ExtraHoliday[];
}

export interface CheckedDeadlineInput {
  regime: Regime;
  received: LondonDay;
  jurisdiction: Jurisdiction;
  clarificationSought?: LondonDay;
  clarificationReceived?: LondonDay;
  feeNoticeGiven?: LondonDay;
  feeReceived?: LondonDay;
  extension?: Extension;
  extraHolidays: readonly ExtraHoliday[];
}

// FOIA, FOISA and the EIR/EISR rights of access came into force on 1 January 2005; UK GDPR on 25 May 2018.
const FIRST_DATE = '2005-01-01';
const FIRST_SAR_DATE = '2018-05-25';
const LAST_DATE = '2099-12-31';

type DateField = 'received' | 'clarificationSought' | 'clarificationReceived' | 'feeNoticeGiven' | 'feeReceived';

function checkedDay(value: string | Date | undefined | null, field: DateField, first: IsoDate): LondonDay | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && !(value instanceof Date)) {
    throw new ClockError('clock.invalid_date', `${field}: expected a date string, got ${typeof value}`);
  }
  const day = toLondonDay(value, field);
  if (day.date < first || day.date > LAST_DATE) {
    throw new ClockError('clock.date_out_of_range', `${field}: ${day.date} is outside the supported range ${first} to ${LAST_DATE}`);
  }
  return day;
}

function checkEnums(input: DeadlineInput): void {
  if (!isRegime(input.regime)) {
    throw new ClockError('clock.invalid_regime', `regime: '${String(input.regime)}' is not one of ${REGIMES.join(', ')}`);
  }
  if (input.jurisdiction != null && !isJurisdiction(input.jurisdiction)) {
    throw new ClockError('clock.invalid_jurisdiction',
      `jurisdiction: '${String(input.jurisdiction)}' is not one of ${JURISDICTIONS.join(', ')}`);
  }
  if (input.extension != null && !isExtension(input.extension)) {
    throw new ClockError('clock.invalid_extension', `extension: '${String(input.extension)}' is not one of ${EXTENSIONS.join(', ')}`);
  }
  if (input.received == null) throw new ClockError('clock.missing_field', 'received: the date of receipt is required');
}

function notBefore(later: LondonDay | undefined, laterField: string, earlier: LondonDay | undefined, earlierField: string): void {
  if (later && earlier && later.date < earlier.date) {
    throw new ClockError('clock.dates_out_of_order',
      `${laterField} (${formatShortDay(later.date)}) is before ${earlierField} (${formatShortDay(earlier.date)})`);
  }
}

function checkOrder(c: CheckedDeadlineInput): void {
  notBefore(c.clarificationSought, 'clarificationSought', c.received, 'received');
  notBefore(c.clarificationReceived, 'clarificationReceived', c.received, 'received');
  notBefore(c.clarificationReceived, 'clarificationReceived', c.clarificationSought, 'clarificationSought');
  notBefore(c.feeNoticeGiven, 'feeNoticeGiven', c.received, 'received');
  notBefore(c.feeReceived, 'feeReceived', c.feeNoticeGiven, 'feeNoticeGiven');
}

function checkClarification(c: CheckedDeadlineInput): void {
  const rule = REGIME_RULES[c.regime];
  const given = c.clarificationSought || c.clarificationReceived;
  if (given && !rule.clarificationLaw) {
    throw new ClockError('clock.not_applicable', `${rule.title}: a clarification does not change this deadline`);
  }
  if (c.clarificationSought && !c.clarificationReceived) {
    throw new ClockError('clock.awaiting_clarification',
      `clarification sought ${formatShortDay(c.clarificationSought.date)} but not yet received: no deadline runs until it arrives (${rule.clarificationLaw})`);
  }
  if (rule.kind === 'calendar_month' && c.clarificationReceived && !c.clarificationSought) {
    throw new ClockError('clock.missing_field',
      'clarificationSought: a SAR clarification pauses the month, so the date it was sought is needed too');
  }
}

function checkFeeAndExtension(c: CheckedDeadlineInput): void {
  const rule = REGIME_RULES[c.regime];
  const feeLaw = rule.kind === 'working_days' ? rule.feeLaw : undefined;
  if ((c.feeNoticeGiven || c.feeReceived) && !feeLaw) {
    throw new ClockError('clock.not_applicable', `${rule.title}: a fees notice does not pause this deadline here`);
  }
  if (c.feeNoticeGiven && !c.feeReceived) {
    throw new ClockError('clock.awaiting_fee',
      `fees notice given ${formatShortDay(c.feeNoticeGiven.date)} but fee not yet received: the clock is paused (${feeLaw})`);
  }
  if (c.feeReceived && !c.feeNoticeGiven) {
    throw new ClockError('clock.missing_field', 'feeNoticeGiven: the date the fees notice was given is needed with feeReceived');
  }
  if (c.extension && !rule.extensions[c.extension]) {
    const available = Object.keys(rule.extensions).join(', ') || 'none';
    throw new ClockError('clock.extension_not_available',
      `${rule.title}: no '${c.extension}' extension (available: ${available})`);
  }
}

/** Validates and converts a caller's input; throws ClockError naming the field at fault. */
export function checkDeadlineInput(input: DeadlineInput): CheckedDeadlineInput {
  checkEnums(input);
  const first = input.regime === 'sar' ? FIRST_SAR_DATE : FIRST_DATE;
  const checked: CheckedDeadlineInput = {
    regime: input.regime,
    received: checkedDay(input.received, 'received', first)!,
    jurisdiction: input.jurisdiction ?? 'england-and-wales',
    clarificationSought: checkedDay(input.clarificationSought, 'clarificationSought', first),
    clarificationReceived: checkedDay(input.clarificationReceived, 'clarificationReceived', first),
    feeNoticeGiven: checkedDay(input.feeNoticeGiven, 'feeNoticeGiven', first),
    feeReceived: checkedDay(input.feeReceived, 'feeReceived', first),
    extension: input.extension ?? undefined,
    extraHolidays: input.extraHolidays ?? [],
  };
  checkOrder(checked);
  checkClarification(checked);
  checkFeeAndExtension(checked);
  return checked;
}
