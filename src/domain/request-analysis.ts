// What the analysis stage concludes about one request: the contract fields of DESIGN.md
// (`foi-intake analyse --json`) plus the evidence behind each call.

export const REQUEST_KINDS = ['foi', 'eir', 'sar', 'internal_review', 'clarification', 'complaint', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const DEFAULT_TOPICS = [
  'it_security', 'finance', 'contracts', 'staffing', 'health', 'policing', 'planning_environment',
  'education', 'transport', 'housing', 'personal_data', 'other',
] as const;
export type Topic = string;

export type ValidityGap = 'name' | 'address' | 'description';

/** The exact text that triggered a detector, with its offsets in the analysed text. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

/** A period as calendar dates, both inclusive (`YYYY-MM-DD`). */
export interface TimeSpanRange {
  from: string;
  to: string;
}

/** Why the information reads as environmental (EIR/EISR reg 2(1)), for officers: the concept and its limb. */
export interface EnvironmentalEvidence extends Evidence {
  /** E.g. "environmental: clean-air zone (measure, EIR/EISR reg 2(1)(c))". */
  reading: string;
  /** Offsets are in the subject line or in the body. */
  field: 'subject' | 'body';
}

/** The decisions an officer should check because the analysis was not confident of them. */
export type CheckedDecision = 'kind' | 'section16' | 'publicInterest' | 'topic';

/** A section or regulation cited (`s16`, `reg12`) and the words that cite it. */
export interface SectionEvidence extends Evidence {
  section: string;
}

export interface AnalysedQuestion {
  /** The number or letter as written by the requester (`1`, `a`, `2.1`, `Q3`), or null. */
  number: string | null;
  text: string;
  topics: Topic[];
  /** For a lead-in governing a list ("for each of the following:"), the categories it governs. */
  items?: string[];
  /** Offsets of the question in `AnalysisInput.text`, when known. */
  start?: number;
  end?: number;
  /** The blended classifier score of the first topic, 0–1. */
  topicConfidence?: number;
  /** True when no topic reached the admins' threshold: the topic is `other` and an officer should look. */
  lowConfidence?: boolean;
  /** The regime this question falls under when a request mixes them: `eir` (environmental), `sar` (own data) or `foi`. */
  kind?: RequestKind;
}

export interface RequestAnalysis {
  kind: RequestKind;
  /** How sure the analysis is of `kind`, 0–1: rules and the trained kind model combined. */
  kindConfidence?: number;
  /** How sure it is of `citesSection16` and `publicInterestArgument`, 0–1. */
  section16Confidence?: number;
  publicInterestConfidence?: number;
  /** Decisions below the admins' confidence threshold: the officer summary asks for them to be checked. */
  lowConfidence?: CheckedDecision[];
  questions: AnalysedQuestion[];
  topics: Topic[];
  topicConfidence?: number;
  citesSection16: boolean;
  publicInterestArgument: boolean;
  sectionsCited: string[];
  timeSpan: string | null;
  /** The time span as dates; relative periods are resolved against `AnalysisInput.receivedAt`. */
  timeSpanRange?: TimeSpanRange | null;
  /** The format asked for (FOIA s.11): `CSV`, `Excel`, `spreadsheet`, `PDF`, `electronic`, … */
  formatRequested?: string | null;
  /** For a request forwarded by another inbox, the original requester found inside the forward. */
  forwardedFrom?: { name: string; address: string } | null;
  /** A mixed request: which questions ask for the requester's own data (SAR) and which for general information. */
  mixed?: { ownData: string[]; general: string[] } | null;
  ambiguousTerms: string[];
  validity: { valid: boolean; missing: ValidityGap[] };
  /** Set when the body was too long to read whole: only its first `analysedChars` characters were analysed. */
  truncated?: { analysedChars: number; totalChars: number } | null;
  evidence: {
    section16: Evidence | null;
    publicInterest: Evidence | null;
    timeSpan: Evidence | null;
    kind: Evidence | null;
    /** What makes the information environmental, when it does (whatever the kind decided). */
    environmental?: EnvironmentalEvidence | null;
    sections?: SectionEvidence[];
    ambiguousTerms?: Evidence[];
    format?: Evidence | null;
  };
}

/** The input to analysis: text in, analysis out, no I/O. */
export interface AnalysisInput {
  subject: string;
  text: string;
  from: { name: string; address: string } | null;
  /** When the authority received the message; used to normalise relative time spans. */
  receivedAt?: Date;
}
