// Phrase lists that tell a request's kind (FOI, EIR, SAR, internal review, clarification, complaint,
// chaser), kept as data (regex sources, case-insensitive) so that admins can extend them.
import type { RequestKind } from '../../domain/request-analysis.js';

export interface KindRule {
  kind: RequestKind;
  /** Where to look: the subject line, the requester's own text, or either. */
  in: 'subject' | 'body' | 'either';
  pattern: string;
  /**
   * A body match counts only in a follow-up: a reply (subject "Re:"), a message that refers to an earlier
   * request or to the authority's reply, or a short message. A subject match always counts.
   */
  onlyInReplyOrShort?: boolean;
  /** A body match counts only when the message asks nothing afresh ("By staff, I mean…" inside a new request defines it). */
  notWithNewAsks?: boolean;
  /** The message is about the FOI process itself (how to make a request): its topic is `other`. */
  aboutTheProcess?: boolean;
}

/** The requester's own personal data (UK GDPR Art. 15): one calendar month, not 20 working days. */
export const SAR_RULES: readonly KindRule[] = [
  // A count of SARs ("the number of subject access requests received") is an FOI question about them.
  { kind: 'sar', in: 'either', pattern: String.raw`(?<!\b(number|numbers|statistics|proportion|percentage|how many|volume|total) of )(?<!how many )(?<!\b(FOI|FOIA|FOISA|freedom of information|EIR) (and|or|&|\/) )\b(subject access request|DSAR|right of access|article 15|SAR)\b(?! (requests|timeliness|performance|compliance|statistics|figures|volumes|numbers|response times|handling|process|policy|procedures?|team|backlog)\b)` },
  { kind: 'sar', in: 'body', pattern: String.raw`\bmy (own )?personal (data|information)\b|\b(data|information|records|files?|notes|anything|everything|emails?|correspondence|documents)\b[^.?!\n]{0,50}\b(about|on|relating to|concerning|regarding|referring to|that (mention|mentions|name|names|refer to|refers to)|mentioning|naming|which (mention|mentions|name|names)) me\b` },
  { kind: 'sar', in: 'body', pattern: String.raw`\b(cop(y|ies) of|see|access|view|have|obtain|request|send me) (all )?(of )?my (own |full |complete |entire |whole )?([\w-]+ ){0,2}(records?|files?|case notes|notes|data|history)\b|\bmy (own |full |complete |entire )?(\w+ )?(medical|health|care|GP|hospital|personnel|HR|employment|social care|school|educational|education|student|housing|tenancy|case|council tax|benefits?) (records?|files?|notes)\b(?! (show|shows|indicate|suggest|say))|\bCCTV (footage|images) of me\b|\b(everything|all|anything) (on|in|from|held on) my (own )?([\w-]+ ){0,2}(records?|files?|notes|account)\b|\b(written|said|recorded|held|kept|put) (on your systems )?about me\b|\bmy (son|daughter|child|children)'s (\w+ ){0,2}(records?|file|data)\b|\bpersonal (data|information)\b[^.?!\n]{0,60}\b(about|on|relating to) (him|her|my (son|daughter|child|mother|father|late \w+))\b` },
  // "Under data protection law I would like…": the requester invokes the DPA/GDPR for themselves.
  { kind: 'sar', in: 'body', pattern: String.raw`\bunder (the )?(UK )?(GDPR|general data protection regulation|data protection (law|laws|legislation|act|rules))\b(?! (and|or) (the )?freedom)[^.?!\n]{0,60}\b(I|me|my)\b|\b(I|me|my)\b[^.?!\n]{0,60}\bunder (the )?(UK )?(GDPR|general data protection regulation|data protection (law|laws|legislation|act|rules))\b` },
  { kind: 'sar', in: 'body', pattern: String.raw`\b(notes|minutes|recordings?|comments|feedback|marks|records|reports?|assessments?|transcripts?)\b[^.?!\n]{0,30}\b(at|of|during|from|on|about) my (own )?(?!(local|area|ward|street|road|town|village|city|constituency|council|borough|county|neighbourhood|community|parish|nearest|MP|councillor)\b)([\w-]+ ){0,3}(hearings?|meetings?|interviews?|appointments?|assessments?|appeals?|dissertation|thesis|exams?|examination|applications?|case|complaints?|calls?|visits?|consultations?|grievance|disciplinary|tribunal)\b` },
  // What was written about the requester's own matter: "correspondence relating to my complaint against…".
  { kind: 'sar', in: 'either', pattern: String.raw`\b(correspondence|e-?mails?|letters?|documents?|records?|notes|information|files?|advice|reports?|minutes|data)\b[^.?!\n]{0,60}?\b(relating to|related to|regarding|concerning|about|on|in connection with|in relation to|connected with) my (own |original |formal |recent |previous |first |second )?(complaints?|case|application|claim|appeal|grievance|referral|account|tenancy|hearing|assessment|interview|dismissal|arrest|detention)\b` },
  // Footage of an incident the requester was in, wanted for their own claim.
  { kind: 'sar', in: 'body', pattern: String.raw`\b(CCTV|footage|body[- ]?worn|dash ?cam|camera recordings?)\b(?=[\s\S]{0,250}?\b(my (insurance|insurer|claim|accident|injur\w*|car|vehicle|solicitor)|I (was|got) (hit|injured|assaulted|attacked|involved|knocked))\b)` },
];

