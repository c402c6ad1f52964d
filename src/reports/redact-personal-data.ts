// redact-personal-data.ts: a disclosure log publishes requests, not requesters (UK GDPR Art 5(1)(c); FOIA
// s.40(2)): e-mail addresses, phone numbers, postcodes, National Insurance numbers, street addresses, the
// requester's name and the signature block become [redacted]. An officer still confirms before publishing.

export const REDACTED = '[redacted]';

export interface RedactionHints {
  /** The requester's name as known to the case (each part of it is redacted too). */
  names?: readonly (string | null | undefined)[];
  addresses?: readonly (string | null | undefined)[];
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// UK numbers: +44 or 0, then 9-10 more digits with optional spaces, dots, dashes or brackets.
const PHONE = /(?:\+44\s?\(?0?\)?|\b0)(?:[\s.-]?\(?\d\)?){9,10}\b/g;
const POSTCODE = /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
// Any two letters: a redactor errs towards removing (HMRC's own examples use the unallocated QQ prefix).
const NI_NUMBER = /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi;
const STREET_WORDS = 'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Place|Court|Gardens|Terrace|Grove|Hill|Square|Mews|Row|Walk|Park|View|Rise';
const STREET = new RegExp(`\\b(?:(?:Flat|Apartment|Unit)\\s+\\w+,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][a-z'’-]+\\s+){1,3}(?:${STREET_WORDS})\\b\\.?`, 'g');
// A sign-off line; what follows it is the signature block (name, title, address, phone).
const SIGN_OFF = /^\s*(yours (sincerely|faithfully|truly)|(kind|best|warm|many) (regards|wishes|thanks)|regards|thanks( again)?|thank you|cheers|best),?\s*$/i;
const MOBILE_FOOTER = /^\s*sent from my \w+/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Parts of a name that are also ordinary words in a request ("May 2024", "Will the council…") are kept
// unless they appear as part of the full name; honorifics are never names.
const NOT_A_NAME_PART = /^(mr|mrs|ms|miss|dr|mx|prof|january|february|march|april|may|june|july|august|september|october|november|december|will|mark|grant|bill|sue|rob|the|and|of)\.?$/i;

// The name in full first (any case), then each remaining part of at least two letters as capitalised ("Jane", "Smith").
function namePatterns(names: readonly (string | null | undefined)[]): RegExp[] {
  const full = new Set<string>();
  const parts = new Set<string>();
  for (const name of names) {
    const clean = name?.replace(/["<>]/g, '').trim();
    if (!clean) continue;
    full.add(clean);
    for (const part of clean.split(/[\s,]+/)) if (part.replace(/\W/g, '').length >= 2 && !NOT_A_NAME_PART.test(part)) parts.add(part);
  }
  const pattern = (text: string, flags: string) => new RegExp(`(?<![\\p{L}])${escapeRegExp(text)}(?![\\p{L}])`, flags);
  return [...[...full].map((n) => pattern(n, 'giu')), ...[...parts].sort((a, b) => b.length - a.length).map((p) => pattern(p, 'gu'))];
}

function dropSignature(text: string): string {
  const lines = text.split(/\r?\n/);
  const footer = lines.findIndex((l) => MOBILE_FOOTER.test(l));
  const kept = footer >= 0 ? lines.slice(0, footer) : lines;
  // The last sign-off counts: "thanks" inside the body is not one when a later line is.
  let signOff = -1;
  kept.forEach((line, i) => { if (SIGN_OFF.test(line)) signOff = i; });
  if (signOff < 0 || kept.slice(signOff + 1).every((l) => l.trim() === '')) return kept.join('\n');
  return [...kept.slice(0, signOff + 1), REDACTED].join('\n');
}

/** The text with personal data replaced by [redacted]; runs of markers are merged. */
export function redactPersonalData(text: string, hints: RedactionHints = {}): string {
  let out = dropSignature(text);
  for (const address of hints.addresses ?? []) if (address) out = out.replace(new RegExp(escapeRegExp(address), 'gi'), REDACTED);
  out = out.replace(EMAIL, REDACTED).replace(NI_NUMBER, REDACTED).replace(PHONE, REDACTED).replace(POSTCODE, REDACTED).replace(STREET, REDACTED);
  for (const pattern of namePatterns(hints.names ?? [])) out = out.replace(pattern, REDACTED);
  return out.replace(/\[redacted\](?:[\s,]*\[redacted\])+/g, REDACTED);
}
