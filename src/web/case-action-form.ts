// The case page's action forms read into the officer's action for the one decider (actOnCase), as the
// CLI's `case clarify|extend|respond|close|withdraw|reopen` read their flags. Only the form's shape is
// checked here (a choice made, a field filled); whether the action is allowed, and whether a provision
// exists in the case's regime, is the decider's to say.
import type { OfficerAction } from '../pipeline/case/act-on-case.js';
import { OUTCOMES, OUTCOME_LABELS } from '../pipeline/case/outcome/outcome-types.js';

export type ActionBody = Partial<Record<
  'action' | 'message' | 'extension' | 'reason' | 'expectedStatus' | 'expectedDue' | 'outcome' | 'provisions' | 'on' | 'until' | 'exemptions',
  string
>>;

/** One problem with what was typed: the id of the field it is about (the error summary links to it) and what to do. */
export interface FormError {
  field: string;
  text: string;
}

/** What the console offers, in the order it offers them; each maps to one lifecycle or outcome action. */
export const OFFERED = ['seek_clarification', 'receive_clarification', 'extend', 'respond', 'close', 'withdraw', 'reopen'] as const;

/** The outcome radios, in the decider's own vocabulary. */
export const OUTCOME_CHOICES = OUTCOMES.map((value) => ({ value, text: OUTCOME_LABELS[value] }));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date field: blank (the decider's default), or YYYY-MM-DD. */
function dateOf(value: string | undefined, field: string, label: string, errors: FormError[]): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (!ISO_DATE.test(text)) errors.push({ field, text: `${label} must be a date like 2017-06-27` });
  return text;
}

function provisionsOf(text: string | undefined): string[] {
  // The decider splits lists ("s40(2), s43(2)") itself; one line per field keeps what was typed intact.
  return text?.trim() ? [text.trim()] : [];
}

export function actionFromForm(body: ActionBody): { action: OfficerAction } | { errors: FormError[] } {
  const reason = body.reason?.trim() || undefined;
  const errors: FormError[] = [];
  switch (body.action) {
    case 'seek_clarification':
      return body.message?.trim() ? { action: { type: 'seek_clarification', cause: 'officer' } } : { errors: [{ field: 'clarify-message', text: 'Write the question to send to the requester' }] };
    case 'receive_clarification':
      return { action: { type: 'receive_clarification', cause: 'officer' } };
    case 'extend': {
      if (body.extension !== 'pit' && body.extension !== 'complex') return { errors: [{ field: 'extend-extension', text: 'Choose the kind of extension' }] };
      const until = body.extension === 'pit' ? dateOf(body.until, 'extend-until', 'The new date', errors) : undefined;
      if (errors.length > 0) return { errors };
      const exemptions = body.extension === 'pit' ? provisionsOf(body.exemptions) : [];
      return { action: { type: 'extend_deadline', extension: body.extension, until, reason, exemptions, cause: 'officer' } };
    }
    case 'respond': {
      if (!(OUTCOMES as readonly string[]).includes(body.outcome ?? '')) errors.push({ field: 'respond-outcome', text: 'Choose what the response decided' });
      const respondedOn = dateOf(body.on, 'respond-on', 'The date the response was sent', errors);
      if (errors.length > 0) return { errors };
      return { action: { type: 'record_outcome', outcome: body.outcome, provisions: provisionsOf(body.provisions), respondedOn, cause: reason ?? 'officer' } };
    }
    case 'close': case 'withdraw': case 'reopen':
      return { action: { type: body.action, reason, cause: 'officer' } };
    default:
      return { errors: [{ field: 'actions', text: 'Choose an action' }] };
  }
}

/** Where a refusal from the decider belongs on the form (its summary links there). */
export function fieldOfRefusal(action: string | undefined, message: string): string {
  if (action === 'respond') return /provision|exemption|schedule/i.test(message) ? 'respond-provisions' : /date|--on/i.test(message) ? 'respond-on' : 'respond-outcome';
  if (action === 'extend') return /provision|exemption|qualified/i.test(message) ? 'extend-exemptions' : /until|date/i.test(message) ? 'extend-until' : 'extend-extension';
  if (action === 'seek_clarification') return 'clarify-message';
  return 'actions';
}
