// The phrase lists that decide what counts as a question, kept as data (regex sources) so that an admin
// can extend them without touching the splitting logic. All are matched case-insensitively.

/** Openings of a sentence that asks for information (tested after a leading connective is removed). */
export const REQUEST_OPENERS = [
  String.raw`please\b(?!\s+(note|see|find|be aware|do not|don't|contact|treat|consider|accept|reply|respond|pass|direct|include|ensure|acknowledge|confirm (receipt|that you have received)|let me know (if|whether|when)|waive)\b)`,
  String.raw`(could|can|would|will) you\b(?!\s+(please\s+)?(confirm receipt|acknowledge|let me know if|contact me|get back|also include)\b)`,
  String.raw`(could|can|would|will) (the [\w ]{1,40}?|your [\w ]{1,40}?|[A-Z]{2,6}) (please |kindly |also )*(advise|provide|tell|confirm|send|supply|disclose|state|explain|let me know|list|share|give|inform|release|forward|indicate|detail)\b`,
  String.raw`(may|might|could|can) (I|we) (please |also |kindly )?(have|request|ask|obtain|receive|see|get|be (provided|sent|given))\b`,
  String.raw`(I|we)(\s+would|'d|\s+should)\s+(also\s+)?(like|be (grateful|obliged|interested|pleased)|appreciate|welcome)\b`,
  String.raw`(I|we)(\s+would|'d)\s+(also\s+)?ask\s+(you\s+)?(for|how|what|whether|which|who|when|if|that|to)\b`,
  String.raw`it would (also )?(be (helpful|useful|good|great|interesting) to (know|see|have|receive|get|learn)|help (me )?to (know|see|understand))\b`,
  String.raw`(I|we)\s+(am |'m |are |also |hereby |therefore |now |further |would |will |must |do |should )*(request|requesting|ask(ing)? for|seek(ing)?|require|want to know|wish to (request|obtain|know|see|receive|have|be provided))\b`,
  String.raw`(how (many|much|often|long|far|frequently|is|are|was|were|do|does|did|has|have|will|would|many times))\b`,
  String.raw`kindly\b`,
  String.raw`(provide|send|supply|disclose|list|confirm|state|tell me|give me|share|forward|detail|indicate|explain|identify|specify)\b`,
  String.raw`((a|an|any|all|the|your|each)\s+)?((full|complete|total|overall|annual|yearly|actual|exact|estimated|average|current|latest|most recent|raw|monthly|weekly)\s+)*(cop(y|ies)|details|number|numbers|list|breakdown|figures|records|minutes|total|amount|value|names?|dates?|statistics|percentage|proportion|locations?|address(es)?|salary|salaries|budget|spend|expenditure|income|costs?|price|rates?|size|length|duration|reports?|polic(y|ies)|guidance|contracts?|agreements?|correspondence|communications|data|data ?set|information|documents?|documentation|evidence|results|outcomes?|count|quantity|volume|schedule|plans?|assessments?|audits?|invoices?|receipts?|emails?|letters?|notes|memos?|minutes|agendas?|papers)\s+(of|for|on|relating|regarding|showing|from|about|covering|detailing|held|concerning|in|between|that|which|sent|received|issued|made|per|by)\b`,
  String.raw`(any|all)\s+(information|correspondence|documents|documentation|records|emails|communications|reports|data|minutes|policies|guidance|notes|papers|material)\b`,
] as const;

/** Openings that only ask when the sentence ends with a question mark. */
/** Framing words removed before the opener test ("Under the FOI Act, please…", "I am writing to ask that you…"). */
export const REQUEST_FRAMES = [
  String.raw`^(I am|I'm|we are) writing\b.{0,120}?\b(to|in order to) (ask|request|enquire|inquire|seek)( for| about| whether| if)?( that you)?\s+`,
  String.raw`^(under|in accordance with|pursuant to|in line with|using|as per) (the )?(terms of (the )?)?[^,]{0,80}?\b(act|regulations|FOI|FOIA|EIR|EIRs|code of practice|legislation)\b( \d{4})?[,:]?\s+`,
  String.raw`^(I|we) (would like|wish|want|am writing|am asking|am requesting) to (request|ask for|obtain|see|know|receive|have)\s+`,
] as const;