/** What was written or recorded about the requester's own hearing, appeal, exam or appointment is their personal data. */
/** Messages that ask for no recorded information: chasers, withdrawals, thanks, enquiries, bulk mail. */
export const OTHER_RULES: readonly KindRule[] = [
  { kind: 'other', in: 'either', pattern: String.raw`^[\s\S]{0,300}?\b(out of (the )?office|on annual leave|automatic reply|auto-?reply|undeliverable|delivery status notification|could not be delivered|mail delivery (subsystem|failed)|delivery has failed)\b` },
  { kind: 'other', in: 'body', pattern: String.raw`\bunsubscribe\b|\bmanage (your )?(e-?mail |mailing |subscription )?preferences\b|\byou (are|were) receiving this\b|\bview (this|it) (e-?mail )?in (your|a) (web )?browser\b` },
  { kind: 'other', in: 'either', onlyInReplyOrShort: true, pattern: String.raw`\bwhere (things|it|this|my request) (is|are) up to\b|\b(progress|update) (on|of|with) (my|this|the) (request|FOI|enquiry)\b|\bjust (checking|chasing|following up)\b|\bhas (it|my request|this) been (allocated|assigned|logged|registered|received|passed)\b|\b(have not|haven't|not yet) (had|received|seen) (an?|any) (acknowledge?ment|response|reply|reference)\b|\bconfirm (that )?(it|my request|this) (was|has been|had been) received\b|\b(give|send|provide) me (a|the) reference( number)?\b` },
  { kind: 'other', in: 'either', onlyInReplyOrShort: true, pattern: String.raw`\bchaser?\b|\bany (news|update)\b|\bstill (waiting|not received|awaiting)\b|\b(have|has) (now )?(passed|elapsed|expired)\b|\boverdue\b|\bwhen (can|will|might|should) I expect\b|\bwhen I might expect\b|\bstatus of my request\b` },
  { kind: 'other', in: 'either', onlyInReplyOrShort: true, pattern: String.raw`\bwithdraw (my|this|the) (whole |entire )?(FOI |information )?(request|application|enquiry)\b(?! (for|about) (item|part|question))|\bI (wish|would like|want) to withdraw\b|\b(close|cancel|drop) (my|this|the) (whole |entire |original )?(FOI |information |freedom of information )?(request|application|enquiry)\b(?! (for|about) (item|part|question))|\bI('ve| have) (now |since |already )?found (what I (wanted|needed|was looking for)|the information (I (wanted|needed|was looking for|requested|asked for)|elsewhere|online|on your website)|the answer)\b|\b(no longer|don't|do not) (need|require) (the information|this information|a response|a reply|this request)\b` },
  // How to make a request is a general enquiry, not a request for recorded information.
  { kind: 'other', in: 'either', onlyInReplyOrShort: true, aboutTheProcess: true, pattern: String.raw`\b(how|where) (do|can|should|would|might) I (make|submit|send|lodge|address|direct)\b|\b(right|correct|best|proper) (e-?mail )?address (for|to send|to use)\b|\bis it possible (for me )?to (make|submit|send|lodge) (a|an|my) ([\w-]+ ){0,4}request\b|\bcan (I|my \w+) (make|submit|send|lodge) (a|an|my|it) ([\w-]+ ){0,4}(request )?(by|over|via|in|on my behalf)\b|\b(do|would|will|must|should) I (need|have) to (fill in|fill out|complete|use|download) (a|an|the|any) ([\w-]+ ){0,3}(form|template)\b|\bcan I (just )?(e-?mail|write in|email you|write to you|phone|ring)( (it|this|you|in|them))?\s*[?]|\bis there a (fee|charge|cost) (for|to) (making|make|submitting|submit|sending|send) (a|an|my) ([\w-]+ ){0,3}request\b` },
  { kind: 'other', in: 'subject', aboutTheProcess: true, pattern: String.raw`\b(question|enquiry|query|help) (about|with|on) (making|submitting|sending|how to make|how to submit) (a|an|my) ([\w-]+ ){0,3}request\b` },
  // Thanks with nothing asked: no "?" and no request words anywhere in the message. (One "\n" after
  // the greeting, then `\s*`: with "\n+\s*" a long run of blank lines would be split every way.)
  { kind: 'other', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`^(?![\s\S]*\b(please|could you|can you|would you|I would like|I'd like|I mean|only|instead|rather|narrow|limit|confirm|clarif\w*|however|but)\b)(?:(?:hi|hello|dear)\b[^\n?]{0,60}\n)?\s*(?:many thanks|thanks|thank you)\b[^?]*$` },
];

