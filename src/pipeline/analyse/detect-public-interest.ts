// Finds a requester's argument that disclosure serves the public (accountability, public money, safety,
// informed debate): officers must weigh it in any public interest test, so it is flagged with its text.
import type { Evidence } from '../../domain/request-analysis.js';
import { allMatches } from './all-matches.js';
import { splitSentences, unwrapSoftBreaks } from './text-lines.js';

/** Those in whose name a requester argues for disclosure (not "I", which is a private purpose). */
export const PUBLIC_GROUPS = String.raw`public|residents|tenants|taxpayers|council ?tax ?payers|ratepayers|citizens|people|patients|parents|families|voters|electorate|community|communities|service users|users|councillors|members of the public|local people|staff and the public|passengers|commuters|motorists|road users|pedestrians|cyclists|pupils|students|leaseholders|households|constituents|neighbours|carers|society`;

/** Phrases that on their own make an argument for disclosure. Regex sources, case-insensitive. */
export const PUBLIC_INTEREST_ARGUMENT_PATTERNS = [
  String.raw`\b(is|be|are|was|would be|remains) (clearly |indeed |very much |firmly |also )?in the (wider |broader |general )?public interest\b`,
  String.raw`\b(strong|significant|legitimate|considerable|clear|genuine|overwhelming|wider|substantial|compelling|great|general|real|serious|high|obvious|important|keen) (level of )?public interest in\b`,
  String.raw`\bpublic interest in (the )?(disclos|releas|publish|knowing|understanding|transparen|accountab|openness|scrutin)`,
  String.raw`\bpublic interest (in (favour of )?disclosure |in releasing[^.]{0,80})?outweighs?\b`,
  String.raw`\boutweighs? the public interest\b`,
  String.raw`\b(serves?|serving|further|furthers|promote|promotes) the public interest\b`,
  String.raw`\btransparency and accountability\b|\baccountability and transparency\b`,
  String.raw`\b(hold|holding|held) (public )?(authorities|bodies|officials|the (council|authority|force|department|government|trust|board)) to account\b`,
  String.raw`\binformed (public )?debate\b|\b(inform|informs|contribute to|further|furthers|aid) (the |a )?(wider )?public debate\b`,
  String.raw`\b(the )?public (has|have) (a|every|the) right to (know|access|see|understand|scrutini[sz]e)\b|\bright of the public to know\b`,
  // Interest beyond the requester: "there is currently great interest in what these reviews will entail".
  String.raw`\bthere (is|has been|remains|was) (currently |now |already |clearly |a )?(great|considerable|significant|widespread|much|growing|intense|real|genuine|strong|wide|huge|a lot of|a great deal of) (public |media |national |local |community )?(interest|concern|debate)\b`,
  String.raw`\b(how|where|whether) (public|taxpayers'?) (money|funds) (is|are|was|were|has been|have been) (spent|used|allocated)`,
  String.raw`\bpresumption in favour of disclosure\b`,
  String.raw`\bhold(s|ing)? (\S+ ){1,5}?to account\b`,
  // Who is owed the information: "tenants deserve to know", "the public have every right to understand".
  String.raw`\b(${PUBLIC_GROUPS}|they|we|everyone|everybody)\b[^.;!?]{0,80}?\b((have|has|had) (every|a|the|an absolute) right to|deserves? to|(are|is) entitled to|need(s)? to be able to|ought to be able to|should be able to) (know|understand|see|judge|scrutini[sz]e|find out|check|assess)\b`,
  // What disclosure would achieve: "publishing these figures would let residents check…".
  String.raw`\b(releas\w*|disclos\w*|publish\w*|publication|making (this|these|the \w+) (public|available))\b[^.;!?]{0,80}?\b(would|will|could|can)\b[^.;!?]{0,20}?\b(allow|let|enable|help|permit|give|assist)\b[^.;!?]{0,60}?\b(${PUBLIC_GROUPS}|scrutiny|debate|account|confidence|trust)\b`,
  String.raw`\b(proper|public|independent|democratic|wider) scrutiny\b`,
  // A public group's stake in the information: "taxpayers have a legitimate interest in knowing…".
  String.raw`\b(${PUBLIC_GROUPS}|they|we)\b[^.;!?]{0,80}?\b(have|has|had) (a|an) (\w+ )?(interest|stake) in (knowing|seeing|understanding|scrutinising|scrutinizing|finding out|checking|judging|being told)\b`,
  // What disclosure would let the public do, said passively: "so that the figures can be checked by the people paying".
  String.raw`\b(checked|scrutini[sz]ed|examined|seen|judged|tested|challenged|understood|assessed|questioned) by (the )?(${PUBLIC_GROUPS}|people|those) (paying|who pay|affected|footing)\b|\b(checked|scrutini[sz]ed|examined|judged|tested|challenged|assessed) by (the )?(public|residents|taxpayers|council ?tax ?payers|local people|voters|electorate)\b`,
  // That the public ought to see it: "a compelling case for the public seeing the numbers".
  String.raw`\b(strong|compelling|clear|overwhelming|powerful|good|legitimate|real|serious|obvious) (case|argument|reason|justification)s? (for|in favour of) (the (public|people|residents|taxpayers)\b|(the )?(disclosure|disclosing|release|releasing|publication|publishing|openness|transparency)\b)`,
  // Importance to the public named as such: "a matter of genuine public concern".
  String.raw`\b(matter|issue|subject|question|one|topic) of (real |genuine |great |considerable |significant |wide |wider |legitimate |proper |serious |obvious |general |high |clear |particular |major |pressing )*public (importance|concern|significance)\b|\b(real|genuine|great|considerable|significant|wide|legitimate|proper|serious|obvious|clear|major|pressing) public (importance|concern|significance)\b`,
  // The authority ought to be open: "the council should be transparent about what these schemes cost".
  String.raw`\b(council|authority|force|trust|board|department|government|ICB|university|college|school|police|NHS|ministers|officials|public bod(y|ies)|they)\b (should|must|ought to|needs? to|has a duty to) be (more |fully |completely )?(open|transparent|accountable|upfront|candid)\b(?! (from|on|until|between|at|for business)\b)`,
] as const;

