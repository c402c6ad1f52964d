// Finds the format the requester asks to receive the information in (FOIA s.11: a stated preference
// must be met so far as reasonably practicable), as a short label with the exact words as evidence.
import type { Evidence } from '../../domain/request-analysis.js';

/** Format words and the label each is reported as. Regex sources, case-insensitive; first match wins. */
export const FORMAT_LABELS: readonly { pattern: string; label: string }[] = [
  { pattern: String.raw`CSV|comma[- ]separated`, label: 'CSV' },
  { pattern: String.raw`Excel|xlsx|xls`, label: 'Excel' },
  { pattern: String.raw`spreadsheets?|ODS|open document spreadsheet`, label: 'spreadsheet' },
  { pattern: String.raw`PDFs?`, label: 'PDF' },
  { pattern: String.raw`machine[- ]readable|JSON|open data`, label: 'machine-readable' },
  { pattern: String.raw`Word (document|format|file)|docx`, label: 'Word' },
  { pattern: String.raw`electronic (format|form|copy|copies|file|files)|electronically|digital (format|form|copy|copies)|by e-?mail|via e-?mail|soft cop(y|ies)`, label: 'electronic' },
  { pattern: String.raw`paper (copy|copies|form|format)|hard cop(y|ies)|by post`, label: 'paper' },
];

const FORMAT_WORD = FORMAT_LABELS.map((f) => f.pattern).join('|');

/** Ways of stating a preference for how to receive the information. Regex sources, case-insensitive. */
export const FORMAT_REQUEST_PATTERNS = [
  String.raw`\b(in|as|into|using) (an? )?(${FORMAT_WORD})\b( (format|form|file|files|document|documents|copy|copies|workbook|spreadsheet))?`,
  String.raw`\b(${FORMAT_WORD}) (format|form|file|copy|copies)\b`,
  String.raw`\b(format|form)\s*(:|-|of|such as|like)\s*(an? )?(${FORMAT_WORD})\b`,
  String.raw`\b(send|provide|supply|receive|have|email|e-mail|deliver)\b[^.?!\n]{0,40}\b(electronically|by e-?mail|via e-?mail)\b`,
] as const;

const REQUESTS = FORMAT_REQUEST_PATTERNS.map((s) => new RegExp(s, 'i'));
const LABELS = FORMAT_LABELS.map((f) => ({ regex: new RegExp(String.raw`\b(${f.pattern})\b`, 'i'), label: f.label }));
/** "held in an Excel spreadsheet" says where records are kept, not how they should be sent. */
const STORAGE_BEFORE = /\b(held|stored|kept|recorded|maintained|saved|logged|published|available)\s+(\w+\s+)?$/i;

export interface FormatRequested {
  format: string;
  evidence: Evidence;
}

export function detectFormat(text: string): FormatRequested | null {
  let best: FormatRequested | null = null;
  for (const pattern of REQUESTS) {
    const m = pattern.exec(text);
    if (!m || (best && m.index >= best.evidence.start)) continue;
    if (STORAGE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const label = LABELS.find((l) => l.regex.test(m[0]))?.label;
    if (label) best = { format: label, evidence: { text: m[0], start: m.index, end: m.index + m[0].length } };
  }
  return best;
}
