// The `deadline` command's core as the CLI wiring will call it: option strings in, the contract's JSON
// fields out, and JSON Lines batches where a bad line yields an error line and the rest carry on.
import { describe, expect, it } from 'vitest';
import { runDeadline, runDeadlineBatch } from '../../../src/cli/deadline-command.js';
import { ClockError } from '../../../src/clock/clock-error.js';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

async function batch(lines: string[], jurisdiction?: string) {
  const out: string[] = [];
  const summary = await runDeadlineBatch(linesOf(...lines), { jurisdiction }, (l) => out.push(l));
  return { out: out.map((l) => JSON.parse(l) as Record<string, unknown>), raw: out, summary };
}

describe('runDeadline', () => {
  it('returns exactly the contract fields, in the contract order', () => {
    const result = runDeadline({ regime: 'foi', received: '2017-05-30' }, { jurisdiction: 'england-and-wales' });
    expect(Object.keys(result)).toEqual(['regime', 'received', 'dayOne', 'dueDate', 'explain']);
    expect(result).toMatchObject({ regime: 'foi', received: '2017-05-30', dayOne: '2017-05-31', dueDate: '2017-06-27' });
    expect(result.explain.length).toBeGreaterThan(2);
  });

  it('passes clarification and extension options through', () => {
    expect(runDeadline({ regime: 'foi', received: '2017-05-30', clarificationSought: '2017-06-06', clarificationReceived: '2017-06-08' }).dueDate)
      .toBe('2017-07-06');
    expect(runDeadline({ regime: 'foi', received: '2025-10-01', extension: 'pit' }).dueDate).toBe('2025-11-26');
  });

  it('uses the default jurisdiction unless the options name one', () => {
    expect(runDeadline({ regime: 'sar', received: '2025-12-02' }, { jurisdiction: 'scotland' }).dueDate).toBe('2026-01-05');
    expect(runDeadline({ regime: 'sar', received: '2025-12-02', jurisdiction: 'england-and-wales' }, { jurisdiction: 'scotland' }).dueDate)
      .toBe('2026-01-02');
    expect(runDeadline({ regime: 'sar', received: '2025-12-02' }, {}).dueDate).toBe('2026-01-02');
  });

  it('treats empty option strings as not given', () => {
    expect(runDeadline({ regime: 'foi', received: '2017-05-30', clarificationSought: '', extension: ' ' }).dueDate).toBe('2017-06-27');
  });

  it.each([
    [{ received: '2017-05-30' }, 'clock.missing_field'],
    [{ regime: 'foi' }, 'clock.missing_field'],
    [{ regime: 'fio', received: '2017-05-30' }, 'clock.invalid_regime'],
    [{ regime: 'sar', received: '2017-05-30', jurisdiction: 'wales' }, 'clock.invalid_jurisdiction'],
    [{ regime: 'foi', received: '2017-05-30', extension: 'yes' }, 'clock.invalid_extension'],
  ])('rejects %j with %s', (options, code) => {
    expect(() => runDeadline(options, {})).toThrow(ClockError);
    expect(() => runDeadline(options, {})).toThrow(expect.objectContaining({ code }));
  });

  it('rejects a bad default jurisdiction when it is used', () => {
    expect(() => runDeadline({ regime: 'sar', received: '2025-12-02' }, { jurisdiction: 'wales' }))
      .toThrow(expect.objectContaining({ code: 'clock.invalid_jurisdiction' }));
  });
});

describe('runDeadlineBatch', () => {
  it('answers one line per input line, in order, and carries on after bad lines', async () => {
    const { out, raw, summary } = await batch([
      '{"regime":"foi","received":"2017-05-30"}',
      '{"regime":"foi","received":"2017-05-30","clarificationSought":"2017-06-06","clarificationReceived":"2017-06-08"}',
      'not json',
      '{"regime":"foisa","received":"2024-03-28"}',
      '{"regime":"foi","received":"2025-02-30"}',
      '{"regime":"sar","received":"2025-01-31","extension":"complex"}',
    ]);
    expect(raw).toHaveLength(6);
    expect(out.map((o) => o.dueDate ?? 'error')).toEqual(['2017-06-27', '2017-07-06', 'error', '2024-04-26', 'error', '2025-04-30']);
    expect(out[2]).toMatchObject({ code: 'deadline.invalid_json', line: 3 });
    expect(out[2]!.error).toMatch(/^not valid JSON/);
    expect(out[4]).toMatchObject({ code: 'clock.invalid_date', line: 5 });
    expect(out[4]!.error).toContain("'2025-02-30'");
    expect(summary).toEqual({ answered: 6, failed: 2 });
  });

  it('prints each result with the contract keys and nothing else', async () => {
    const { out } = await batch(['{"regime":"eir","received":"2021-03-07"}']);
    expect(Object.keys(out[0]!)).toEqual(['regime', 'received', 'dayOne', 'dueDate', 'explain']);
    expect(out[0]).toMatchObject({ regime: 'eir', received: '2021-03-07', dayOne: '2021-03-08', dueDate: '2021-04-07' });
  });

  it('applies the default jurisdiction, overridden per line', async () => {
    const { out } = await batch([
      '{"regime":"sar","received":"2025-12-02"}',
      '{"regime":"sar","received":"2025-12-02","jurisdiction":"england-and-wales"}',
    ], 'scotland');
    expect(out.map((o) => o.dueDate)).toEqual(['2026-01-05', '2026-01-02']);
  });

  it('converts ISO date-times to London dates', async () => {
    const { out } = await batch(['{"regime":"foi","received":"2025-06-30T23:30:00Z"}']);
    expect(out[0]).toMatchObject({ received: '2025-07-01', dueDate: '2025-07-30' });
  });

  it('rejects non-objects and non-string fields as bad lines', async () => {
    const { out } = await batch(['[1,2]', 'null', '{"regime":"foi","received":20170530}', '{"regime":"foi","received":"2017-05-30","extension":["pit"]}']);
    expect(out.map((o) => o.code)).toEqual(['deadline.invalid_json', 'deadline.invalid_json', 'deadline.invalid_field', 'deadline.invalid_field']);
    expect(out[2]!.error).toBe('received: expected a string, got number');
  });

  it('skips blank lines, tolerates CRLF and a BOM, and treats null fields as absent', async () => {
    const { out, summary } = await batch([
      '\uFEFF{"regime":"foi","received":"2017-05-30","extension":null}\r', '', '   ',
      '{"regime":"foi","received":"2017-04-13"}',
    ]);
    expect(out.map((o) => o.dueDate)).toEqual(['2017-06-27', '2017-05-16']);
    expect(summary).toEqual({ answered: 2, failed: 0 });
  });

  it('reports refusals of the law (awaited clarification) as error lines', async () => {
    const { out } = await batch(['{"regime":"foi","received":"2025-01-01","clarificationSought":"2025-01-09"}']);
    expect(out[0]).toMatchObject({ code: 'clock.awaiting_clarification', line: 1 });
  });

  it('rethrows an unexpected error from the writer instead of hiding it', async () => {
    const failing = runDeadlineBatch(linesOf('{"regime":"foi","received":"2017-05-30"}'), {}, () => {
      throw new TypeError('stdout closed');
    });
    await expect(failing).rejects.toThrow('stdout closed');
  });
});
