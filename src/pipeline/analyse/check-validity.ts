// Checks what FOIA s.8 requires of a valid request: the applicant's real name, an address for correspondence
// (an email address counts) and a description of the information; a gap means advice under s.16, not refusal.
import type { ValidityGap } from '../../domain/request-analysis.js';

export interface ValidityInput {
  from: { name: string; address: string } | null;
  /** The requester's own text (quoted messages removed), where a sign-off may carry the name. */
  ownText: string;
  describesInformation: boolean;
}

/** Display names and sign-offs that are not a person's real name. Regex sources, case-insensitive. */
export const NOT_A_REAL_NAME_PATTERNS = [
  String.raw`\b(no-?reply|do-?not-?reply|admin|info|enquiries|office|team|support|mailer|postmaster|webmaster|foi|requests?)\b`,
  String.raw`\b(anonymous|anon|concerned|citizen|resident|taxpayer|ratepayer|a friend|whistle-?blower|mr\.? x|ms\.? x|unknown)\b`,
  String.raw`\d`,
] as const;

const NOT_A_REAL_NAME = NOT_A_REAL_NAME_PATTERNS.map((s) => new RegExp(s, 'i'));
const SIGN_OFF = /^(yours (sincerely|faithfully|truly)|(kind|best|warm|many) (regards|wishes|thanks)|regards|thanks|thank you|cheers|sincerely|cordialement|merci|mit freundlichen grüßen|saludos|cordiali saluti|diolch)\b.*$/imu;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]+|\p{Lu}\.?)`;
const PERSON_NAME = new RegExp(String.raw`^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s)?${NAME_WORD}(?:\s${NAME_WORD}){1,3}$`, 'u');
const SURNAME_FIRST = /^\p{Lu}[\p{L}'’-]+,\s\p{Lu}[\p{L}'’-]+$/u;
// Look-ahead and look-behind keep both linear on a sender's long text: "[namenamename…" and a long
// word with no "@" are each scanned once, not once from every position.
const REDACTED_NAME = /^\[(?=[^\]]*name)[^\]]*\]$/i;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/;

export function checkValidity(input: ValidityInput): { valid: boolean; missing: ValidityGap[] } {
  const missing: ValidityGap[] = [];
  if (!hasRealName(input)) missing.push('name');
  if (!input.from?.address && !EMAIL.test(input.ownText)) missing.push('address');
  if (!input.describesInformation) missing.push('description');
  return { valid: missing.length === 0, missing };
}

function hasRealName(input: ValidityInput): boolean {
  if (input.from && looksLikeRealName(input.from.name)) return true;
  return signOffName(input.ownText) !== null;
}

export function looksLikeRealName(name: string): boolean {
  const cleaned = name.replace(/["']/g, '').replace(/\s+/g, ' ').trim();
  if (REDACTED_NAME.test(cleaned)) return true;
  if (!PERSON_NAME.test(cleaned) && !SURNAME_FIRST.test(cleaned)) return false;
  return !NOT_A_REAL_NAME.some((p) => p.test(cleaned));
}

/** The first line after the sign-off ("Yours sincerely,\nJane Smith"), when it looks like a name. */
function signOffName(text: string): string | null {
  const signOff = SIGN_OFF.exec(text);
  if (!signOff) return null;
  const sameLine = signOff[0].replace(/^[^,]*,\s*/, '').trim();
  if (sameLine && sameLine !== signOff[0].trim() && looksLikeRealName(sameLine)) return sameLine;
  const after = text.slice((signOff.index ?? 0) + signOff[0].length).split('\n').map((l) => l.trim()).filter(Boolean);
  const candidate = after[0] ?? '';
  return looksLikeRealName(candidate) ? candidate : null;
}
