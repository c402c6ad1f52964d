// `classifier train|activate|use|list` share their logic with the console's admin pages: it lives in
// src/runtime/classifier-tuning.ts; this name stays for the commands and their tests.
export * from '../runtime/classifier-tuning.js';