export const QUESTION_WORD_OPENERS = [
  String.raw`(what|which|when|where|who|whom|whose|why|whether|is|are|was|were|has|have|had|does|do|did|will|would|can|could|should|in what|to what|on what|for what|if so|if not|and if)\b`,
] as const;

/** Leading words removed before the opener test ("And how many…", "Secondly, please…"). */
export const LEADING_CONNECTIVES = String.raw`^((and|also|additionally|further(more)?|finally|lastly|firstly|secondly|thirdly|moreover|in addition|separately|then|so|similarly|likewise|again|if so|if not|where (this|that) is the case|if (this|that) is the case|if applicable|where applicable)\b[,:;]?\s*)+`;

/** Sentences that are never questions: greetings, procedure, format, thanks, offers and legal reminders. */
export const NOT_A_QUESTION_PATTERNS = [
  String.raw`^(dear|hello|hi|good (morning|afternoon|evening)|to whom it may concern)\b[^.?!]{0,60}[,.!:]?\s*$`,
  String.raw`\b(section|s\.?)\s*16\b|\bdut(y|ies) to (provide )?advi[cs]e|\badvice and assistance\b|\bI (would )?remind you\b`,
  String.raw`\b(in|is|the|a|strong|wider|significant|legitimate) public interest\b|\btransparency and accountability\b|\baccountab(le|ility) (to|for) the public\b`,
  String.raw`\bconfirm\b.{0,40}\b(receipt|received|receiving)\b|\backnowledge?\b.{0,30}\b(receipt|request|e-?mail)\b|\backnowledgement\b`,
  String.raw`\b(regarding|about|concerning) (my|this) request\s*\.?$|\bwaive (the |any )?fees?\b`,
  String.raw`\bthe following (\w+ ){0,2}(questions?|information|data|details|requests?|queries|points|items|statistics|documents|records)\b[^:?]{0,120}[:.]?\s*$`,
  String.raw`^(thank(s| you)\b|many thanks)|\blook(ing)? forward to\b|\bgrateful for your\b|\bappreciate your (help|time|assistance)\b`,
  String.raw`\b(do not|don't) hesitate\b|\b(please )?(feel free to )?(contact|call|email) me\b|\bget in touch\b`,
  String.raw`\bif (you|this|my request|the request|it|anything|any (part|of))\b.{0,80}\b(clarif|unclear|any questions|queries|exceed|cost limit|appropriate limit|too (broad|wide|large|onerous)|not (held|possible|able)|unable|cannot|can't|deny|denied|refuse|withhold)`,
  String.raw`^if\b.{0,100}\b(cost limit|appropriate limit|cost of compliance|exceed(s|ed)?|go (over|beyond)|too (broad|wide|large|onerous))\b`,
  String.raw`\b(reserve the right|justify (this|your)|by reference to (specific|the relevant) exemption|release all non-exempt)`,
  String.raw`^(I would (like|prefer) to receive|I would prefer|my preferred (format|way)|please (send|provide) (the|this|your) (information|response|reply|data|answer)s? (in|by|electronically|as|via|to)\b|(the|this) (information|response) (can|may|should) be sent)`,
  String.raw`\b(when (can |will |should |might |could )?I (can |will |should |might |could )?(expect|receive|hear)|within(?<!\b(answered|responded to|dealt with|completed|closed|replied to|processed|handled|answered in full|met|resolved|decided|received a response|received a reply|a response|a reply) within) (the statutory )?(20|twenty) working days|as outlined by the statute)`,
  String.raw`^(I am|I'm|we are) (writing|emailing|contacting you)\b(?!.*\b(cop(y|ies)|details|number|list) of\b)`,
  String.raw`\b(make|makes|making|submit|submitting|lodge|send|sending) (a|an|this|my)?\s*(formal\s+)?(new\s+)?(freedom of information|FOI|FOIA|EIR|information|environmental information|subject access)?\s*request\b(?!.*\b(cop(y|ies)|details|number|list) of\b)`,
  String.raw`^(this|the following) (is|are|constitutes?) (a|an|my) .{0,40}request\b`,
  String.raw`\brequest(ing)? (the following |some )?information (under|in accordance with|pursuant to)\b.{0,80}(act|regulations|FOI|FOIA|EIR)\W*$`,
  // Procedure around the request, not an item of information: exemptions, links, format, cost limit, ID.
  String.raw`^if (any of )?(this|it|the (information|data|material|documents?)|any (part|of (it|this|the information)))\b.{0,80}\b(published|publicly available|already available|exempt\w*|withh\w+|redact\w*|engage\w*)\b`,
  String.raw`^if (it|this|that|they|one) (does|do|applies|apply|is engaged|are engaged)\b`,
  String.raw`\b(receive|have|get|send|provide|supply)\b (it|this|them|the (information|data|response|figures|reply|answers?|documents?))\b.{0,30}\b(in|as|by) (an? )?(excel|csv|spreadsheet|pdf|electronic|e-?mail|machine.readable|word|open|digital)\b`,
  String.raw`\b(it|this|they|the (information|data|response|figures|reply|answers?|documents?|spreadsheets?))\b (could|can|would|may|might) be (provided|supplied|sent|given|released|e-?mailed)\b.{0,30}\b(in|as|by|via) (an? )?(excel|csv|spreadsheet|pdf|electronic|e-?mail|machine.readable|word|open|digital|editable)\b`,
  String.raw`^I would be grateful (to receive|for|if you (could|would) (send|provide|supply)) (it|this|them|the (information|data|response|figures|reply|answers?))\b.{0,20}\b(in|as|by) `,
  String.raw`\b(whether|what)\b.{0,60}\b(fall|fit|come|be provided|provide|be (dealt with|answered|handled|met|complied with))\b.{0,20}\bwithin (the |that |this )?((cost|appropriate|fees?) )?limit\b`,
  String.raw`^(please )?(provide|send|supply|give)( me)?( with)? the following\b(?! (\w+ ){0,3}(of|about|on|for (each|every))\b)[^?:]{0,100}[.]?\s*$`,
  String.raw`\bwhat (identification|ID|proof of (identity|address))\b|\b(identification|proof of (identity|address)) (you need|you require|is needed|is required)\b`,
  // A breakdown of the figures already asked for is an instruction, not another question.
  String.raw`^(for (each|every|all) (of )?(these |those |the )?(figures?|numbers?|years?|items?|questions?|answers?|categor(y|ies)|of the above)|in (each|every|all) cases?)\b[^?]{0,40}\b(break(ing)? (it|this|them|these|those|the \w+) down|broken down|breakdown|split by|by (year|month|ward|gender|age|ethnicity))\b`,
  // How to deliver the answer.
  String.raw`^(please )?(send|email|e-mail|post) (everything|it|this|them|all of (it|this|them)|the (answers?|reply|response|information))\b[^?]{0,40}\b(electronically|by e-?mail|to (this|my|the) (e-?mail )?address|by post|as (a )?(pdf|spreadsheet|csv))`,
  // Where to send the request and how fast: procedure, not an item of information.
  String.raw`\b(help|assist) (me )?with (the|this|my) (below |above |following |attached )?(FOI |freedom of information |information )?request\b|\bin the right direction\b|\bwho (this|it|the request|my request) should (be )?(go|sent|directed|addressed|forwarded)|\b(best|better) (sent|directed|addressed|forwarded) to\b|\b(arrange|ensure) (for )?(this|the) (information|response|data|reply) (is |to be )?(provided|sent|released)\b`,
  // How the answer is laid out: "the information could be prepared to include…" is format, not an ask.
  String.raw`\b(information|data|response|answers?|figures|reply|spreadsheet)\b (could|should|can|would|may|might) be (prepared|presented|laid out|set out|formatted|arranged|structured)\b`,
  // Help asked for with rewording the request: the duty to advise and assist, not an item.
  String.raw`\b(your|some|any) (help|assistance|advice|guidance|steer)\b[^?]{0,40}\b(reword|rephrase|refine|narrow|reframe|word (it|this|my request))`,
] as const;

