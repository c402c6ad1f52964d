// The response and refusal notice: the outcome, each provision with its title and the public interest
// placeholder for a qualified one, and the requester's rights in each regime's words and periods.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeResponse, RESPONSE_TEMPLATE_NAMES, type ResponseInput } from '../../../src/pipeline/notify/compose-response.js';
import { resolveProvisions } from '../../../src/pipeline/case/outcome/provisions.js';

const templates = new Map(RESPONSE_TEMPLATE_NAMES.map((n) => [n, readFileSync(new URL(`../../../prompts/${n}`, import.meta.url), 'utf8')]));

function provisions(codes: string[], regime: ResponseInput['regime']) {
  const r = resolveProvisions(codes, regime);
  if (!r.ok) throw new Error(r.reason);
  return r.provisions;
}

const base: ResponseInput = {
  reference: 'FOI-2025-0042', subject: 'Parking contracts', regime: 'foi', jurisdiction: 'england-and-wales', requesterName: 'Sam Example',
  receivedDate: '2025-10-01', dueDate: '2025-10-29', respondedOn: '2025-10-20', outcome: 'granted', provisions: [], authorityName: 'Anytown Council',
};

describe('composeResponse', () => {
  it('a full release uses the response template, with the FOIA review window and the ICO', () => {
    const mail = composeResponse(base, templates);
    expect(mail.template).toBe('response.txt');
    expect(mail.subject).toBe('Re: Parking contracts [FOI-2025-0042]');
    expect(mail.text).toContain('We hold the information you asked for, and we are providing all of it.');
    // 40 working days after Mon 20 Oct 2025, skipping Mon 1 Dec (St Andrew's Day substitute, a FOIA non-working day).
    expect(mail.text).toContain('by 16 December 2025 (40 working days from the date of this response)');
    expect(mail.text).toContain('section 50 of the Freedom of Information Act 2000');
    expect(mail.text).toContain('Wycliffe House');
    expect(mail.text).not.toMatch(/\{\{|Scottish Information Commissioner|sorry/);
  });

  it('a refusal names each provision and asks for the public interest reasons only for a qualified one', () => {
    const mail = composeResponse({ ...base, outcome: 'part_granted', provisions: provisions(['s43(2)', 's40(2)'], 'foi') }, templates);
    expect(mail.template).toBe('refusal-notice.txt');
    expect(mail.text).toContain('- Section 43(2) of the Freedom of Information Act 2000: Commercial interests.');
    expect(mail.text).toContain('- Section 40(2) of the Freedom of Information Act 2000: Personal information (third parties).');
    expect(mail.text.match(/public interest factors in favour of disclosure/g)).toHaveLength(1);
    expect(mail.text).toContain('This is an absolute exemption: no public interest test applies.');
  });

  it('apologises when late and says so for neither confirm nor deny', () => {
    const mail = composeResponse({ ...base, respondedOn: '2025-11-03', outcome: 'refused', provisions: provisions(['s31(3)'], 'foi') }, templates);
    expect(mail.text).toContain('We are sorry that this response is later than the 29 October 2025 the law allows.');
    expect(mail.text).toContain('We can neither confirm nor deny whether we hold');
  });

  it('EIR: reg 11 representations within 40 working days, exceptions, the ICO via reg 18', () => {
    const mail = composeResponse({ ...base, regime: 'eir', outcome: 'refused', provisions: provisions(['reg12(5)(e)'], 'eir') }, templates);
    expect(mail.text).toContain('The exceptions we have applied:');
    expect(mail.text).toContain('regulation 11 of the Environmental Information Regulations 2004');
    expect(mail.text).toContain('This is a qualified exception');
    expect(mail.text).toContain('as applied by regulation 18');
  });

  it('FOISA: the review window runs from the s.10 deadline for an early answer (s.20(5)); then the SIC within six months', () => {
    const mail = composeResponse({ ...base, regime: 'foisa', jurisdiction: 'scotland', outcome: 'refused',
      provisions: provisions(['s33(1)(b)'], 'foisa') }, templates);
    // 40 Scottish working days after Wed 29 Oct 2025, the s.10 deadline, not the 20 Oct answer (1, 25 and 26 Dec skipped).
    expect(mail.text).toContain('by 29 December 2025');
    expect(mail.text).toContain('Scottish Information Commissioner');
    expect(mail.text).toContain('within six months of receiving our review decision');
    expect(mail.text).toContain('Court of Session on a point of law only (section 56)');
    expect(mail.text).not.toContain('Wycliffe House');
  });

  it('lists each question with its outcome when given', () => {
    const mail = composeResponse({ ...base, outcome: 'part_not_held',
      questions: [{ number: '1', text: 'How many contracts?' }, { number: '2', text: 'Their values?' }],
      questionOutcomes: [{ question: '1', outcome: 'granted', provisions: [] }, { question: '2', outcome: 'not_held', provisions: [] }] }, templates);
    expect(mail.text).toContain('1. How many contracts?\n    Granted in full');
    expect(mail.text).toContain('2. Their values?\n    Information not held');
  });
});
