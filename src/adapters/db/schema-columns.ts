// Column types shared by the schema's tables: raw bytes, and text and JSON that PostgreSQL always accepts.
import { isAscii } from 'node:buffer';
import { sql, type SQL } from 'drizzle-orm';
import { customType, timestamp } from 'drizzle-orm/pg-core';
import { toStorableText, toStorableValue } from '../../pipeline/parse/storable-text.js';

// Sent as text and decoded by the server: postgres.js would send a Buffer as hex text, twice its size,
// and a 2 MB message costs its bytes again in every copy on the way to the socket (the text, the
// driver's message buffer, the socket's copy), held until the main thread's next full collection.
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => byteaSql(value),
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Mail is nearly always 7-bit (attachments travel as base64): such bytes go as they are, in the
 * `escape` format (only a backslash doubled), a third smaller than base64; any other bytes (8-bit
 * text, a NUL, which text cannot carry) go as base64. The server decodes with `decode(text, format)`.
 */
export function byteaText(value: Buffer): { text: string; format: 'escape' | 'base64' } {
  if (isAscii(value) && !value.includes(0)) return { text: value.toString('latin1').replaceAll('\\', '\\\\'), format: 'escape' };
  return { text: value.toString('base64'), format: 'base64' };
}

function byteaSql(value: Buffer): SQL {
  const { text, format } = byteaText(value);
  return sql`decode(${text}, ${sql.raw(`'${format}'`)})`;
}

// PostgreSQL refuses NUL in `text` and `jsonb`, and lone surrogates (no UTF-8 form), failing the whole
// transaction. Parsing already makes what it reads storable; these column types make sure of it for
// every value written, whatever stage produced it (a flag quoting a subject, an event's details).
// The raw message keeps the original bytes in `bytea`.
export const mailText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => toStorableText(value),
});

export const jsonb = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(toStorableValue(value)),
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) as unknown : value),
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
