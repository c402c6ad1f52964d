// Posting the case page's forms as a browser would: the page's CSRF token and session cookie, then the form.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { listCases } from '../../src/adapters/db/case-queries.js';
import type { Db } from '../../src/adapters/db/database.js';

export interface CaseForm {
  token: string;
  cookie: string;
  body: string;
}

/** Loads `url` signed in with `cookie`: the page, its CSRF token and the session cookie that goes with it. */
export async function loadPage(app: FastifyInstance, url: string, cookie: string): Promise<CaseForm> {
  const response = await app.inject({ url, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  const set = response.cookies.find((c) => c.name === 'foi_console');
  return { token: token!, cookie: set ? `foi_console=${encodeURIComponent(set.value)}` : cookie, body: response.body };
}

/** Posts a form of the page; the session cookie it sets back (carrying the flash message) is kept in `form`. */
export async function postForm(app: FastifyInstance, form: CaseForm, url: string, payload: Record<string, string>): Promise<LightMyRequestResponse> {
  const response = await app.inject({ method: 'POST', url, headers: { cookie: form.cookie }, payload: { _csrf: form.token, ...payload } });
  const set = response.cookies.find((c) => c.name === 'foi_console');
  if (set) form.cookie = `foi_console=${encodeURIComponent(set.value)}`;
  return response;
}

export async function caseRow(db: Db, reference: string) {
  const [row] = await listCases(db, { reference });
  return row!;
}

/** The value of a hidden field in the form with this id. */
export function hiddenIn(body: string, formId: string, name: string): string {
  const form = new RegExp(`<form[^>]*id="${formId}"[\\s\\S]*?</form>`).exec(body)?.[0] ?? '';
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '';
}
