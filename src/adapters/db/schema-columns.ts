// Column types shared by the schema's tables: raw bytes, and text and JSON that PostgreSQL always accepts.
import { sql } from 'drizzle-orm';
import { customType, timestamp } from 'drizzle-orm/pg-core';
import { toStorableText, toStorableValue } from '../../pipeline/parse/storable-text.js';

// Sent as base64 and decoded by the server: postgres.js would send a Buffer as hex text, twice its
// size, and a 2 MB message costs its bytes again in every copy on the way to the socket.
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => sql`decode(${value.toString('base64')}, 'base64')`,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

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
