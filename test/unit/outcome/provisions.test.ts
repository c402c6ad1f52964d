// Provisions: officers' spellings become the canonical form, unknown ones are named, and the catalogue
// says what the Acts say about each (absolute per FOIA s.2(3) / FOISA s.2(2), NCND subsections).
import { describe, expect, it } from 'vitest';
import {
  findProvision, normaliseProvision, provisionCatalogue, resolveProvisions, splitProvisionList,
} from '../../../src/pipeline/case/outcome/provisions.js';

describe('normaliseProvision', () => {
  it.each([
    ['s.40(2)', 'foi', 's40(2)'], ['Section 40(2)', 'foi', 's40(2)'], ['S40 (2)', 'foi', 's40(2)'], ['section 43 (2) of the FOIA', 'foi', 's43(2)'],
    ['s 31(1)(a)', 'foi', 's31(1)(a)'], ['S22A', 'foi', 's22a'], ['s.36(2)(b)(ii)', 'foi', 's36(2)(b)(ii)'], ['40(2)', 'foi', 's40(2)'],
    ['S40(3A)(a)', 'foi', 's40(3a)(a)'], ['s14 (1)', 'foi', 's14(1)'], ['sec. 12', 'foi', 's12'],
    ['reg 12(4)(b)', 'eir', 'reg12(4)(b)'], ['Regulation 12(5)(e)', 'eir', 'reg12(5)(e)'], ['regulation 13', 'eir', 'reg13'], ['12(4)(a)', 'eir', 'reg12(4)(a)'],
    ['r.13(1)', 'eir', 'reg13(1)'], ['s38(1)(b) FOISA', 'foisa', 's38(1)(b)'], ['reg 10(5)(b)', 'eisr', 'reg10(5)(b)'], ['40.2', 'foi', 's40(2)'],
  ] as const)('%s under %s is %s', (text, regime, code) => {
    expect(normaliseProvision(text, regime)).toBe(code);
  });

  it('returns null for words that are not a citation', () => {
    expect(normaliseProvision('commercial interests', 'foi')).toBeNull();
    expect(normaliseProvision('', 'foi')).toBeNull();
  });
});

describe('resolveProvisions', () => {
  it('resolves a mixed list, keeps order, drops repeats', () => {
    const r = resolveProvisions(['s.40(2)', 'Section 43(2), s40(2) and s31(1)(a)'], 'foi');
    expect(r.ok && r.provisions.map((p) => p.code)).toEqual(['s40(2)', 's43(2)', 's31(1)(a)']);
  });

  it('names every unknown provision and suggests the right one', () => {
    const r = resolveProvisions(['s14', 's99', 'hello'], 'foi');
    expect(r).toMatchObject({ ok: false, code: 'outcome.unknown_provision' });
    if (r.ok) return;
    expect(r.reason).toContain("'s14' (s14) is not a provision of the FOIA: cite s14(1) (vexatious) or s14(2) (repeated)");
    expect(r.reason).toContain("'s99' (s99)");
    expect(r.reason).toContain("'hello' is not a provision");
  });

  it('refuses a FOIA section under the EIR, pointing to the exception', () => {
    const r = resolveProvisions(['s40(2)'], 'eir');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('reg13');
    expect(resolveProvisions(['s12'], 'eir')).toMatchObject({ ok: false, reason: expect.stringContaining('reg12(4)(b)') });
  });

  it('uses FOISA numbering for Scottish cases and EISR numbering for Scottish environmental ones', () => {
    expect(resolveProvisions(['s38(1)(b)', 's25'], 'foisa')).toMatchObject({ ok: true });
    expect(resolveProvisions(['s21'], 'foisa')).toMatchObject({ ok: false, reason: expect.stringContaining('s25') });
    expect(resolveProvisions(['reg10(5)(b)', 'reg11(2)'], 'eisr')).toMatchObject({ ok: true });
    expect(resolveProvisions(['reg12(4)(b)'], 'eisr')).toMatchObject({ ok: false, reason: expect.stringContaining('reg10(4)(b)') });
  });

  it('reviews apply their request regime; a SAR has no catalogued provisions', () => {
    expect(resolveProvisions(['s40(2)'], 'foi_review')).toMatchObject({ ok: true });
    expect(resolveProvisions(['s40(2)'], 'sar')).toMatchObject({ ok: false, code: 'outcome.provisions_not_catalogued' });
    expect(resolveProvisions([], 'sar')).toEqual({ ok: true, provisions: [] });
  });

  it('splits lists on commas, "and", ampersands and slashes', () => {
    expect(splitProvisionList('s40(2) & s40(3A)(a)/s43(2), s31(1)(a) and s38')).toEqual(['s40(2)', 's40(3A)(a)', 's43(2)', 's31(1)(a)', 's38']);
  });
});