/**
 * A general ask that only introduces the specific ones after it ("please provide information on pest
 * control."): not a question when the request also contains specific questions.
 */
export const GENERAL_ASK_PATTERNS = [
  String.raw`\b(provide|send|give|request|requesting|seek|seeking|like|looking for|ask for|asking for|supply)\b.{0,20}?\b(me )?(with )?(some |the following |certain |further |any |all |this |the requested )?(information|data|details|figures|statistics)\b(?! (of|held|showing)\b)[^?]{0,160}$`,
  String.raw`\b(provide|send|supply) (this|the|these|that) (data|information|figures|statistics)\b`,
] as const;

/** Sentences that add to the question before them instead of asking something new. */
export const CONTINUATION_OPENERS = [
  String.raw`(this|these|that|it|they) (should|could|would|may|might|can|will|is to|includes?|is|are|need|needs)\b(?!\s+(also\s+)?(help|be (helpful|useful|good|great|interesting) to)\b)`,
  String.raw`(please )?(also )?(include|including|to include|covering)\b`,
  String.raw`(please )?(can|could|would) (this|these|that|it|they|the (data|information|figures)) (also )?be (broken|split|provided|given|separated|itemi[sz]ed)\b`,
  String.raw`(ideally|if possible|where possible|where available|broken down|please break|split by|by this I mean|by [^ ]+ I mean|for example|for instance|e\.g\.|i\.e\.|in particular|specifically|namely|such as)\b`,
  String.raw`I (am|'m) (only |particularly |mainly |specifically )?interested in\b`,
  String.raw`(for (each|the|every) (year|period|month|quarter|financial year|calendar year)|covering the|from \d|between \d)\b`,
] as const;

