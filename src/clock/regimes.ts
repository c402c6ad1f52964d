// regimes.ts: each information-rights regime's period, calendar and options in one table, so the statute
// behind every number is visible in one place and a new regime is a new row, not new code.
import type { Extension, Regime } from './clock-types.js';

export interface ExtensionRule {
  days: number;
  law: string;
  /** What must still happen by the original deadline. */
  notice: string;
}

export interface WorkingDayRegime {
  kind: 'working_days';
  title: string;
  days: number;
  /** The provision that sets the period, e.g. 'FOIA s.10(1)'. */
  periodLaw: string;
  /** Whose bank holidays stop the clock: any part of the UK (FOIA s.10(6)) or Scotland only (FOISA s.73). */
  calendar: 'uk' | 'scotland';
  calendarLaw: string;
  /** When set, a clarification starts the count again from the day it is received. */
  clarificationLaw?: string;
  /** When set, working days from the fees notice to the fee, both included, are disregarded. */
  feeLaw?: string;
  extensions: Partial<Record<Extension, ExtensionRule>>;
}

export interface CalendarMonthRegime {
  kind: 'calendar_month';
  title: string;
  periodLaw: string;
  clarificationLaw: string;
  extensions: Partial<Record<Extension, { months: number; law: string }>>;
}

const FOIA_DAYS = 'FOIA s.10(6)';
const FOISA_DAYS = 'FOISA s.73';

export const REGIME_RULES: Readonly<Record<Regime, WorkingDayRegime | CalendarMonthRegime>> = {
  foi: {
    kind: 'working_days', title: 'FOIA request', days: 20, periodLaw: 'FOIA s.10(1)', calendar: 'uk',
    calendarLaw: FOIA_DAYS, clarificationLaw: 'FOIA s.1(3) and s.10(6)(b)', feeLaw: 'FOIA s.10(2)',
    extensions: { pit: { days: 40, law: 'FOIA s.10(3); the ICO expects no more than 20 further working days',
      notice: 'the refusal notice citing the exemption, with an estimate of the decision date, is still due by the 20th working day (FOIA s.10(3), s.17(1)-(2))' } },
  },
  eir: {
    kind: 'working_days', title: 'EIR request', days: 20, periodLaw: 'EIR reg 5(2)', calendar: 'uk',
    calendarLaw: `${FOIA_DAYS}, applied by EIR reg 2(1)`, clarificationLaw: 'EIR reg 9(4)',
    extensions: { complex: { days: 40, law: 'EIR reg 7(1): complex and voluminous',
      notice: 'the requester must be told of the extension by the 20th working day (EIR reg 7(3))' } },
  },
  foisa: {
    kind: 'working_days', title: 'FOISA request', days: 20, periodLaw: 'FOISA s.10(1)', calendar: 'scotland',
    calendarLaw: FOISA_DAYS, clarificationLaw: 'FOISA s.1(3) and s.10(1)(b)', feeLaw: 'FOISA s.10(2)',
    extensions: {},
  },
  eisr: {
    kind: 'working_days', title: 'EISR request', days: 20, periodLaw: 'EISR reg 5(2)', calendar: 'scotland',
    calendarLaw: `${FOISA_DAYS}, applied by EISR reg 2`, clarificationLaw: 'EISR reg 9',
    extensions: { complex: { days: 40, law: 'EISR reg 7(1): complex and voluminous',
      notice: 'the applicant must be told of the extension by the 20th working day (EISR reg 7)' } },
  },
  sar: {
    kind: 'calendar_month', title: 'subject access request', periodLaw: 'UK GDPR Art 12(3)',
    clarificationLaw: 'UK GDPR Art 12A, inserted by the Data (Use and Access) Act 2025',
    extensions: { complex: { months: 3, law: 'UK GDPR Art 12(3): two further months' } },
  },
  foi_review: {
    kind: 'working_days', title: 'FOIA internal review', days: 20, periodLaw: 's.45 Code of Practice (2018), Part 5',
    calendar: 'uk', calendarLaw: FOIA_DAYS,
    extensions: { complex: { days: 40, law: 's.45 Code of Practice (2018), Part 5: never more than 40 working days',
      notice: 'the Code expects the review within 20 working days in most cases' } },
  },
  eir_review: {
    kind: 'working_days', title: 'EIR reconsideration', days: 40, periodLaw: 'EIR reg 11(4)', calendar: 'uk',
    calendarLaw: `${FOIA_DAYS}, applied by EIR reg 2(1)`, extensions: {},
  },
  foisa_review: {
    kind: 'working_days', title: 'FOISA review', days: 20, periodLaw: 'FOISA s.21(1)', calendar: 'scotland',
    calendarLaw: FOISA_DAYS, extensions: {},
  },
  eisr_review: {
    kind: 'working_days', title: 'EISR review', days: 20, periodLaw: 'EISR reg 16(4)', calendar: 'scotland',
    calendarLaw: `${FOISA_DAYS}, applied by EISR reg 2`, extensions: {},
  },
};
