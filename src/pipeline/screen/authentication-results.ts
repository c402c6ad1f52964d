// The receiving server's verdicts arrive as Authentication-Results headers (RFC 8601); only the one
// written by our own MX can be believed, so this finds it by authserv-id and parses it. Pure.

/** One `method=result` entry (RFC 8601 §2.2 resinfo), e.g. `dkim=pass header.d=example.org`. */
export interface AuthResult {
  method: string;
  result: string;
  /** Properties such as `smtp.mailfrom`, `header.d`, `header.from`; also `reason` and Microsoft's `action`. */
  properties: Record<string, string>;
}

export interface AuthenticationResults {
  /** `null` when the header opens directly with a result, as Exchange Online's does (not RFC 8601). */
  authservId: string | null;
  results: AuthResult[];
}

/**
 * Configure this instead of an authserv-id for Exchange Online, whose header carries none: the
 * topmost Authentication-Results is then trusted only if it has no authserv-id. Sound only because
 * Exchange Online stamps every inbound message above anything the sender wrote. The brackets cannot
 * occur in a real authserv-id (an RFC 2045 token), so the two cannot be confused.
 */
export const TOPMOST_WITHOUT_AUTHSERV_ID = '[topmost-without-authserv-id]';

const METHODSPEC = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*(?:\/\s*\d+\s*)?=\s*([A-Za-z0-9_-]+)(.*)$/s;
// A property is tried from the start of a word only (the look-behind, over every character a property
// may hold): from inside a long word with no "=" ("a.a.a.a…") each start would rescan the rest of it,
// and anyone can write such a header.
const PROPSPEC = /(?<![A-Za-z0-9_.:-])([A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_.:-]+)?)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]+)/g;

/** Parses one header value (without the field name). `null` if it is not a usable header. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const segments = splitOutsideQuotes(stripComments(value.replace(/\r?\n(?=[ \t])/g, '')), ';');
  const first = segments[0]?.trim() ?? '';
  if (first === '') return null;
  let authservId: string | null = null;
  let rest = segments;
  if (!METHODSPEC.test(first)) {
    // authserv-id [ CFWS authres-version ]; the id is a token or a quoted-string.
    const id = /^("(?:[^"\\]|\\.)*"|[^\s"]+)/.exec(first)?.[1];
    if (!id) return null;
    authservId = unquote(id);
    rest = segments.slice(1);
  }
  const results: AuthResult[] = [];
  for (const segment of rest) {
    const match = METHODSPEC.exec(segment.trim());
    // `none` (no-result) and anything malformed carry no verdict; skipping is safe because a
    // missing result never counts against the sender.
    if (!match) continue;
    const [, method = '', result = '', tail = ''] = match;
    results.push({ method: method.toLowerCase(), result: result.toLowerCase(), properties: readProperties(tail) });
  }
  return { authservId, results };
}

/**
 * The receiving server's own header: the topmost one whose authserv-id is `trusted` (headers are
 * prepended on the way in, so a forgery by the sender sits below it; RFC 8601 §5). Headers from any
 * other authserv-id are ignored, since anyone can write them. `headerValues` must be in message
 * order, top first.
 */
export function findTrustedAuthenticationResults(
  headerValues: readonly string[],
  trusted: string,
): AuthenticationResults | null {
  const parsed = headerValues.map(parseAuthenticationResults).filter((h): h is AuthenticationResults => h !== null);
  if (trusted === TOPMOST_WITHOUT_AUTHSERV_ID) {
    const top = parsed[0];
    return top && top.authservId === null ? top : null;
  }
  const wanted = trusted.trim().toLowerCase();
  return parsed.find((h) => h.authservId?.toLowerCase() === wanted) ?? null;
}

/** The summary result for one method: for DKIM any passing signature wins (RFC 6376 §6.1). */
export function resultFor(header: AuthenticationResults, method: string): string {
  const all = header.results.filter((r) => r.method === method).map((r) => r.result);
  if (all.includes('pass')) return 'pass';
  return all[0] ?? 'none';
}

/** A property of the first result for `method`, e.g. the `header.from` of `dmarc`. */
export function propertyFor(header: AuthenticationResults, method: string, property: string): string | null {
  return header.results.find((r) => r.method === method)?.properties[property] ?? null;
}

function readProperties(tail: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [, key = '', raw = ''] of tail.matchAll(PROPSPEC)) {
    const name = key.replace(/\s+/g, '').toLowerCase();
    if (name === '__proto__' || name in properties) continue;
    properties[name] = unquote(raw);
  }
  return properties;
}

/** Replaces (possibly nested) comments with a space, leaving quoted strings alone (RFC 5322 §3.2.2). */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + value.charAt(i + 1);
      i++;
    } else if (depth === 0 && c === '"') {
      quoted = !quoted;
      out += c;
    } else if (!quoted && c === '(') {
      depth++;
    } else if (!quoted && c === ')' && depth > 0) {
      depth--;
      if (depth === 0) out += ' ';
    } else if (depth === 0) {
      out += c;
    }
  }
  return out;
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (quoted && c === '\\') {
      current += c + value.charAt(i + 1);
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}