describe('the catalogue', () => {
  it('marks the absolute exemptions of FOIA s.2(3) and no others among Part II', () => {
    const absolute = provisionCatalogue('foi').filter((p) => p.kind === 'exemption' && p.test === 'absolute' && !p.ncnd).map((p) => p.group);
    expect([...new Set(absolute)].sort()).toEqual(['s21', 's23', 's32', 's34', 's37', 's40', 's41', 's44']);
    expect(findProvision('foi', 's37(1)(a)')?.test).toBe('absolute');
    expect(findProvision('foi', 's37(1)(b)')?.test).toBe('qualified');
    expect(findProvision('foi', 's43(2)')).toMatchObject({ title: 'Commercial interests', test: 'qualified', group: 's43',
      citation: 'section 43(2) of the Freedom of Information Act 2000' });
  });

  it('has the neither-confirm-nor-deny subsections', () => {
    for (const code of ['s40(5b)', 's31(3)', 's43(3)', 's24(2)', 's12(2)']) expect(findProvision('foi', code)?.ncnd).toBe(true);
    expect(findProvision('eir', 'reg12(6)')?.ncnd).toBe(true);
    expect(findProvision('foisa', 's18(1)')?.ncnd).toBe(true);
    expect(findProvision('eisr', 'reg10(8)')?.ncnd).toBe(true);
  });

  it('has every EIR exception 12(4)(a)-(e), 12(5)(a)-(g) and reg 13, and the EISR twins', () => {
    for (const l of 'abcde') expect(findProvision('eir', `reg12(4)(${l})`)).toBeDefined();
    for (const l of 'abcdefg') expect(findProvision('eir', `reg12(5)(${l})`)).toBeDefined();
    for (const l of 'abcde') expect(findProvision('eisr', `reg10(4)(${l})`)).toBeDefined();
    for (const l of 'abcdefg') expect(findProvision('eisr', `reg10(5)(${l})`)).toBeDefined();
    expect(findProvision('eir', 'reg13')?.group).toBe('reg13');
    expect(findProvision('eir', 'reg13(1)')?.group).toBe('reg13');
    expect(findProvision('eir', 'reg12(5)(e)')).toMatchObject({ title: 'Commercial or industrial confidentiality', kind: 'exception', citation:
      'regulation 12(5)(e) of the Environmental Information Regulations 2004' });
  });

  it('has FOISA ss.25-41 with FOISA s.2(2) absolutes', () => {
    for (let s = 25; s <= 41; s++) expect(findProvision('foisa', `s${s}`), `s${s}`).toBeDefined();
    const absolute = provisionCatalogue('foisa').filter((p) => p.test === 'absolute').map((p) => p.code).sort();
    expect(absolute).toEqual(['s25', 's25(1)', 's26', 's26(a)', 's26(b)', 's26(c)', 's36(2)', 's37', 's37(1)', 's37(1)(a)', 's37(1)(b)',
      's38', 's38(1)(a)', 's38(1)(b)', 's38(1)(c)', 's38(1)(d)']);
  });

  it('writes every code in the canonical form: lower case, no dots or spaces', () => {
    for (const regime of ['foi', 'eir', 'foisa', 'eisr'] as const) {
      for (const p of provisionCatalogue(regime)) expect(p.code).toMatch(/^(s|reg)\d+[a-z]?(\([0-9a-z]+\))*$/);
    }
  });
});
