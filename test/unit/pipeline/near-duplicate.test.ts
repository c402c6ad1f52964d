import { describe, expect, it } from 'vitest';
import { isNearDuplicate, similarity, textFingerprint } from '../../../src/pipeline/analyse/near-duplicate.js';

const BODY = `Under the Freedom of Information Act 2000, please provide the following information for each of the
financial years 2022/23, 2023/24 and 2024/25:

1. The total amount the council spent on agency and interim staff.
2. The number of agency workers engaged at the end of each year, broken down by directorate.
3. The number of agency workers who had been engaged continuously for more than 12 months.
4. The highest day rate paid to any single interim manager.

I would prefer to receive the information as a spreadsheet.`;

const FIRST = `Dear Northfield Borough Council,\n\n${BODY}\n\nYours faithfully,\n\nPriya Raman`;
const AGAIN = `Hello FOI team,\n\n${BODY}\n\nMany thanks,\nP. Raman\nSent from my phone`;

const campaign = (name: string, street: string) => `Dear Councillors,

I am writing as a resident of ${street} about the proposal to close Eastgate Library. Under the Freedom of
Information Act please send me the footfall figures for Eastgate Library for each month since January 2023,
the running costs of the building for 2023/24 and 2024/25, any equality impact assessment carried out on the
proposed closure, and the minutes of every meeting at which officers discussed closing the library. Our
library is used every day by children, older residents and people looking for work, and the community
deserves to see the evidence on which this decision will be made before the consultation closes.

Yours sincerely,
${name}
${street}`;

describe('textFingerprint', () => {
  it('folds case, accents, punctuation and spacing', () => {
    expect(textFingerprint('  The  CAFÉ’s rates —\r\n2024/25 (total)?  ')).toBe('the cafe s rates 2024 25 total');
  });

  it('drops the greeting line and everything from the sign-off on', () => {
    expect(textFingerprint('Dear Sir or Madam,\nPlease send the gritting routes.\nKind regards,\nAnn\nFooter text')).toBe('please send the gritting routes');
    expect(textFingerprint('Hi,\n\nPlease send the gritting routes.\n\nThanks\nAnn')).toBe('please send the gritting routes');
  });

  it('keeps a first line that is more than a greeting, and a thank-you that is not a sign-off', () => {
    expect(textFingerprint('Hello, please send the gritting routes for 2025 and the salt bought in each month of that winter.\nThank you for the maps.'))
      .toBe('hello please send the gritting routes for 2025 and the salt bought in each month of that winter thank you for the maps');
  });

  it('is idempotent, so a stored fingerprint can be compared later', () => {
    for (const text of [FIRST, AGAIN, campaign('Ann Lee', '4 Mill Lane'), 'Dear council,\nThanks']) {
      expect(textFingerprint(textFingerprint(text))).toBe(textFingerprint(text));
    }
  });
});

describe('similarity and isNearDuplicate', () => {
  it('finds the same request with a different greeting and sign-off a near-duplicate', () => {
    expect(similarity(FIRST, AGAIN)).toBe(1);
    expect(isNearDuplicate(FIRST, AGAIN)).toBe(true);
  });

  it('finds the same request with a small edit a near-duplicate', () => {
    const edited = FIRST.replace('as a spreadsheet', 'as a CSV spreadsheet');
    expect(similarity(FIRST, edited)).toBeGreaterThan(0.9);
    expect(isNearDuplicate(FIRST, edited)).toBe(true);
  });

  it('finds a campaign template sent by different people a near-duplicate', () => {
    const a = campaign('Ann Lee', '4 Mill Lane');
    const b = campaign('Tomasz Nowak', '17 Orchard Road');
    expect(similarity(a, b)).toBeGreaterThan(0.9);
    expect(isNearDuplicate(a, b)).toBe(true);
  });

  it('does not confuse two different requests, even on the same subject', () => {
    const other = `Dear Northfield Borough Council,\n\nPlease tell me how many permanent staff the council employed on 31 March 2025,
broken down by directorate, and the total spent on staff training in 2024/25.\n\nYours faithfully,\nPriya Raman`;
    expect(similarity(FIRST, other)).toBeLessThan(0.2);
    expect(isNearDuplicate(FIRST, other)).toBe(false);
    expect(isNearDuplicate(FIRST, campaign('Ann Lee', '4 Mill Lane'))).toBe(false);
  });

  it('is symmetric, 1 for identical text and 0 when a text is empty', () => {
    const a = campaign('Ann Lee', '4 Mill Lane');
    expect(similarity(a, FIRST)).toBe(similarity(FIRST, a));
    expect(similarity(a, a)).toBe(1);
    expect(similarity('', '')).toBe(0);
    expect(similarity('Dear council,\nYours faithfully,\nAnn', BODY)).toBe(0);
  });

  it('compares short texts word by word and honours the threshold', () => {
    expect(similarity('bin collections', 'Bin collections!')).toBe(1);
    expect(isNearDuplicate('parking fines in 2024', 'parking fines in 2025')).toBe(false);
    expect(isNearDuplicate('parking fines in 2024', 'parking fines in 2025', 0.3)).toBe(true);
  });
});
