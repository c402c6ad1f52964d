// Finds where a requester invokes the duty to advise and assist (FOIA s.16, FOISA s.15, EIR reg 9): the
// acknowledgement must answer it and the officer must offer help to refine a request that is too wide.
import type { Evidence } from '../../domain/request-analysis.js';
import { unwrapSoftBreaks } from './text-lines.js';

/** Words by which a requester asks the authority for help, advice or suggestions. */
const HELP_ASKED = String.raw`advi[sc]e|advice|guidance|steer|suggest|suggestions?|recommend|recommendations?|right direction|help|assist|assistance|pointers?|tips|ideas|input|indication|views?`;

/** What the help is for: changing the request so that it can be answered. */
const REFINE_VERB = String.raw`(refine|reframe|frame|rephrase|phrase|reword|word|narrow|cut (it |this |them )?down|trim|scale (it |this )?(back|down)|focus|restrict|reduce|split|limit|amend|adjust|modify|restructure|structure|put|ask) (it|this|that|them|the (request|question|questions|items?|scope)|my (request|question|questions)|these)\b|(refine|reframe|rephrase|reword|narrow|trim|focus|restrict|reduce|amend|adjust|modify)\b|make (it|this|that|them|the (request|question|questions|items?)|my (request|question|questions)) (more )?(answerable|manageable|workable|feasible|possible|easier)\b|(bring|get|keep) (it|this|them|the request|my request) (within|under)\b`;

/** The same change said passively: "how the question could be reworded". */
const REFINED = String.raw`(refined|reframed|framed|rephrased|phrased|reworded|worded|narrowed|cut down|trimmed|scaled (back|down)|focused|focussed|restricted|reduced|split|limited|amended|adjusted|modified|restructured|structured|put|made (more )?(answerable|manageable|workable|feasible|possible))\b`;

