// compose-response-mail.ts: the response (or refusal notice) sent to the requester as a reply in the case's
// thread, from the outcome just recorded. The default letters hold "[Officer: ...]" places to fill, so they
// are never sent as they are: the officer prints the draft, completes it, and sends the completed text.
import { AppError } from '../../errors.js';
import type { ExtraHoliday } from '../../clock/index.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { Regime } from '../../domain/regime.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { RecordedResponse } from '../case/outcome/decide-response.js';
import { toRequester, type CaseSnapshot } from './compose-case-updates.js';
import type { NotifySettings } from './compose-messages.js';
import { composeResponse, type ResponseTemplateName } from './compose-response.js';
import { cleanText } from './echo-text.js';

/** The marker the default templates put where the officer must write; a letter still holding one is not sent. */
export const OFFICER_PLACEHOLDER = '[Officer:';

export interface ResponseLetterInput {
  snapshot: CaseSnapshot;
  regime: Regime;
  jurisdiction: Jurisdiction;
  response: RecordedResponse;
  questions: ReadonlyArray<{ number: string | null; text: string }>;
  extraHolidays?: readonly ExtraHoliday[];
}

/** The letter rendered from the templates (the draft the officer completes). */
export function draftResponseLetter(input: ResponseLetterInput, settings: NotifySettings): string {
  const { snapshot, response } = input;
  return composeResponse({
    reference: snapshot.reference, subject: snapshot.subject, regime: input.regime, jurisdiction: input.jurisdiction,
    requesterName: snapshot.requesterName, receivedDate: snapshot.receivedDate, dueDate: response.dueDate, respondedOn: response.respondedOn,
    outcome: response.outcome, provisions: response.provisions, questions: input.questions, questionOutcomes: response.questionOutcomes,
    authorityName: settings.authorityName, extraHolidays: input.extraHolidays,
  }, settings.templates as ReadonlyMap<string, string> as ReadonlyMap<ResponseTemplateName, string>).text;
}

/** The response mail: the officer's completed letter, or the rendered one when the admins' templates need no completing. */
export function composeResponseMail(input: ResponseLetterInput, settings: NotifySettings, letter?: string): OutgoingMail {
  if (!input.snapshot.requesterAddress) {
    throw new AppError('cli.invalid_argument', `${input.snapshot.reference} has no requester address: send the response by other means`);
  }
  const text = letter ?? draftResponseLetter(input, settings);
  if (text.includes(OFFICER_PLACEHOLDER)) {
    throw new AppError('cli.invalid_argument',
      `the response still has places for the officer to fill ("${OFFICER_PLACEHOLDER} ..."): print it with --draft, complete it, and send it with --letter FILE`);
  }
  return toRequester(input.snapshot, settings, 'response', cleanText(text), false);
}
