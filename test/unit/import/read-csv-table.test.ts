// The CSV layer: what spreadsheets really export (a BOM, CRLF, line breaks in cells, Excel's code page),
// and the record numbers the contract reports lines by.
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../../src/pipeline/import/read-csv-table.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readCsvTable', () => {
  it('drops the UTF-8 byte-order mark from the first heading and reads CRLF records', () => {
    const table = readCsvTable(utf8('\uFEFFreference,received\r\nR-1,2025-11-03\r\n'));
    expect(table).toEqual({ ok: true, header: ['reference', 'received'], records: [{ line: 2, cells: ['R-1', '2025-11-03'] }] });
  });

  it('numbers records, not physical lines: a cell with line breaks is one record, a blank line none', () => {
    const table = readCsvTable('reference,request\r\nR-1,"one\r\ntwo\nthree"\r\n\r\nR-2,"say ""hello"", twice"\r\n');
    expect(table.ok && table.records).toEqual([
      { line: 2, cells: ['R-1', 'one\r\ntwo\nthree'] },
      { line: 3, cells: ['R-2', 'say "hello", twice'] },
    ]);
  });

  it('reads Excel\'s plain "CSV" (Windows-1252) when the bytes are not UTF-8', () => {
    const bytes = Uint8Array.from([...utf8('reference,request\r\nR-1,Fees of '), 0xa3, ...utf8('450 for Ren'), 0xe9, ...utf8('e\r\n')]);
    const table = readCsvTable(bytes);
    expect(table.ok && table.records[0]!.cells[1]).toBe('Fees of £450 for Renée');
  });

  it('refuses UTF-16 with the way to fix it', () => {
    expect(readCsvTable(Uint8Array.from([0xff, 0xfe, 0x72, 0x00]))).toEqual({
      ok: false, problem: { line: 1, reason: 'the file is UTF-16 text: save it as "CSV UTF-8"' },
    });
  });

  it('names the record of an unclosed quote', () => {
    expect(readCsvTable('reference,request\nR-1,fine\nR-2,"never closed\nR-3,x\n')).toEqual({
      ok: false, problem: { line: 3, reason: 'a quoted field is never closed (a " is missing)' },
    });
    expect(readCsvTable('reference,request\nR-1,"bad"quote\n')).toEqual({
      ok: false, problem: { line: 2, reason: 'a quote inside a quoted field must be doubled ("")' },
    });
  });

  it('an empty file has no header', () => {
    expect(readCsvTable('')).toEqual({ ok: false, problem: { line: 1, reason: 'the file is empty: a header row is needed' } });
  });
});