/** Cues that support an argument only when two of them, or one with a reason, share a sentence. */
export const PUBLIC_INTEREST_SUPPORTING_CUES = [
  String.raw`\bpublic (money|funds|purse|spending|expenditure|borrowing|resources|finances)\b|\b(council )?(tax ?|rate ?)payers?'? (money|funds|cash)\b|\bpublicly funded\b`,
  String.raw`\b(safety|health|wellbeing|welfare|protection) of (the )?(${PUBLIC_GROUPS}|local people|children|young people|vulnerable (people|adults|children)|road users)\b`,
  String.raw`\baccountab(le|ility)\b`,
  String.raw`\btransparen(t|cy)\b(?! (page|pages|portal|report|reports|code|data|log|logs|website|site|section|register|hub|returns?)\b)`,
  String.raw`\bpublic (safety|health|trust|confidence|understanding|scrutiny)\b`,
  String.raw`\bvalue for money\b`,
  String.raw`\bpublic debate\b`,
] as const;

/** Reasons that turn a bare "in the public interest" into an argument when they follow it: public money by its source. */
const PUBLIC_MONEY_REASONS = /\b(received|receives|awarded|given|granted|paid)\b[^.]{0,40}£ ?\d|\b(government|state|lottery) (funding|funds|grants?|money)\b|\b(locals|residents|taxpayers|the community) (have|has) (invested|paid|contributed|funded)\b/i;

/** Saying that disclosure is in the public interest: an argument when the next sentence gives the reason. */
const PUBLIC_INTEREST_ASSERTED = /\b(on|upon) (the )?grounds? (of|that) (the )?public interest\b|\b(is|be|are) in the public interest\b|\bpublic interest (grounds|reasons)\b/i;
/** A cue said inside what is asked for ("provide me with any transparency about…") is part of the request. */
const REASON_OPENER = /\b(so that|so|because|in order to|as|since|given)\b/gi;
const ASKED_FOR_BEFORE = /\b(provide|send|disclose|supply|release|give)( me| us)?( with)?\b|\bcop(y|ies) of\b|\bgrateful if you could\b/i;

/**
 * Phrases that only name a subject ("transparency and accountability", "public scrutiny"): they argue for
 * disclosure unless the requester names them as what they are studying or pursuing for themselves.
 */
const TOPIC_ONLY = /^(transparency and accountability|accountability and transparency|(proper|public|independent|democratic|wider) scrutiny)$/i;

