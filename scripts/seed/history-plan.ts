// What one seeded case looks like, as a pure function of its index: when it came in, who sent it
// (a one-off requester, one of a few prolific ones, or one voice in a campaign), what it said and
// where it stands now. Deterministic, so a re-run seeds the same history.
import { seededRandom, type Random } from '../bench/synthetic-requests.js';

const DAY_MS = 86_400_000;
const FIRST = ['Alex', 'Priya', 'Tom', 'Grace', 'Mohammed', 'Eilidh', 'Sian', 'Daniel', 'Ruth', 'Kwame', 'Hannah', 'Oliver', 'Aisha', 'Callum', 'Megan', 'Rhys', 'Fatima', 'Liam', 'Zara', 'Owen'];
const LAST = ['Harper', 'Shah', 'Hallworth', 'Okafor', 'Reid', 'Morgan', 'Evans', 'Obi', 'Fletcher', 'Mensah', 'Patel', 'Campbell', 'Hughes', 'Khan', 'Murray', 'Price', 'Doyle', 'Nowak', 'Baker', 'Ellis'];
const WARDS = ['Northgate', 'Riverside', 'Old Town', 'Hillcrest', 'Marsh End', 'Kingsmead', 'Abbey', 'Castle', 'Westfield', 'Brookside'];
/** Prolific requesters (journalists, campaign groups, researchers): about a tenth of all requests. */
export const PROLIFIC_REQUESTERS = 25;
/** Campaigns: near-identical texts from many people within a few weeks. */
export const CAMPAIGNS = 40;

/** Written on the cases table when seeding finished, so a caller (the bench) can tell a complete seed. */
export const seededMarker = (cases: number, seed: number) => `seeded history: ${cases} cases, seed ${seed}`;

export type SeedStatus = 'acknowledged' | 'awaiting_clarification' | 'in_progress' | 'extended' | 'responded' | 'closed' | 'withdrawn' | 'under_review';

export interface Requester {
  name: string;
  address: string;
}

export interface CasePlan {
  index: number;
  receivedAt: Date;
  status: SeedStatus;
  requester: Requester;
  /** Which analysed template the text follows (ordinary requests), or the campaign's number. */
  template: number;
  campaign: number | null;
  /** A line making an ordinary request's text its own (a campaign's texts are identical). */
  detail: string | null;
  /** Target size of the raw message (2–20 KB, most near the small end, as plain mail is). */
  rawBytes: number;
  /** Later messages from the requester filed with the case (thanks, clarifications, chasers). */
  replies: number;
}

export interface HistoryShape {
  cases: number;
  years: number;
  now: Date;
  templates: number;
  seed: number;
}

function requesterFor(index: number, random: Random, shape: HistoryShape, campaign: number | null): Requester {
  if (campaign === null && random.next() < 0.1) {
    const k = Math.floor(PROLIFIC_REQUESTERS * random.next() ** 2);
    return { name: `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]}`, address: `requests.${k}@press.example.net` };
  }
  // One-off requesters mostly; drawn from a pool a little smaller than the case count, some write twice.
  const k = campaign === null ? Math.floor(random.next() * shape.cases * 0.75) : index;
  const first = FIRST[k % FIRST.length]!;
  const last = LAST[Math.floor(k / FIRST.length) % LAST.length]!;
  return { name: `${first} ${last}`, address: `${first}.${last}.${k}@example.org`.toLowerCase() };
}

/** Where a case of this age stands: most old ones finished, a few overdue, recent ones in hand. */
function statusFor(ageDays: number, random: Random): SeedStatus {
  const r = random.next();
  // Nothing is left unacknowledged: a seeded queue would be sent by the first run on top of it.
  if (ageDays < 2) return 'acknowledged';
  if (ageDays < 30) return r < 0.45 ? 'acknowledged' : r < 0.75 ? 'in_progress' : r < 0.85 ? 'awaiting_clarification' : r < 0.9 ? 'extended' : 'responded';
  if (ageDays < 90) return r < 0.5 ? 'responded' : r < 0.8 ? 'closed' : r < 0.9 ? 'in_progress' : r < 0.95 ? 'extended' : 'withdrawn';
  return r < 0.7 ? 'closed' : r < 0.92 ? 'responded' : r < 0.96 ? 'withdrawn' : r < 0.98 ? 'under_review' : r < 0.99 ? 'in_progress' : 'extended';
}

export function planCase(index: number, shape: HistoryShape): CasePlan {
  const random = seededRandom(shape.seed * 1_000_003 + index);
  const spanMs = shape.years * 365 * DAY_MS;
  // Volume grows over the years: about 12 % of the cases in the first year, 26 % in the last.
  const position = ((index + random.next()) / shape.cases) ** 0.75;
  const receivedAt = new Date(shape.now.getTime() - spanMs + position * (spanMs - 3_600_000));
  const slice = Math.min(CAMPAIGNS - 1, Math.floor(position * CAMPAIGNS));
  const campaign = random.next() < 0.1 * (0.3 + ((slice * 37) % 17) / 10) ? slice : null;
  const requester = requesterFor(index, random, shape, campaign);
  const from = new Date(receivedAt.getTime() - (30 + Math.floor(random.next() * 700)) * DAY_MS);
  return {
    index, receivedAt, requester, campaign,
    status: statusFor((shape.now.getTime() - receivedAt.getTime()) / DAY_MS, random),
    template: campaign ?? Math.floor(random.next() * shape.templates),
    detail: campaign !== null ? null
      : `This concerns the ${random.pick(WARDS)} area and the period from ${from.toISOString().slice(0, 10)} to date (my note ${index.toString(36)}).`,
    rawBytes: 2048 + Math.floor(18_432 * random.next() ** 3),
    replies: random.next() < 0.25 ? (random.next() < 0.2 ? 2 : 1) : 0,
  };
}
