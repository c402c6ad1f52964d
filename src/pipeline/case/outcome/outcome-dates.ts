// outcome-dates.ts: the date an officer gives for a response, review or decision is a London calendar date,
// not before the thing it answers and not in the future (the record is of what happened).
import { londonDateOf, toLondonDay, isClockError, type IsoDate } from '../../../clock/index.js';
import { reject, type OutcomeRejection } from './outcome-types.js';

export function officerDate(value: string | Date | undefined, now: Date, field: string, notBefore: IsoDate, notBeforeWhat: string): IsoDate | OutcomeRejection {
  const today = londonDateOf(now);
  let date: IsoDate;
  try {
    date = value === undefined ? today : value instanceof Date ? londonDateOf(value) : toLondonDay(value, field).date;
  } catch (err) {
    if (isClockError(err)) return reject('outcome.invalid_date', err.message);
    throw err;
  }
  if (date > today) return reject('outcome.invalid_date', `${field} ${date} is after today (${today})`);
  if (date < notBefore) return reject('outcome.invalid_date', `${field} ${date} is before ${notBeforeWhat} (${notBefore})`);
  return date;
}