/**
 * A follow-up that changes a pending request: narrows, modifies, withdraws an item, restates it, or asks
 * whether a narrowing fits the cost limit. Taken only in a follow-up (see `onlyInReplyOrShort`), so
 * that a new request's own fallback ("I can narrow it if needed") is not read as one.
 */
export const FOLLOW_UP_RULES: readonly KindRule[] = [
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(refine|narrow|restrict|reduce|limit|amend|modify|change|alter|revise|vary|adjust|reword|rephrase|shorten|update)(?<!\b(how|help|helping|assist|advise|advice|able|order|so that I (can|could)|so I (can|could)|to see if I (can|could)|I (can|could|may|might)|happy|willing|prepared|glad|content|if (needed|necessary|required)[^.?!\n]{0,20}) (to )?\w+)( down)? (my|the|our|this) (original |earlier |previous |initial |pending )?([\w-]+ ){0,2}(request|application|enquiry)\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\bI (will|shall|'ll|have decided to|would now like to|now wish to|wish to) (reduce|narrow|limit|restrict|shorten|cut|drop|remove|withdraw|exclude)\b(?![^.?!\n]{0,80}\bif (it|this|the (request|cost|search)|necessary|needed|required|you (cannot|can't|are unable)))|\bplease (now )?(only|just) (include|cover|provide|look at|search)\b|\b(only|just) (include|cover)\b[^.?!\n]{0,40}\binstead\b` },
  // Withdrawing or removing an item: "with the withdrawal of question 9", "item 4 can be dropped".
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(withdraw(al|ing|n)?|remov(e|al|ing)|exclu(de|sion|ding)|delet(e|ion|ing)|drop(ping)?)(?<!\bif\b[^.?!\n]{0,80})( of)? (question|item|part|point)s? \(?\d{1,2}\b|\b(question|item|part|point)s? \d{1,2}\b[^.?!\n]{0,30}\b(can be|is|are|has been|have been) (withdrawn|removed|deleted|dropped|excluded)\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(revised|amended|narrowed|refined|reworded|rephrased|resubmitted|re-submitted|updated)(?<!\b(a|an|new) \w+) (version of (my|the) )?(FOI |FoI |freedom of information |information |EIR |review )?(request|application|enquiry)\b|\b(resubmit|re-submit|resubmitting)\b|\bfollow[- ]?up \(?(to|of|on) (my|our|the|request|ref\w*|FOI|FoI|\d)` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(did not|didn't|do not|don't|may not have|might not have) (make|made) (myself|it|this|my (request|question)) (clear|clearer)\b|\bperhaps I (was not|wasn't) clear\b|\bmy (\w+ )?request (seemed|seamed|was (simply|only|quite|just|meant|intended|not))\b|\bI (was|wasn't) (not |only )?(after|asking for|looking for|seeking)\b` },
  // Asking whether a narrowed request now fits the cost limit (also a s.16 request for advice).
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(brought|bring|bringing|get|got|keep|kept) (it|this|that|the request|my request|the (revised|narrowed|amended) request) (within|under) the (cost|appropriate|fees?|time) limit\b` },
];