/** A lead-in that governs the list after it: the list is one question ("for each of the following:"). */
export const GOVERNING_LEAD_IN_PATTERNS = [
  String.raw`\b(for|in respect of|in relation to) (each|every|all) of the following\b`,
  String.raw`\bthe following (categories|areas|types|groups|headings|fields|departments|services|schools|sites|wards|years|periods|roles|grades|offences|crimes|reasons|causes|outcomes|purposes|grounds|methods|bands|age groups|time ?bands|time ?frames)\b`,
  String.raw`\b(broken down|split|categori[sz]ed|separated|disaggregated|itemi[sz]ed) (by|into|according to)\b`,
  String.raw`\b(including|to include|covering|such as)\W*$`,
  // Fields of each record: "for each claim, please include:", "prepared to include the following:".
  String.raw`\b(include|including|to include|covering|show|showing|giving|state|stating) the following\b`,
  String.raw`\bfor (each|every) (?!of\b)[^.?!:]{0,80}\b(please )?(include|includ(ing|es)|state|show|set out)\W*$`,
  // Criteria that pick the records asked for: "copies of the decisions where:", "cases in which:".
  String.raw`\b(where|whereby|in which|for which|such that|provided that)\s*:\s*$`,
] as const;

/** A lead-in that only introduces separate questions ("please answer the following questions:"). */
export const PREAMBLE_LEAD_IN_PATTERNS = [
  String.raw`\bthe following (questions?|information|data|details|requests?|queries|points|items)\b`,
  String.raw`\b(answer|respond to) (me |for me )?the following\b`,
  String.raw`\bfollowing questions\b`,
] as const;

/** List items that name a separate figure or document, not a mere category of one. */
export const DATA_FIELD_OPENERS = [
  String.raw`(the )?(total|number|no\.|amount|cost|costs|value|sum|percentage|proportion|average|date|dates|name|names|list|copy|copies|details|breakdown|how|what|which|when|who|whether|where|why|is|are|do|does|did|has|have|please|could|can|would|any|all|a copy|confirmation|the|a|an|my|your|our|their|its|each|every)\b`,
] as const;

/** A whole line that closes the letter: nothing after it is part of the request. */
export const SIGN_OFF_PATTERN = String.raw`^(yours (sincerely|faithfully|truly|respectfully)|(kind|kindest|best|warm|warmest|many) (regards|wishes|thanks)|regards|best|cheers|sincerely|with (thanks|best wishes|regards)|thanks( again| in advance)?|thank you( (very|so) much| in advance| for your (help|time|assistance))?( in advance)?)\s*[,.!]?\s*$`;
