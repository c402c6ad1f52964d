// The words that point at each topic of the default taxonomy (DESIGN.md), kept as data so that admins can
// tune them or add a topic of their own; whole words (plural allowed), or stems ending in `*`, any case.

export const TOPIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  it_security: [
    'cyber*', 'ransomware', 'malware', 'phishing', 'hacking', 'hacked', 'firewall', 'antivirus', 'penetration test',
    'information security', 'it security', 'security incident', 'security event', 'data breach', 'personal data breach',
    'computer system', 'it system', 'software', 'server', 'encryption', 'multi-factor', 'vulnerabilit*', 'patch',
    'ddos', 'cloud', 'network', 'windows', 'it infrastructure', 'cyber-security',
  ],
  finance: [
    'budget', 'spend', 'spent', 'expenditure', 'funding', 'funded', 'grant', 'money', 'payment', 'invoice', 'revenue',
    'income', 'reserves', 'council tax', 'debt', 'loan', 'investment', 'financial', 'accounts', 'audit', 'allowance',
    'cost of', 'costs', 'pounds',
  ],
  contracts: [
    'contract', 'tender', 'procurement', 'supplier', 'contractor', 'outsourc*', 'framework agreement', 'liabilit*',
    'cancellation', 'invitation to tender', 'itt', 'bid', 'awarded', 'service level', 'consultanc*',
  ],
  staffing: [
    'staff', 'employee', 'salary', 'salaries', 'pay', 'sickness', 'sick days', 'days off', 'stress', 'absence',
    'recruitment', 'vacancy', 'vacancies', 'headcount', 'fte', 'dismiss*', 'disciplinar*', 'grievance', 'compromise agreement',
    'settlement agreement', 'redundanc*', 'pension', 'chief executive', 'chief constable', 'workforce', 'agency staff',
    'overtime', 'furlough', 'hr', 'human resources', 'interview panel', 'appointment', 'pro vice chancellor', 'senior management',
  ],
  health: [
    'hospital', 'nhs', 'patient', 'clinical', 'medicine', 'medicines', 'drug', 'gp', 'nurse', 'doctor', 'mental health',
    'never event', 'surgery', 'a&e', 'ambulance', 'care home', 'vaccin*', 'covid', 'csm', 'mhra', 'yellow card',
    'public health', 'treatment', 'waiting list', 'bed',
  ],
  policing: [
    'police', 'officer', 'crime', 'criminal', 'arrest', 'stop and search', 'stopped and searched', 'knife', 'offence',
    'offender', 'custody', 'body worn', 'taser', 'firearm', 'misconduct', 'allegation', 'constable', 'cctv',
    'speed camera', 'drone', 'prosecut*', 'conviction', 'convicted', 'court', 'investigation',
  ],
  planning_environment: [
    'planning', 'environment', 'pollution', 'air quality', 'emission', 'waste', 'litter*', 'fly-tipping', 'fly tipping',
    'recycling', 'bin', 'tree', 'flood', 'noise', 'fracking', 'frack*', 'seismic', 'climate', 'carbon', 'biodiversity',
    'green belt', 'development', 'cigarette butt', 'fixed penalty notice', 'knotweed', 'contaminat*', 'landfill',
    'pesticide', 'herbicide', 'glyphosate', 'weedkiller', 'weed killer', 'sewage', 'incinerat*',
  ],
  education: [
    'school', 'pupil', 'student', 'teacher', 'education', 'ehc', 'special educational', 'exclusion', 'ofsted',
    'academy', 'university', 'college', 'transition', 'curriculum', 'exam', 'tuition',
    'academic misconduct', 'plagiarism', 'dissertation', 'degree',
  ],
  transport: [
    'parking', 'pcn', 'penalty charge', 'bus', 'buses', 'road', 'traffic', 'tfl', 'train', 'rail', 'tube', 'cycle',
    'cycling', 'ulez', 'ltn', 'low traffic', 'vehicle', 'car park', 'electric vehicle', 'charging point', 'pothole',
    'highway', 'taxi', 'route', 'bridge', 'bus lane', 'scrappage', 'junction', 'speed limit', 'transport',
    'blue badge', 'bus pass', 'concessionary travel', '20mph', 'gritting', 'footway', 'pavement',
  ],
  housing: [
    'housing', 'homeless', 'temporary accommodation', 'tenant', 'tenancy', 'social housing', 'council house', 'void',
    'rough sleep*', 'landlord', 'rent', 'eviction', 'housing association', 'dwelling', 'hmo', 'right to buy',
  ],
  other: [
    'vexatious', 'foi queries', 'internal review', 'refusal notice',
    'looked after', 'foster*', 'care leaver', 'safeguarding', "children's services", 'social worker', 'corporate parent',
    'councillor', 'committee', 'governance', 'election', 'constitution', 'public toilet',
    'monitoring officer', 'key decision', 'call-in', 'scrutiny', 'cabinet', 'code of conduct', 'standards committee',
  ],
  personal_data: [
    'my personal data', 'my personal information', 'subject access', 'about me', 'my records', 'my file', 'data about me',
    'information you hold about me', 'my case',
  ],
};