/** Phrases that cite the duty or ask for help to refine the request. Regex sources, case-insensitive. */
export const SECTION16_PATTERNS = [
  String.raw`\bsection\s*16\b(\s*\(\d\))?(?!\s*(of|under) the (?!freedom of information)[A-Z][\w ]{0,40}\b(act|regulations|order)\b)`,
  String.raw`\bs\.?\s?16\b(\s*\(\d\))?(?!\s*(of|under) the (?!freedom of information)[A-Z][\w ]{0,40}\b(act|regulations|order)\b)`,
  String.raw`\bdut(y|ies) to (provide )?(advi[sc]e|advice) and (to )?assist`,
  String.raw`\bduty to (provide )?(reasonable )?advice and assistance\b`,
  String.raw`\badvice and assistance\b`,
  String.raw`\bhelp (me |us )?(to )?(refine|reframe|rephrase|narrow|redirect|clarify|focus) (my|the|this) (request|question)`,
  String.raw`\badvi[sc]e (me )?(on |about |as to )?how (I|we) (can|could|may|might|should) (refine|reframe|narrow|rephrase|amend|modify)`,
  String.raw`\b(does|would|will|could|can) (that|this|it|the (narrowed|revised|amended) request)\b.{0,40}\b(bring|fit|be|come|fall|get)\b.{0,30}\b(within|under)\b.{0,25}(\bcost|\bappropriate|\bfees?|\btime|£\s?\d{3}) ?limit`,
  String.raw`\badvise (me )?(on )?how (my|the|this) request (can|could|may|might|should) be (refined|reframed|narrowed|rephrased|amended|modified)`,
  String.raw`\b(contact|advise|inform) me\b.{0,40}\bso (that )?I (can|could|may|might) (refine|narrow|reframe|rephrase|amend)`,
  // Being told what could be covered so as to cut the request down: "tell me how many months you could cover, so I can cut it down".
  String.raw`\b(tell|let|advise|inform|show)( me| us)?( know)?\b[^.?!]{0,80}?\bso (that )?(I|we) (can|could|may|might) (cut|trim|narrow|reduce|scale|refine|reframe|rephrase|amend) (it|this|them|the request|my request)\b`,
  String.raw`\bwhat (information )?(can|could|would) be (provided|supplied|disclosed|released|possible) within (the )?((cost|appropriate|fees?|time) )?limit`,
  String.raw`\bwhat (information )?(you|the \w+) (can|could|would be able to|are able to|is able to) (provide|supply|disclose|release|give me)\b.{0,20}\bwithin (the (\w+ )?limit|(that|this) limit|it|that|this)`,
  String.raw`\b(confirm|tell me|let me know|advise( me)?|know|ask|check|say|indicate) (whether|if) (this|that|it|my|the) ?(narrower|narrowed|revised|amended|reduced|refined|new|shorter)? ?(version|request|scope|question)?\b.{0,30}\b(would|will|could|can|does|might)\b.{0,15}\b(fall|fit|come|be|bring it)\b.{0,20}\b(within|under|inside)\b.{0,20}(cost|appropriate|fees?|time)? ?limit`,
  String.raw`\b(advice|advise|guidance|help)\b.{0,30}\bhow (to|I (can|could|might|may)) (bring|get|keep) (it|this|the request|my request) (within|under)\b`,
  String.raw`\bsection\s*15 of (the )?(FOISA|freedom of information \(scotland\))`,
  String.raw`\b(EIR|environmental information regulations)\b.{0,60}\breg(ulation)?\.?\s*9\b|\breg(ulation)?\.?\s*9\b.{0,60}\b(EIR|environmental information regulations)\b`,
  String.raw`\b(duty|duties|obligations?) under reg(ulation)?\.?\s*9\b|\breg(ulation)?\.?\s*9\b.{0,60}\b(advi[cs]e|assist|help me|narrow|refine)`,
  String.raw`\b(tell|show|advise|let) me (know )?how (I|we) (can|could|may|might|should) (best )?(refine|reframe|narrow|rephrase|amend|modify|reduce|restrict|focus)`,
  // Asking the authority for help, advice or suggestions on how to refine the request, in any words:
  // "a steer on how best to word it", "open to your suggestions on how to make it answerable".
  String.raw`\b(${HELP_ASKED})\b[^.?!\n]{0,60}?\b(how|in what way|what way|ways?)( best)?( (to|I|we) (could |can |might |may |should |would )?(best )?(${REFINE_VERB})| (it|this|that|they|these|the (request|question|questions|items?)|my (request|question|questions)) (could|can|might|may|should|would need to) (best )?be (${REFINED}))`,
  // Help to choose what fits: "a steer on which parts you could manage within the limit".
  String.raw`\b(${HELP_ASKED})\b[^.?!\n]{0,40}?\bwhich (of (the|these|those|my) )?(parts?|items?|questions?|elements?|aspects?|bits|sections?|ones|of (them|these|those))\b[^.?!\n]{0,30}?\b(you|the (council|authority|force|trust|board|department|university|ICB|team))( would| could| can| might| are able to| would be able to| could be able to)+ (manage|provide|answer|supply|deal with|handle|do|cover|release)\b`,
  // Asking to be contacted to work out a narrower request together.
  String.raw`\b(contact|get in touch with|call|ring|phone|speak to|talk to|email|e-mail) (me|us)\b[^.?!\n]{0,60}?\b(discuss|agree|work out|talk about|find)\b[^.?!\n]{0,40}?\b(narrow\w*|refin\w*|reduc\w*|rephras\w*|refram\w*|scope|a (narrower|more manageable|workable|smaller))\b`,
  String.raw`\badvi[sc]e and assist\b|\bassist(ance)? and advi[sc]e\b`,
  // Help named with the change as a gerund: "any advice on narrowing it", "assistance in rewording the request".
  String.raw`(?<!\bthank(s| you) for (your |the |all (of )?your |any )?)\b(advice|guidance|steer|suggestions?|recommendations?|help|assistance|pointers?|input)\b (with|in|on|about|as to|towards?) (narrowing|refining|reframing|rephrasing|rewording|re-wording|wording|phrasing|framing|trimming|focusing|focussing|scoping|restricting|reducing|restructuring|splitting|amending) (it|this|them|the (request|question|questions|items?|scope)|my (request|question|questions)|these|down)?\b`,
  // Asking for the authority's proposal when the request is too big: "if it is too wide, what would you suggest?"
  String.raw`\b(limit|too (broad|wide|large|big|much|costly|expensive|time-consuming|onerous)|exceed\w*|burdensome|unmanageable)\b[^.?!\n]{0,80}?\bwhat (would|do|could|might|can) you (suggest|recommend|advise|propose)\b`,
  // Help asked for, then what it is for as an infinitive: "I'd welcome your help to reword it".
  String.raw`\b(your|some|any|a little|the) (help|assistance|advice|guidance|steer)\b (to|in order to|so as to) (refine|reframe|rephrase|reword|re-word|word|narrow|focus|restructure|frame|tighten|clarify) (it|this|that|them|my|the)\b`,
  // Which parts could be answered: "could you tell me which parts you could answer within it".
  String.raw`\b(tell|let|advise|show|indicate|explain)( me| us)?( know)? which (of (the|these|those|my) )?(parts?|items?|questions?|elements?|aspects?|bits|ones)\b[^.?!\n]{0,40}?\byou\b[^.?!\n]{0,25}?\b(answer|manage|provide|supply|deal with|cover|handle|meet|cope with|do)\b`,
  // Advice before a request, on what is held, so that the request can be framed to be answerable.
  String.raw`\b(advi[sc]e|tell|let|show)( me| us)?( know)? what (information|records?|data|documents|material|files)\b[^.?!\n]{0,40}?\b(hold|holds|held|have|keep|kept|record|recorded)\b[^.?!\n]{0,80}?\bso (that )?(I|we) (can|could|may|might) (word|frame|phrase|make|put|target|focus|shape|write)\b`,
  // Help to redirect the request: "point me in the right direction", "if letters are not your responsibility, advice would be appreciated".
  String.raw`\b(point|direct|steer) (me|us) (in the right direction|to the (right|correct|appropriate) (person|team|body|authority|department|organisation))\b|\b(let me know|tell me|advise( me)?|suggest|indicate)( me| us)? (who|where|which (body|authority|organisation|department|team)) (I|we|this|it|the request|my request) (should|need to|needs to|must|ought to|could|can) (be )?(send|sent|direct|directed|address|addressed|forward|forwarded|go|redirect|redirected)\b`,
  String.raw`\bif (you are|you're|this is|the \w+ is) not the (correct|right|appropriate|relevant) (person|body|authority|organisation|department|team|public authority)\b[^.?!]{0,120}?\b(let me know|tell me|advise|suggest|point me|direct me|forward)\b|\b(is|are) not (your|the council's|the authority's|the trust's|the force's|the department's) (responsibility|remit)\b[^.?!]{0,80}?\b(advice|advise|let me know|tell me|point me|direct me|who)\b`,
  // When the request cannot be met as it stands, what could be: "if this is not possible, please advise what would be attainable".
  String.raw`\bif\b[^.?!]{0,80}?\b(not possible|too (wide|broad|large)|unclear|exceeds?|exceeding|cannot be (answered|met|provided)|over the (cost |appropriate )?limit)\b[^.?!]{0,80}?\b(advi[sc]e|tell me|let me know|indicate|suggest)\b[^.?!]{0,40}?\bwhat\b|\bwhat steps (I|we) (need|would need|should|must|have) to take\b`,
  // How far to narrow: "advise me to what level I would need to reduce the time frame to come under the cost limit".
  String.raw`\b(advi[sc]e|tell|let|indicate|suggest)( me| us)?( know)?( on| as to)? (to )?(what|which|how (far|much|many))( \w+){0,3}\b[^.?!]{0,60}?\b(I|we) (would |will )?(need|have|ought) to (reduce|narrow|cut|shorten|restrict|refine|trim|limit)\b`,
  // Whether a narrowing fits: "can you confirm if just the first ten emails would keep it inside the cost limit".
  String.raw`\b(confirm|tell me|let me know|advise( me)?|explain|whether)\b[^.?!]{0,100}?\b(bring|brought|bringing|get|keep|fall|falls|come|comes|fit|fits)\b[^.?!]{0,30}?\b(within|under|inside) the (cost|appropriate|fees?) limit\b`,
] as const;

const COMPILED = SECTION16_PATTERNS.map((source) => new RegExp(source, 'i'));

export function detectSection16(wrapped: string): Evidence | null {
  const text = unwrapSoftBreaks(wrapped);
  let best: Evidence | null = null;
  for (const pattern of COMPILED) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.start)) {
      best = { text: match[0], start: match.index, end: match.index + match[0].length };
    }
  }
  return best;
}