/** A private purpose or the requester's own activity: research, a dissertation, market research, own case. */
const PRIVATE_PURPOSE = new RegExp(
  String.raw`\b(my|our) (own )?(research|dissertation|thesis|study|studies|project|PhD|MSc|MA|degree|coursework|essay|book|article|business|company|firm|clients?|case|claim|appeal|tribunal|records?)\b|\bmarket research\b|\b(research|academic|personal|commercial|business|marketing|sales) (purposes|use|reasons)\b|\bI(('m| am| have been| was)| (am|was) (simply|only|just))? (researching|studying|pursuing|writing (a|my|an) (dissertation|thesis|book|essay|article|report)|investigating|looking into|interested in)\b`,
  'i',
);

/** A requested item ("Any report assessing whether the public interest…"), not an argument. */
const REQUESTED_ITEM = /^\s*(\(?[0-9a-z]{1,4}[.)]\s+|[-*•]\s+)?(a copy of|copies of|a list of|(any|all)( \w+){0,3} (reports?|records?|documents?|correspondence|e-?mails?|minutes|briefings?|assessments?|papers?|notes|information|data|analys[ie]s|reviews?|audits?|policies|policy|guidance|advice)|details of|the (minutes|agenda|report|reports|assessment|assessments|records?|correspondence|emails?|notes|briefings?|papers?) (of|from|on|about|relating|concerning|regarding|which|that|setting|showing|assessing|considering)|minutes|records|documents|correspondence|emails|reports|briefings|information (on|about|relating|concerning|regarding|held))\b/i;

const REASON_MARKER = /\b(because|as|since|given|so that|so(?! (far|much|many|long|called)\b)|in order to|ensure|important|vital|essential|necessary|help|allow|enable|concern|interest|matters?|at stake|at risk)\b/i;
const ARGUMENTS = PUBLIC_INTEREST_ARGUMENT_PATTERNS.map((s) => new RegExp(s, 'i'));
const CUES = PUBLIC_INTEREST_SUPPORTING_CUES.map((s) => new RegExp(s, 'i'));

export function detectPublicInterest(wrapped: string): Evidence | null {
  return readPublicInterest(wrapped).evidence;
}

/** The argument found, and whether it is one on its own (`strong`) or a cue that needed a reason beside it. */
export function readPublicInterest(wrapped: string): { evidence: Evidence | null; strong: boolean } {
  const text = unwrapSoftBreaks(wrapped);
  let asserted: Evidence | null = null;
  for (const sentence of splitSentences(text, 0, text.length)) {
    if (/\?\s*$/.test(sentence.text) || REQUESTED_ITEM.test(sentence.text)) continue;
    const argument = findArgument(sentence.text);
    const evidence = argument ?? findSupportedCue(sentence.text);
    if (evidence) return { evidence: { text: evidence.text, start: sentence.start + evidence.start, end: sentence.start + evidence.end }, strong: argument !== null };
    const reason = CUES.some((cue) => cue.test(sentence.text)) || PUBLIC_MONEY_REASONS.test(sentence.text);
    if (asserted && reason && !PRIVATE_PURPOSE.test(sentence.text)) return { evidence: asserted, strong: false };
    const assertion = PUBLIC_INTEREST_ASSERTED.exec(sentence.text);
    asserted = assertion ? { text: assertion[0], start: sentence.start + assertion.index, end: sentence.start + assertion.index + assertion[0].length } : null;
  }
  return { evidence: null, strong: false };
}

function findArgument(sentence: string): Evidence | null {
  for (const pattern of ARGUMENTS) {
    const match = pattern.exec(sentence);
    if (match && TOPIC_ONLY.test(match[0]) && PRIVATE_PURPOSE.test(sentence)) continue;
    if (match) return { text: match[0], start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/** Whether the words before a cue ask for something with no reason given in between ("provide any transparency about…"). */
function insideAsk(before: string): boolean {
  let lastReason = 0;
  for (const m of allMatches(REASON_OPENER, before)) lastReason = m.index + m[0].length;
  return ASKED_FOR_BEFORE.test(before.slice(lastReason));
}

function findSupportedCue(sentence: string): Evidence | null {
  const matches = CUES.map((p) => p.exec(sentence)).filter((m): m is RegExpExecArray => m !== null);
  const first = matches[0];
  if (!first) return null;
  if (matches.length < 2 && !REASON_MARKER.test(sentence.replace(first[0], ''))) return null;
  if (/^\s*(please|could|can|would|how|what|I would like|I request)\b/i.test(sentence)) return null;
  if (insideAsk(sentence.slice(0, first.index))) return null;
  if (PRIVATE_PURPOSE.test(sentence)) return null;
  return { text: first[0], start: first.index, end: first.index + first[0].length };
}
