// The address of a case's page in the console, for officers' mail (DESIGN.md, Console: FOI_CONSOLE_URL).
// Only the reference goes in it: URLs end up in proxy logs and browser history, personal data must not.

/** `<console>/cases/<reference>`, or '' without a console address (a template's `{{#caseLink}}` then shows nothing). */
export function caseLinkOf(consoleUrl: URL | null | undefined, reference: string): string {
  if (!consoleUrl) return '';
  // The console's routes sit at the root of its host name (the sign-in callback is `/auth/callback`).
  return new URL(`/cases/${encodeURIComponent(reference)}`, consoleUrl).href;
}
