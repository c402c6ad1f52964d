// Admins' own detector phrases (FOI_ANALYSIS_CONFIG) are regular expressions nobody can audit in
// advance, run over text anyone may send. They are compiled for RE2, whose matching time is linear in
// the text whatever the pattern (no backtracking), so a phrase like "(a+)+$" cannot stall intake.
// RE2 has no look-around or back-references: such a phrase is refused when the settings are loaded.
// The engine (WebAssembly, ~0.2 s to load) is loaded only when an installation has such phrases.
import { createRequire } from 'node:module';
import type { RE2 as Re2Engine } from 're2-wasm';

let engine: typeof Re2Engine | null = null;
function re2(): typeof Re2Engine {
  engine ??= (createRequire(import.meta.url)('re2-wasm') as { RE2: typeof Re2Engine }).RE2;
  return engine;
}

/** What the analysis needs of a phrase: the first match, with its offset in UTF-16 units (as JavaScript counts). */
export interface PhraseMatcher {
  exec(text: string): RegExpExecArray | null;
}

/** Compiles a case-insensitive phrase for RE2; throws a SyntaxError-like error when RE2 cannot take it. */
export function compileAdminPhrase(source: string): PhraseMatcher {
  const compiled = new (re2())(source, 'iu');
  return {
    exec(text) {
      const m = compiled.exec(text);
      if (!m) return null;
      // RE2 in unicode mode counts code points; evidence offsets are in UTF-16 units.
      return Object.assign([m[0]], { index: utf16Offset(text, m.index), input: text, groups: undefined }) as RegExpExecArray;
    },
  };
}

function utf16Offset(text: string, codePoints: number): number {
  let offset = 0;
  for (let seen = 0; seen < codePoints && offset < text.length; seen += 1) {
    const unit = text.charCodeAt(offset);
    offset += unit >= 0xd800 && unit <= 0xdbff && offset + 1 < text.length ? 2 : 1;
  }
  return offset;
}
