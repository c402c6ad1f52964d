// `node dist/scripts/explain-intake.js [--plans]`: runs every intake look-up (scripts/explain/
// intake-lookups.ts) with EXPLAIN ANALYZE on the database at DATABASE_URL, inside a transaction
// that is rolled back, and prints one table row each: the scans used, the planner's cost and the
// execution time (the second of two runs, so the cache is warm as in a running daemon).
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { intakeLookups } from './explain/intake-lookups.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Total Cost': number;
  Plans?: PlanNode[];
}

const { values } = parseArgs({ options: { plans: { type: 'boolean', default: false } } });
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The plan's scans, e.g. `Index Scan cases_reference_key`, `Seq Scan outbox`. */
function scans(node: PlanNode): string[] {
  const own = /Scan/.test(node['Node Type']) ? [`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name'] ?? ''}`.trim()] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

class RolledBack extends Error {}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the database to explain');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      say('| look-up | scans | cost | ms |');
      say('|---|---|---:|---:|');
      for (const lookup of await intakeLookups(tx)) {
        const run = () => tx.unsafe(`explain (analyze, format json) ${lookup.sql}`, lookup.params as never[]);
        await run();
        const [row] = await run();
        const [{ Plan: plan, 'Execution Time': ms }] = row!['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }];
        say(`| ${lookup.name} | ${[...new Set(scans(plan))].join(', ')} | ${plan['Total Cost'].toFixed(0)} | ${ms.toFixed(2)} |`);
        if (values.plans) {
          const text = await tx.unsafe(`explain (analyze) ${lookup.sql}`, lookup.params as never[]);
          say(text.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
        }
      }
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  } finally {
    await sql.end();
  }
}

await main();
