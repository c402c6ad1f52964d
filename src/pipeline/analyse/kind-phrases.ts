// Phrase lists that tell a request's kind (FOI, EIR, SAR, internal review, clarification, complaint,
// chaser), kept as data (regex sources, case-insensitive) so that admins can extend them.
import type { RequestKind } from '../../domain/request-analysis.js';

export interface KindRule {
  kind: RequestKind;
  /** Where to look: the subject line, the requester's own text, or either. */
  in: 'subject' | 'body' | 'either';
  pattern: string;
  /** A body match counts only in a reply (subject "Re:") or a short message; a subject match always counts. */
  onlyInReplyOrShort?: boolean;
}

/** Tried in order; the first rule that matches decides (EIR by content is decided separately). */
export const KIND_RULES: readonly KindRule[] = [
  { kind: 'complaint', in: 'either', pattern: String.raw`\b(IC|ICO|information commissioner'?s?|regulator'?s?) review\b|\b(apply|applying|application|appeal|appealing|complain\w*|refer\w*) to the (ICO|information commissioner|scottish information commissioner|tribunal)\b` },
  { kind: 'internal_review', in: 'either', pattern: String.raw`\b(request(ing)?|ask(ing)? for|conduct|carry out|want|like|seek(ing)?) (an? )?(internal )?review of\b|\b(request(ing)?|ask(ing)? for|want|like|seek(ing)?) an internal review\b` },
  { kind: 'internal_review', in: 'either', pattern: String.raw`\brequirement for review\b|\breview (of )?(your|the) (decision|handling|response|refusal)\b|\b(I (wish|want|would like|intend) to|I am|I'm|I hereby) appeal(ing)? (against )?(your|the|this) (decision|refusal|response)\b` },
  { kind: 'internal_review', in: 'body', pattern: String.raw`\b(please|I ask you to|I request that you) (reconsider|review) (your|the|this) (decision|refusal|response)\b|\breconsider\b.{0,40}\bregulation 11\b` },
  { kind: 'internal_review', in: 'subject', pattern: String.raw`\binternal review\b` },
  { kind: 'complaint', in: 'either', pattern: String.raw`\b(make|lodge|raise|submit|file|making) a (formal )?complaint\b|\bI (wish|want|would like|intend) to complain\b|\bthis is a (formal )?complaint\b|\bcomplain(t)? to the (ICO|information commissioner)\b` },
  { kind: 'sar', in: 'either', pattern: String.raw`\b(subject access request|DSAR|right of access|article 15)\b|\bSAR\b` },
  { kind: 'sar', in: 'body', pattern: String.raw`\b(my (own )?personal (data|information)|(data|information|records) (that )?(you hold |held )?(about|on|relating to|concerning) me\b|cop(y|ies) of my (records|file|data|case notes|medical records)|CCTV (footage|images) of me\b|my case (notes|file))` },
  { kind: 'clarification', in: 'either', pattern: String.raw`^\s*follow-?up to\b` },
  { kind: 'clarification', in: 'subject', pattern: String.raw`\bclarif(y|ication|ying)\b|\bfollow-?up\b|\bnarrow(ing|ed)?\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`^[\s\S]{0,150}?(?<!\b(need|require|want|have|seek|any|further)[\w ]{0,20})\bclarif(y|ication|ying)\b|\bnarrow(ing|ed)? (down )?(my|the) request\b` },
  { kind: 'clarification', in: 'body', onlyInReplyOrShort: true, pattern: String.raw`\bby ['"“‘]?[\w -]{2,40}['"”’]? I mean\b|\bfurther to your (request for clarification|e-?mail|letter)\b|\bin answer to your question\b|\bI am happy to (limit|narrow|restrict|reduce|amend)\b|\b(I have|I've) (changed|amended|narrowed|refined|revised|reduced) my request\b|\b(refine|narrow|restrict|reduce|limit|amend) (my|the) request to\b|\bthe period I am interested in\b|\bI('m| am) (particularly|only|mainly) (looking for|interested in)\b` },
  { kind: 'other', in: 'either', pattern: String.raw`^[\s\S]{0,300}?\b(out of (the )?office|on annual leave|automatic reply|auto-?reply|undeliverable|delivery status notification|could not be delivered|mail delivery (subsystem|failed)|delivery has failed)\b` },
  { kind: 'other', in: 'either', onlyInReplyOrShort: true, pattern: String.raw`\bwhere (things|it|this|my request) (is|are) up to\b|\b(progress|update) (on|of|with) (my|this|the) (request|FOI|enquiry)\b` },
  { kind: 'other', in: 'either', onlyInReplyOrShort: true, pattern: String.raw`\bchaser?\b|\bany (news|update)\b|\bstill (waiting|not received|awaiting)\b|\b(have|has) (now )?(passed|elapsed|expired)\b|\boverdue\b|\bwhen (can|will|might|should) I expect\b|\bwhen I might expect\b|\bstatus of my request\b` },
];

/** Naming the EIR or Aarhus makes an EIR request whatever the information. */
export const EIR_INVOKED_PATTERN = String.raw`\b(environmental information regulations|EIRs?|EISR|EI\(S\)R|aarhus)\b`;

/** Information that is environmental in itself (EIR reg 2(1)): state of the elements, emissions, measures. */
export const ENVIRONMENTAL_TERMS = [
  'air quality', 'air pollution', 'nitrogen dioxide', 'no2', 'pm2.5', 'pm10', 'particulate', 'emission', 'emissions',
  'pollution', 'contamination', 'contaminated land', 'fracking', 'hydraulic fractur', 'seismic', 'fracture',
  'flooding', 'flood risk', 'flood defence', 'drainage', 'sewage', 'water quality', 'discharge', 'rivers',
  'biodiversity', 'habitat', 'wildlife', 'tree preservation', 'tree felling', 'trees', 'hedgerow', 'green belt',
  'noise', 'landfill', 'waste', 'recycling', 'bin collection', 'incinerat', 'pesticide', 'herbicide', 'glyphosate',
  'knotweed', 'climate', 'carbon', 'net zero', 'low traffic neighbourhood', 'ltn', 'ulez', 'clean air zone',
  'road scheme', 'traffic scheme', 'road layout', 'cycle lane', 'planning application', 'planning permission',
  'section 106', 'listed building', 'radiation', 'radioactive', 'nuclear waste', 'energy efficiency', 'potholes',
  'soil', 'land contamination', 'environmental impact',
] as const;

/** Up to this many words a message counts as short (a clarification or chaser, not a new request). */
export const SHORT_MESSAGE_WORDS = 120;
