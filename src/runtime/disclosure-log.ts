// The disclosure log's entries from the database, for `export disclosure-log` and the console's reports
// page: the responses officers validated for publication, with personal data removed (src/reports).
import type { Db } from '../adapters/db/database.js';
import { loadCasesWithHistory, loadPublishedCaseDetails } from '../adapters/db/outcome-queries.js';
import { outcomeCaseFromEvents } from '../pipeline/case/outcome/outcome-case.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { disclosureEntries, type DisclosureEntry, type DisclosureSource } from '../reports/disclosure-log.js';

// The request as the requester wrote it; the questions split at intake when the message is gone (purged) or unreadable.
async function requestTextOf(raw: Buffer | null, questions: readonly string[]): Promise<string> {
  if (raw) {
    try {
      const text = (await parseMail(raw)).text.trim();
      if (text) return text;
    } catch {
      // Unreadable mail still has its questions, split when it arrived: the entry falls back to them.
    }
  }
  return questions.join('\n');
}

export async function disclosureLogOf(db: Db): Promise<DisclosureEntry[]> {
  const loaded = await loadCasesWithHistory(db, { validatedOnly: true });
  const details = await loadPublishedCaseDetails(db, loaded.map((c) => c.id));
  const sources: DisclosureSource[] = [];
  for (const c of loaded) {
    const d = details.get(c.id);
    if (!d) continue;
    const oc = outcomeCaseFromEvents(c.source, c.events);
    sources.push({
      reference: oc.reference, regime: oc.regime, receivedDate: oc.receivedDate, respondedOn: oc.respondedOn, subject: d.subject,
      requestText: await requestTextOf(d.raw, d.questions), questions: d.questions, requester: d.requester, outcome: oc.outcome,
      provisions: oc.provisions, attachments: d.attachments, validated: oc.validated,
    });
  }
  return disclosureEntries(sources);
}
