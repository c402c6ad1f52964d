// COPY … FROM STDIN in PostgreSQL's text format: rows are tab-separated lines, written in large
// chunks with backpressure, so millions of rows go in one statement per table rather than one
// INSERT each (several hundred times fewer round trips).
import postgres from 'postgres';
import type { Writable } from 'node:stream';

const CHUNK_BYTES = 1 << 20;

export type CopyValue = string | number | boolean | null | Date | Buffer | object;

/** One field in COPY text format: `\N` for null, backslash escapes, bytea as `\\x<hex>`. */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export interface CopyWriter {
  row(values: readonly CopyValue[]): Promise<void>;
  /** Flushes and waits until the server has taken every row. */
  end(): Promise<void>;
  readonly rows: number;
}

/** A COPY into `table (columns)` on a connection of its own (one pool would queue a second COPY behind the first). */
export async function copyInto(url: string, table: string, columns: readonly string[]): Promise<CopyWriter> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const stream: Writable = await sql.unsafe(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`).writable();
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let buffer: string[] = [];
  let size = 0;
  let rows = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
  };
  return {
    get rows() {
      return rows;
    },
    async row(values) {
      const line = `${values.map(copyField).join('\t')}\n`;
      buffer.push(line);
      size += line.length;
      rows += 1;
      if (size >= CHUNK_BYTES) await flush();
    },
    async end() {
      await flush();
      stream.end();
      await finished;
      await sql.end();
    },
  };
}
