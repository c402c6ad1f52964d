// Finds the period the requester wants the information for, verbatim ("last 5 years", "since 2019",
// "between April 2020 and March 2023"): officers check it against the cost limit and the records held.
import type { Evidence } from '../../domain/request-analysis.js';
import { allMatches } from './all-matches.js';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const NUMBER_WORD = String.raw`(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)`;
const YEAR = String.raw`(?:19|20)\d{2}(?:\s?[/-]\s?\d{2}(?!\d))?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DATE = String.raw`(?:${DAY}\s${MONTH}\.?,?\s${YEAR}|${MONTH}\.?\s${DAY},?\s${YEAR}|${DAY}\s${MONTH}|${MONTH}\.?,?\s${YEAR}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:the )?(?:financial |calendar |academic )?(?:year )?${YEAR})`;
const END = String.raw`(?:${DATE}|(?:the )?(?:present|current)(?: day| date)?|date|now|today)`;
const PERIOD_PREFIX = String.raw`(?:(?:each|every|per|for each of the|in each of the|for|in|over|during|within|covering)\s(?:calendar |financial |academic )?(?:year|month|quarter|week)?s?,?\s?)?`;

/** Period shapes, most specific first. Regex sources, case-insensitive. */
export const TIME_SPAN_PATTERNS = [
  String.raw`${PERIOD_PREFIX}(?:the\s)?(?:period\s)?(?:between|from)\s(?:the\s)?(?:dates?\sof\s)?${DATE}\s?(?:to|and|until|till|through|-|–|—)\s?${END}(?:\sinclusive)?`,
  String.raw`\b(?:the\s)?period\s(?:of\s)?${DATE}\s?(?:to|-|–|until)\s?${END}`,
  String.raw`\b(?:${DAY}\s)?${MONTH}\.?,?\s${YEAR}\s?(?:to|-|–|until)\s?${END}`,
  String.raw`(?:(?:calendar|financial|academic)\syears?\s)${YEAR}\s?(?:to|-|–|and)\s?${YEAR}`,
  String.raw`\b${YEAR}\s?(?:to|-|–|until)\s?(?:${YEAR}|date|the present(?: day| date)?)`,
  // A list of years; bounded, so that a long list with no "and" is not rescanned from each of its years.
  String.raw`\b${YEAR}(?:,\s${YEAR}){1,50},?\s(?:and|&)\s${YEAR}`,
  String.raw`${PERIOD_PREFIX}(?:the\s)?(?:last|past|previous|preceding)\s(?:${NUMBER_WORD}\s)?(?:full\s)?(?:calendar\s|financial\s|academic\s)?(?:years?|months?|weeks?|days?|decades?)`,
  String.raw`\bsince\s(?:the\s(?:beginning|start)\sof\s)?${DATE}`,
  String.raw`\b(?:calendar|financial|academic)\syears?\s${YEAR}`,
  String.raw`(?:\bthe\swhole\sof\s|\b(?:in|during|for)\s(?:the\s)?(?:calendar\s|financial\s|academic\s)?(?:year\s)?)${YEAR}(?:\s(?:calendar|financial|academic)\syear\b)?`,
] as const;

const PATTERNS = TIME_SPAN_PATTERNS.map((source) => new RegExp(source, 'gi'));
const STATUTE_YEAR = /\b(act|regulations|order|code|rules)\s*$/i;
const LEADING_PREPOSITION = /^(?:(?:in|during|for|over|within|covering)\s+(?:(?:each|every one|any)\s+of\s+)?(?=the\s(last|past|previous|whole|\d)|\d|(calendar|financial|academic)\s)|(?:over\s)?(?:the\s)?(?:period\s)?(?:from\s)?(?:the\sdates?\sof\s)?(?=\d|[a-z]{3,9}\.?\s\d))/i;

export function extractTimeSpan(text: string): Evidence | null {
  for (const pattern of PATTERNS) {
    for (const m of allMatches(pattern, text)) {
      const start = m.index;
      if (STATUTE_YEAR.test(text.slice(Math.max(0, start - 25), start))) continue;
      return trimPreposition(m[0], start);
    }
  }
  return null;
}

/** "in the last 5 years" → "the last 5 years"; "in 2017" → "2017": the requester's period, not our glue. */
function trimPreposition(phrase: string, start: number): Evidence {
  const lead = LEADING_PREPOSITION.exec(phrase)?.[0].length ?? 0;
  let text = phrase.slice(lead).replace(/(?<![\s,.;:])[\s,.;:]+$/, '');
  let offset = start + lead;
  const article = /^the\s(?=(last|past|previous)\s|\d)/i.exec(text);
  if (article) {
    text = text.slice(article[0].length);
    offset += article[0].length;
  }
  return { text, start: offset, end: offset + text.length };
}
