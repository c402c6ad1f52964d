// Recognises the number, letter or bullet that opens a list item ("1.", "(a)", "Q3", "2.1", "•"), so that
// each item keeps the label the requester gave it and sub-items can be placed under their parent.

export type MarkerKind = 'prefixed' | 'number' | 'dotted' | 'numbered_sub' | 'letter' | 'upper_letter' | 'roman' | 'bullet';

export interface ListMarker {
  kind: MarkerKind;
  /** The label as written, without brackets or full stop: `1`, `Q1`, `2.1`, `1(a)`, `a`, `iv`; null for bullets. */
  label: string | null;
  /** Which bullet character, so that `-` items and `*` items nested under them are told apart. */
  bullet: string | null;
  /** Offset within the line at which the item's own text begins (the line's end for a marker alone). */
  contentOffset: number;
  indent: number;
}

/** Characters accepted as bullets at the start of a line. */
export const BULLET_CHARACTERS = ['-', '*', '•', '–', '—', '·', '▪', '◦', '‣', '○', '●', '■', '□', '➢'] as const;

const BULLET_CLASS = BULLET_CHARACTERS.map((c) => '\\' + c).join('');
const LEADING_BULLET = new RegExp(`^([${BULLET_CLASS}])\\s+`);
/** A round or square bullet typed straight onto its text ("•Notices served…"); never a dash or a star. */
const GLUED_BULLET = /^([•▪◦‣○●■□➢])(?=[^\s•▪◦‣○●■□➢])/;
const ROMAN = /^(i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3})$/i;

interface MarkerRule {
  kind: MarkerKind;
  pattern: RegExp;
  label: (m: RegExpExecArray) => string;
}

/** `Q3` for Q/Question, otherwise the word as written: `Request 2`, `Part 1`. */
function prefixedLabel(m: RegExpExecArray): string {
  const word = m[1] ?? '';
  return /^q/i.test(word) ? `Q${m[2]}` : `${word} ${m[2]}`;
}

// Order matters: the more specific shapes are tried first.
const MARKER_RULES: MarkerRule[] = [
  { kind: 'prefixed', pattern: /^(Q|Question|Item|Request|Part)\s?(\d{1,2})\b[.):\-–]?\s*/i, label: prefixedLabel },
  // "RFI1:", "RFI2.1:" (request for information numbers used by some requesters).
  { kind: 'prefixed', pattern: /^(RFI)\s?(\d{1,2}(?:\.\d{1,2})?)[.):\-–]?\s+/i, label: (m) => `RFI${m[2]}` },
  { kind: 'numbered_sub', pattern: /^(\d{1,2})\s?\(([a-z]|[ivx]{1,4})\)[.:]?\s+/i, label: (m) => `${m[1]}(${m[2]})` },
  { kind: 'numbered_sub', pattern: /^(\d{1,2})([a-z])[.)]\s+/, label: (m) => `${m[1]}(${m[2]})` },
  { kind: 'dotted', pattern: /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\)?\s+/, label: (m) => m[1] ?? '' },
  { kind: 'number', pattern: /^\(?(\d{1,3})[.)](?!\d)\s*/, label: (m) => m[1] ?? '' },
  { kind: 'number', pattern: /^\((\d{1,3})\)\s*/, label: (m) => m[1] ?? '' },
  // "1 - the number of…" (phones and web forms); a bare year or figure never has the dash and space.
  { kind: 'number', pattern: /^(\d{1,2})\s?[-–—]\s+(?=[A-Za-z])/, label: (m) => m[1] ?? '' },
  { kind: 'roman', pattern: /^\(?((?:i{1,3}|iv|v|vi{1,3}|ix|x))[.)]\s+/i, label: (m) => (m[1] ?? '').toLowerCase() },
  { kind: 'letter', pattern: /^\(?([a-z])[.)]\s+/, label: (m) => m[1] ?? '' },
  { kind: 'upper_letter', pattern: /^\(?([A-Z])[.)]\s+/, label: (m) => m[1] ?? '' },
];

export function parseListMarker(line: string): ListMarker | null {
  const indent = line.length - line.trimStart().length;
  let rest = line.slice(indent);
  let offset = indent;
  let bullet: string | null = null;
  const bulletMatch = LEADING_BULLET.exec(rest) ?? GLUED_BULLET.exec(rest);
  if (bulletMatch) {
    bullet = bulletMatch[1] ?? null;
    offset += bulletMatch[0].length;
    rest = rest.slice(bulletMatch[0].length);
  }
  for (const rule of MARKER_RULES) {
    const m = rule.pattern.exec(rest);
    if (!m) continue;
    return { kind: rule.kind, label: rule.label(m), bullet: null, contentOffset: offset + m[0].length, indent };
  }
  if (bullet !== null) return { kind: 'bullet', label: null, bullet, contentOffset: offset, indent };
  return null;
}

/** `i`, `v` and `x` are letters when they continue a lettered list (…h, i), numerals otherwise. */
export function resolveRomanOrLetter(marker: ListMarker, previousLetter: string | null): ListMarker {
  if (marker.kind !== 'roman' || !marker.label || marker.label.length !== 1) return marker;
  const expected = previousLetter ? String.fromCharCode(previousLetter.charCodeAt(0) + 1) : null;
  if (expected === marker.label) return { ...marker, kind: 'letter' };
  return marker;
}

export function isRomanNumeral(label: string): boolean {
  return ROMAN.test(label);
}

/** The identity used to tell nesting levels apart: kind, plus the bullet character for bullets. */
export function markerLevelKey(marker: ListMarker): string {
  return marker.kind === 'bullet' ? `bullet:${marker.bullet}` : marker.kind;
}
