// A tracker exported from a spreadsheet, as a header and records numbered as the contract counts them
// (the header is record 1). csv-parse reads RFC 4180: quoted fields with commas, doubled quotes and line
// breaks, CRLF, a UTF-8 byte-order mark; hand-written splitting gets exactly those cases wrong.
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem } from './import-row.js';

export interface CsvRecord {
  /** The CSV record number, the header being 1 (blank lines are not records). */
  line: number;
  cells: string[];
}

export type CsvTable =
  | { ok: true; header: string[]; records: CsvRecord[] }
  | { ok: false; problem: ImportProblem };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Excel's plain "CSV" (not "CSV UTF-8") is saved in the Windows code page, 1252 in the UK: £ is one byte.
const WINDOWS_1252 = new TextDecoder('windows-1252');

function decode(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  try {
    return UTF8.decode(bytes);
  } catch {
    return WINDOWS_1252.decode(bytes);
  }
}

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': return 'a quoted field is never closed (a " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE': return 'a quote inside a quoted field must be doubled ("")';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': return 'text follows a closing quote';
    case 'INVALID_OPENING_QUOTE': return 'a quote opens in the middle of a field';
    default: return `the file is not valid CSV (${error.message.replace(/ at line \d+.*$/s, '')})`;
  }
}

type Parsed = { record: string[]; info: { records: number } };

export function readCsvTable(input: Uint8Array | string): CsvTable {
  const text = typeof input === 'string' ? input : decode(input);
  if (text === null) return { ok: false, problem: { line: 1, reason: 'the file is UTF-16 text: save it as "CSV UTF-8"' } };
  let parsed: Parsed[];
  try {
    // `info: true` wraps each record with its counts; csv-parse's types describe the records bare.
    parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Parsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // `records` counts the records read before the bad one, the header included.
    const records = typeof error.records === 'number' ? error.records : 0;
    return { ok: false, problem: { line: records + 1, reason: reasonOf(error) } };
  }
  const [first, ...rest] = parsed;
  if (!first) return { ok: false, problem: { line: 1, reason: 'the file is empty: a header row is needed' } };
  return { ok: true, header: first.record, records: rest.map((r) => ({ line: r.info.records, cells: r.record })) };
}
