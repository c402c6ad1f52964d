// The words that point at each topic of the default taxonomy (DESIGN.md), kept as data so that admins can
// tune them or add a topic of their own; whole words (plural allowed), or stems ending in `*`, any case.
// A word starting with `~` counts half: it names what is measured (a cost, the staff involved, a camera)
// rather than what the request is about, so the subject's own words outweigh it ("the cost of pothole
// repairs" is a transport request; "the cost of felling" a planning and environment one).

export const TOPIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  it_security: [
    'cyber*', 'ransomware', 'malware', 'phishing', 'hacking', 'hacked', 'firewall', 'antivirus', 'penetration test',
    'information security', 'it security', 'security incident', 'security event', 'data breach', 'personal data breach',
    'computer system', 'it system', '~software', 'server', 'encryption', 'multi-factor', 'vulnerabilit*', 'patch',
    'ddos', 'cloud', '~network', 'windows', 'it infrastructure', 'cyber-security', 'laptop', 'operating system',
  ],
  finance: [
    'budget', '~spend', '~spent', 'expenditure', '~funding', '~funded', '~grant', '~money', '~payment', 'invoice', 'revenue',
    '~income', 'reserves', 'council tax', 'debt', 'loan', 'investment', 'financial support', 'financial statement*', 'accounts', 'audit',
    '~allowance', '~cost of', '~costs', '~pounds', 'expense*', 'hospitality', 'transactions over', 'spending', 'common good fund*',
    'business rates', 'procurement card', 'purchase card', 'capital programme', 'treasury management', 'borrowing',
  ],
  contracts: [
    'contract', 'tender', 'procurement', 'supplier', 'contractor', 'outsourc*', 'framework agreement', 'liabilit*',
    'cancellation', 'invitation to tender', 'itt', '~bid', '~awarded', 'service level', 'consultanc*', 'penalties',
    'ppp', 'pfi', 'private finance', 'subcontract*', 'provider',
  ],
  staffing: [
    '~staff', 'employee', '~employed', 'salary', 'salaries', '~pay', 'sickness', 'sick days', 'days off', 'stress', 'absence',
    'recruitment', 'vacancy', 'vacancies', 'headcount', 'fte', 'dismiss*', 'disciplinar*', 'grievance', 'compromise agreement',
    'settlement agreement', 'redundanc*', '~pension', 'chief executive', 'chief constable', 'workforce', 'agency staff',
    'overtime', 'furlough', 'hr', 'human resources', 'interview panel', '~appointment', 'pro vice chancellor', '~senior management',
    'agency nurs*', 'nursing staff', 'bank staff', 'locum*', 'secondee*', 'secondment*', 'restructure', 'leadership team',
    'fill rate', 'staffing', 'how many staff', 'number of staff', 'staff numbers', 'agency social worker*', 'agency worker*',
  ],
  health: [
    'hospital', 'nhs', 'patient', 'clinical', 'medicine', 'medicines', 'drug', 'gp', '~nurse', 'doctor', 'mental health',
    'never event', 'surgery', 'a&e', 'ambulance', 'care home', 'vaccin*', 'covid', 'csm', 'mhra', 'yellow card',
    'public health', '~treatment', 'waiting list', '~bed', 'cancer', 'outpatient*', 'urolog*', 'cardiolog*', 'oncolog*',
    'neurolog*', 'maternity', 'midwi*', 'dental', 'dentist*', 'prescri*', 'diagnos*', 'referral to treatment', 'clinic',
    'clinics', 'icb', 'ccg', 'health board', 'mortality',
  ],
  policing: [
    'police', '~officer', 'crime', 'criminal', 'arrest', 'stop and search', 'stopped and searched', 'knife', 'offence',
    'offender', 'custody', 'body worn', 'taser', 'firearm', '~misconduct', '~allegation', 'constable', '~cctv',
    'speed camera', 'drone', 'prosecut*', 'conviction', 'convicted', '~court', '~investigation', 'weapon*', 'seized',
    'seizure*', 'explosive*', 'ipcc', 'iopc', 'police and crime commissioner', 'pcc', 'intelligence log*', 'anti-social behaviour',
  ],
  planning_environment: [
    'planning', 'environment', 'pollution', 'air quality', 'emission', 'waste', 'litter*', 'fly-tipping', 'fly tipping',
    'recycling', 'bin', 'tree', 'flood*', 'noise', 'fracking', 'frack*', 'seismic', 'climate', 'carbon', 'biodiversity',
    'green belt', '~development', 'cigarette butt', 'fixed penalty notice', 'knotweed', 'contaminat*', 'landfill',
    'pesticide', 'herbicide', 'glyphosate', 'weedkiller', 'weed killer', 'weed*', 'sewage', 'incinerat*', 'tpo',
    'tree preservation', 'woodland*', 'forestry', 'forest', 'felling', 'hedgerow', 'wildlife', 'habitat', 'ecolog*',
    'fish farm*', 'salmon farm*', 'finfish', 'aquaculture', 'sea lice', 'seabed', 'marine', 'loch', 'river', 'wind farm*',
    'wind turbine*', 'turbine*', 'solar', 'renewable*', 'landslip', 'drainage', 'surface water', 'watercourse', 'defra',
    'environment agency', 'sepa', 'naturescot', 'natural england', 'environmental', 'enforcement notice', 'planning enforcement',
    'conservation area', 'listed building', 'section 106', 'diffusion tube', 'nitrogen dioxide', 'no2', 'contaminated land',
    'heritage', 'statutory nuisance',
  ],
  education: [
    'school', 'pupil', 'student', 'teacher', 'education', 'ehc', 'special educational', 'exclusion', 'ofsted',
    'academy', 'university', 'college', 'transition', 'curriculum', 'exam', 'tuition',
    'academic misconduct', 'plagiarism', 'dissertation', 'degree', 'early learning', 'childcare', 'nursery', 'nurseries',
    'elc', 'early years',
  ],
  transport: [
    'parking', 'pcn', 'penalty charge', 'bus', 'buses', 'road', 'traffic', 'tfl', 'train', 'rail', 'tube', 'cycle',
    'cycling', 'ulez', 'ltn', 'low traffic', 'vehicle', 'car park', 'electric vehicle', 'charging point', 'pothole',
    'highway', 'taxi', '~route', 'bridge', 'bus lane', 'scrappage', 'junction', 'speed limit', 'transport',
    'blue badge', 'bus pass', 'concessionary travel', '20mph', 'gritting', 'footway', 'pavement', 'congestion charg*',
    'anpr', 'station', 'passenger*', 'ferry', 'ferries', 'street light*', 'streetlight*', 'street lighting', 'underground', 'low emission zone', 'roadworks', 'street works', 'carriageway',
  ],
  housing: [
    'housing', 'homeless', 'temporary accommodation', 'tenant', 'tenancy', 'social housing', 'council house', 'void',
    'rough sleep*', 'landlord', 'rent', 'eviction', 'housing association', 'dwelling', 'hmo', 'right to buy',
    'residential block*', 'tower block*', 'block of flats', 'blocks of flats', 'flats', 'council home*', 'damp', 'mould', 'disrepair',
  ],
  other: [
    'vexatious', 'foi queries', 'refusal notice',
    'looked after', 'foster*', 'care leaver', 'safeguarding', "children's services", 'social worker', 'corporate parent',
    'councillor', 'committee', 'governance', 'election', 'constitution', 'public toilet',
    'monitoring officer', 'key decision', 'call-in', 'scrutiny', 'cabinet', 'code of conduct', 'standards committee',
    // Social security benefits and their administration are not in the taxonomy.
    'universal credit', 'benefit claimant*', 'claimant*', 'pip', 'personal independence payment', 'esa',
    'employment and support allowance', 'incapacity benefit', 'mandatory reconsideration*', 'jobcentre', 'dwp',
    'work capability', 'state pension', 'pension age', 'welfare', 'benefits', 'judicial review', 'litigation',
    // The access-to-information process itself: meta-requests about requests.
    'foi requests', 'freedom of information requests', 'informal requests', 'foi log', 'disclosure log', 'first minister',
    'ministerial', 'special adviser*', 'minister', 'ministers', 'growth deal', 'city deal', 'legal advice',
    'elected member*', 'prime minister',
  ],
  personal_data: [
    'my personal data', 'my personal information', 'subject access', 'about me', 'my records', 'my file', 'data about me',
    'information you hold about me', 'my case', 'my complaint', 'my own', 'my application', 'my account',
  ],
};