/** Tried in order; the first rule that matches decides (EIR by content is decided separately). */
export const KIND_RULES: readonly KindRule[] = [
  // A chaser about a review already asked for asks for nothing new: not a second review request.
  { kind: 'other', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(asked for|requested|sought|applied for) an? (internal )?review\b[\s\S]{0,300}?(\bwhen (will|can|might|should) I\b|\bstill (waiting|not|awaiting)\b|\boutstanding\b|\boverdue\b|\bnot (yet )?(received|had|heard)\b|\bany update\b|\b(more than|over) (\d+|twenty|forty) (working )?days\b)` },
  { kind: 'complaint', in: 'either', pattern: String.raw`\b(IC|ICO|information commissioner'?s?|regulator'?s?) review\b|\b(apply|applying|application|appeal|appealing|complain\w*|refer\w*) to the (ICO|information commissioner|scottish information commissioner|tribunal)\b` },
  // A letter addressed to the regulator is a complaint about an authority's handling.
  { kind: 'complaint', in: 'body', pattern: String.raw`^\s*(dear|to) (the )?(ICO|(scottish )?information commissioner('s office)?|commissioner)\b|\b(ask|request|invite|urge) the (information )?commissioner to (investigate|intervene|look into|consider|review|issue)\b` },
  // Wanting the regulator to act on an authority's handling, in any words: "I'd like the ICO to look into this".
  { kind: 'complaint', in: 'body', pattern: String.raw`\b(ask|asking|request|requesting|invite|urge|want|would like|'d like|wish) (for )?(the )?(ICO|(scottish )?information commissioner('s office)?|commissioner)( office)? to (investigate|intervene|look into|consider|review|issue|take action|order|require|step in|decide|make a decision)\b|\b(issue|serve) (a|an) (decision|enforcement|information) notice (requiring|ordering|on|against|to)\b` },
  { kind: 'complaint', in: 'subject', pattern: String.raw`^\s*(formal )?complaint (about|against|regarding|concerning|re:?|to the (ICO|information commissioner)|under section 50)\b` },
  { kind: 'internal_review', in: 'either', pattern: String.raw`\b(request(ing)?|ask(ing)? for|conduct|carry out|undertake|want|like|seek(ing)?) (an? )?(internal )?review of\b|\b(request(ing)?|ask(ing)? for|want|like|seek(ing)?) an internal review\b|\b(please|kindly|you to|you should|you must) (conduct|carry out|undertake) an? (internal )?review\b` },
  { kind: 'internal_review', in: 'either', pattern: String.raw`\brequirement for review\b|\breview (of )?(your|the) (decision|handling|response|refusal)\b|\b(I (wish|want|would like|intend) to|I am|I'm|I hereby) appeal(ing)? (against )?(your|the|this) (decision|refusal|response)\b` },
  { kind: 'internal_review', in: 'body', pattern: String.raw`\b(please|ask(ing)? you to|I request that you|urge you to|would you) (reconsider|review|revisit|look again at) (your|the|this|that) (decision|refusal|response|answer|reply)\b|\blook (at )?(the|your|this|that) (decision|refusal|response|answer|reply) again\b|\breconsider\b.{0,40}\bregulation 11\b|\b(representations?|reconsideration|review|appeal) (under|in accordance with|pursuant to|as provided by) reg(ulation)?\.?\s*11\b` },
  // Any written expression of dissatisfaction with a response is to be treated as a review request.
  { kind: 'internal_review', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(not|n't) (happy|satisfied|content) with (this|your|the|that) (reply|response|answer|decision|refusal)\b|\bI am (dissatisfied|unhappy) with (this|your|the|that) (reply|response|answer|decision|refusal|handling)\b|\bplease (look|check) (at (this|it) )?again\b` },
  // "Mandatory reconsideration" is a benefits process (Social Security Act 1998 s.12), not a review of a request.
  { kind: 'internal_review', in: 'subject', pattern: String.raw`\binternal review\b|\breconsideration\b(?<!\bmandatory reconsideration)|\bFOI(SA)? (request )?[-–:]? ?review\b|^\s*review (of|for) (my |our |the )?(FOI |FOISA |EIR |information )?(request )?(ref(erence)?\.? ?|no\.? ?)?[A-Z]{0,6}[-/ ]?\d{4,}` },
  // Asking for the review in other words: invoking the procedure, asking the authority to look again at its decision.
  { kind: 'internal_review', in: 'body', pattern: String.raw`\b(invoke|activate|trigger|start|initiate|begin|instigate|commence) (the|a|an|your) (internal review|review (procedure|process))\b|\b(asking|ask|request|requesting|urge|invite|want|like)\b[^.?!\n]{0,40}?\bto (reconsider|review|revisit|look again at|re-examine) (your|the|this|that|its|their) (decision|refusal|response|answer|reply|handling|position)\b|\bI (would like|wish|want|intend) to (challenge|dispute|contest) (the|your|this) (decision|response|reply|answer|refusal|outcome|time period|figures?|information)\b` },
  { kind: 'internal_review', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(the|your|this) (response|reply|answer|decision) (is|was) (simply |wholly |totally |completely |entirely )?(not acceptable|unacceptable|inadequate|insufficient|incomplete)\b` },
  { kind: 'complaint', in: 'either', pattern: String.raw`\b(make|lodge|raise|submit|file|making) a (formal )?complaint\b|\bI (wish|want|would like|intend) to complain\b|\bI am (writing to )?complain(ing)? (about|that)\b|\bthis is a (formal )?complaint\b|\bcomplain(t)? to the (ICO|information commissioner)\b` },
  // An objection raised before the authority decides to withhold is a complaint about its handling.
  // Taking it to the regulator after the authority's own procedure: "having exhausted the council's processes, I refer this to you".
  { kind: 'complaint', in: 'body', pattern: String.raw`\bhaving exhausted (the|their|its|your|all|every) ([\w'’-]+ ){0,3}(process(es)?|procedures?|reviews?|complaints? (process|procedure)|avenues|options)\b|\bI (wish|want|would like|intend) to (refer|escalate|take) (this|the|my) (case|matter|complaint|request) to (you|yourselves|your office|the (ICO|commissioner|information commissioner|scottish information commissioner))\b` },
  // Condemning how a request is being handled (before any decision to review) is a complaint, not a chaser.
  { kind: 'complaint', in: 'body', pattern: String.raw`\b(handling|treatment) of (my|this|the|our) ([\w-]+ ){0,2}(request|application|enquiry)\b(?=[\s\S]{0,300}?\b(scandal|disgrace|contempt|appalling|shameful|unacceptable|incompeten|shambles))|\b(scandal\w*|disgrace\w*|contempt\w*|appalling|shameful|unacceptable|incompeten\w*|shambles)\b(?=[\s\S]{0,300}?\b(handling|treatment) of (my|this|the|our) ([\w-]+ ){0,2}(request|application|enquiry)\b)|\b(the way|how) (my|this|the|our) ([\w-]+ ){0,2}(request|application|enquiry) (has been|was|is being|is) (handled|dealt with|treated)\b(?=[^.?!]{0,60}\b(scandal|disgrace|contempt|appalling|shameful|unacceptable|incompeten|shambles))` },
  { kind: 'complaint', in: 'body', pattern: String.raw`\b(register|lodge|raise|record|make) (an|my|a formal) objection\b|\bI (wish to |want to )?object to (your|the) (intention|proposal|plan) to (withhold|refuse|apply)\b` },
  ...SAR_RULES,
  { kind: 'clarification', in: 'either', pattern: String.raw`^\s*follow-?up to\b` },
  { kind: 'clarification', in: 'subject', pattern: String.raw`\bclarif(y|ication|ying)\b|\bfollow-?up\b|\bnarrow(ing|ed)?\b|\b(correction|amendment|change|corrections|amendments|changes) (to|of|in) (my|the|our) ([\w-]+ ){0,2}request\b` },
  // Correcting a slip in a pending request changes what is asked: the clock question is the same as a clarification's.
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\b(noticed|made|spotted|found) (an? )?(error|mistake|typo|slip) in (my|the|question|item|part|point)\b|\b(my|the) request (should|ought to) (have )?(read|said|say)\b|\b(everything|the rest) (else )?(of|in) (my|the) request (stays|remains|is) (the same|unchanged|as it (was|is))\b|\b(everything|all) else (stays|remains|can stay|is) (the same|unchanged|as it (was|is))\b|\bI should have (said|made clear|explained|specified) (in|that|when)\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`^[\s\S]{0,150}?(?<!\b(need|require|want|have|seek|any|further)[\w ]{0,20})\bclarif(y|ication|ying)\b|\bnarrow(?<!\b(so (that )?I (can|could|may|might)|how (I (can|could|might|should)|to)|help(ing)? me( to)?|assist me( to| in)?|in order to|able to|advise me (on )?how to) narrow)(ing|ed)? (down )?(my|the) request\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\bfurther to your (request for clarification|e-?mail|letter)\b|\bin answer to your question\b|\bI('m| am|'d be| would be) (happy|content|willing|prepared|glad) to (limit|narrow|restrict|reduce|amend|refine|revise|cut)\b|\b(please )?(treat|read|take|consider|amend) my (original |earlier )?request (as|to) (now )?(being |be )?(for|limited|restricted|narrowed|reduced|amended|covering|cover)\b|\b(I have|I've) (changed|amended|narrowed|refined|revised|reduced) my request\b|\b(refine|narrow|restrict|reduce|limit|amend) (my|the) request to\b|\bthe period I am interested in\b|\bI('m| am) (particularly|only|mainly) (looking for|interested in)\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\bI (can )?confirm (that )?(I|we) (would like|want|need|mean|am (only |happy|content|interested))\b|\b(treat|consider|regard) (the (parts?|items?|questions?) of )?(my|the) request\b[^.]{0,80}\bas withdrawn\b|\b(calendar|financial|academic) years? (is|are|would be) (fine|ok|okay|acceptable)\b|\b(either|both) (would be|is|are) (fine|ok|okay|acceptable)\b` },
  // Defining a term or settling for less is a clarification only when nothing new is asked alongside.
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, notWithNewAsks: true, pattern: String.raw`\bby ['"“‘]?[\w -]{2,40}['"”’]? I mean\b|\bI (mean|meant)\b|\b(should|would|will) suffice\b|\bmy (first|second|third|fourth|fifth|last|final|\d{1,2}(st|nd|rd|th)?)( and (first|second|third|fourth|fifth|last|final|\d{1,2}(st|nd|rd|th)?))? (points?|questions?|items?|parts?)\b` },
  ...FOLLOW_UP_RULES,
  ...OTHER_RULES,
];

/** Naming the EIR or Aarhus makes an EIR request whatever the information; counting EIR requests does not. */
export const EIR_INVOKED_PATTERN = String.raw`(?<!\b(FOI|FOIA|freedom of information|FoI) ?(and|or|&|\/) ?)\b(environmental information (\(scotland\) )?regulations|EIRs?|EISR|EI\(S\)R|aarhus)\b(?!\s+(and|or|&|\/)\s+(FOI|freedom of information)\b)(?!\s+(requests|cases|responses|compliance|performance|statistics|team|officers?)\b)`;

/**
 * A message that points back at an earlier request or at the authority's reply, in any reference format
 * ("my original request", "Ref: FOI2023 71247", "F/on from FOI-0504", "Re: Review IR2023 8387"): a
 * follow-up, so the clarification cues are read in it even when it is long.
 */
export const REFERS_BACK_PATTERN = String.raw`^\s*re:|\bthanks?( you)?( very much)? for (your|the) (reply|response|e-?mail|letter|answer|explanation)\b|\b(my|our|the) (original|earlier|previous|initial|pending|first) (FOI |FoI |FOISA |freedom of information |information |EIR |review )?(request|application|enquiry)\b|\boriginal request\s*:|\b(further to|following( on)?( from)?|f\/on( from)?|in (relation|reference) to|with reference to) (my|our|your|the|request|ref\w*|FOI|FoI|EIR|IR)\b[^.?!\n]{0,20}\d{3,}|\b(ref(erence)?|request)( no\.?| number)?:? ?(FOI|FoI|EIR|IR|RFI|FOISA)[-/ ]?\d{3,}|\byou (asked|stated|said|told (me|us))( me| us)?( that)? (for )?(clarification|me to clarify|us to clarify|to be more specific)\b|\bclarification (was|is) (needed|required)\b`;

/** Up to this many words a message counts as short (a clarification or chaser, not a new request). */
export const SHORT_MESSAGE_WORDS = 120;

/**
 * Unsolicited commercial mail that slipped past the receiving server's filter asks the authority for
 * nothing: it is `other`, never acknowledged. Each entry is one concept (a regex source); it takes two
 * distinct concepts, so a request that asks about free school meals or "click here" buttons is safe.
 */
export const MARKETING_CONCEPTS = [
  String.raw`\bclick (here|below|on (the|this) link|the link|this link|to (order|buy|claim|visit|learn|find out|get|see|start|register))\b`,
  String.raw`\b(special|exclusive|limited[- ]time|introductory|one[- ]time) offer\b|\bact now\b|\border (now|today)\b|\bbuy now\b|\bcall (now|today)\b|\btoll[- ]free\b|\blowest (price|rate)s?\b|\bsave up to\b|\b\d+ ?% off\b|\bwhile (stocks|supplies) last\b`,
  String.raw`\bmoney[- ]back\b|\brisk[- ]free\b|\bno obligation\b|\b100 ?% (free|guaranteed|satisfaction)\b|\bsatisfaction guaranteed\b|\bno credit checks?\b`,
  String.raw`\bmake money\b|\bextra income\b|\b(work|working) (from|at) home\b|\bfinancial freedom\b|\bearn (up to )?\$|\$\$|\bhome[- ]based business\b|\b(business|investment|income) opportunit(y|ies)\b|\bmulti-?level marketing\b`,
  String.raw`\byou('ve| have) (won|been (specially )?(selected|chosen|pre-?approved|approved))\b|\bcongratulations!|\bclaim your (prize|reward|gift)\b|\byou('re| are) (a )?(winner|pre-?approved)\b`,
  String.raw`\btransfer (of )?(the )?(funds|sum)\b|\bUS ?\$ ?\d|\b\d+(\.\d+)? million (US )?dollars\b|\bconfidential (business )?(proposal|transaction)\b`,
  String.raw`(?<![-\w])free (gift|trial|quote|consultation|sample|report|membership|shipping|bonus|offer)s?\b`,
  String.raw`\bthis is not (spam|unsolicited)\b|\bsent in compliance\b|\bbulk e-?mail\b|\bremove (yourself|you|your (e-?mail|name|address)) from\b|\bremoved from (our|this|the|future) (mailing|e-?mail|distribution)\b|\bopt[- ]?out\b`,
  // Business-to-business pitches: the sales call, the price list, the outreach.
  String.raw`\b(quick|short|free|brief|15[- ]minute|20[- ]minute|30[- ]minute) (demo|call|chat)\b|\bbook a (demo|call)\b|\bschedule a (demo|call)\b`,
  String.raw`\b(pricing|prices?|plans?) (starts?|starting) (at|from)\b|\b(from|at) (just|only) [£$€] ?\d`,
  String.raw`\b(I'm|I am|we're|we are) reaching out\b|\bour clients (typically|include|see|report)\b|\bI hope this (e-?mail )?finds you well\b`,
  String.raw`\bviagra\b|\bcialis\b|\bxxx\b|\bhorny\b|\bpenis\b|\benlarge(ment)?\b|\blose \d+ ?(lbs|pounds)\b|\bonline (pharmacy|casino)\b|\bp[o*]rn\b|\bnude\b|\bnaked\b|\bsexy\b|\bhot (babes|girls)\b`,
  String.raw`\b1[- ]?8(00|88|77|66)[- ]?\d{3}[- ]?\d{4}\b|(?<![\w$])\$ ?\d{1,3}(,\d{3})*(\.\d\d)?(?!\w)`,
  String.raw`\bdear (friend|valued customer|fellow \w+ user)\b|\bbad credit\b|\brefinanc(e|ing)\b|\bmerchant account\b|\bdebt (relief|consolidation)\b|\bmortgage rates?\b`,
] as const;

/** Invoking an access law leaves the message to the rules for requests (a vendor naming FOI in a pitch does not). */
export const ACCESS_LAW_INVOKED = String.raw`\bunder (the )?(freedom of information|FOI(A|SA)?|environmental information|EIRs?|EISR|data protection|UK GDPR|GDPR)\b|\b(my|this|a|an|the following) (FOI(A|SA)?|freedom of information|EIR|EISR|subject access|information) request\b|\brequest (for information|under)\b|\bI (would like to |wish to |want to )?(make|am making|submit)\b[^.?!\n]{0,40}\brequest\b`;
