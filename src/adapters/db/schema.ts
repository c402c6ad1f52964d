// The database schema (drizzle). One source for PGlite and PostgreSQL 15: keep to SQL that
// PostgreSQL 15 runs. Migrations in drizzle/ are generated from these files by drizzle-kit.
export * from './schema-cases.js';
export * from './schema-learning.js';
export * from './schema-operations.js';
