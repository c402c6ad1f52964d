// `foi-intake cases list [--json]`: every case, newest last; JSON Lines in the contract's fields.
import { listCases, type CaseListing } from '../adapters/db/case-queries.js';
import type { Db } from '../adapters/db/database.js';

export async function runCasesList(db: Db, json: boolean, write: (line: string) => void, filter: { mailbox?: string } = {}): Promise<void> {
  const all = await listCases(db, filter);
  for (const c of all) write(json ? JSON.stringify(c) : describeCase(c));
  if (!json && all.length === 0) write('no cases');
}

export function describeCase(c: CaseListing): string {
  const lines = [
    `${c.reference}  ${c.kind}  ${c.status}  received ${c.receivedAt.slice(0, 10)}  due ${c.dueDate ?? '-'}  ${c.subject}`,
    ...c.questions.map((q, i) => `    ${q.number ?? i + 1}. ${q.text}`),
    ...c.flags.map((f) => `    ! ${f}`),
  ];
  return lines.join('\n');
}
