// Deterministic, realistic FOI request emails for the benchmark: greetings, a lead-in, a numbered
// or bulleted list of questions, sometimes a s.16 reminder or a public-interest paragraph, a
// sign-off; 1–5 KB each. Seeded, so every run measures the same mail.
import { syntheticPdf } from '../../src/demo/synthetic-pdf.js';

const BODIES = ['Riverside Borough Council', 'North Vale NHS Foundation Trust', 'Eastmoor Police', 'Kingsbridge University', 'Department for Local Services', 'Hillcrest County Council'];
const SUBJECTS = ['agency staff costs', 'pothole repairs', 'cyber security incidents', 'temporary accommodation', 'school exclusions', 'air quality monitoring', 'consultancy contracts', 'A&E waiting times', 'stop and search', 'planning enforcement'];
const QUESTIONS = [
  'How many {x} were recorded in each of the last five financial years?',
  'Please provide the total amount spent on {x}, broken down by year and by supplier.',
  'Could you tell me how many complaints the organisation received about {x} since 1 April 2021?',
  'A copy of any policy, procedure or guidance document that governs {x}.',
  'The number of staff whose role includes responsibility for {x}, as of 31 March 2025.',
  'Have there been any internal audits or reviews of {x} since 2020? If so, please provide copies of their findings.',
  'What was the average time taken to resolve cases concerning {x} in 2023 and in 2024?',
  'Please list every contract awarded in connection with {x}, with the supplier, start date and value.',
];
const FIRST = ['Alex', 'Priya', 'Tom', 'Grace', 'Mohammed', 'Eilidh', 'Sian', 'Daniel', 'Ruth', 'Kwame'];
const LAST = ['Harper', 'Shah', 'Hallworth', 'Okafor', 'Reid', 'Morgan', 'Evans', 'Obi', 'Fletcher', 'Mensah'];
const SECTION_16 = 'If any part of this request would exceed the cost limit under section 12, I remind you of your duty under section 16 to advise and assist me, and would be grateful for help to refine the request.';
const PUBLIC_INTEREST = 'I believe there is a strong public interest in disclosure. The organisation spends a significant amount of public money in this area, and residents are entitled to understand how those decisions are made and to hold the organisation to account for its performance. Transparency here would also support informed public debate about local services.';
const FILLER = 'For the avoidance of doubt, I am happy to receive the information in electronic form, preferably as a spreadsheet or CSV file. Where information is already published, a direct link to the relevant page would be sufficient. If it would help, figures may be rounded or aggregated to avoid identifying individuals, and I am content for personal data to be redacted.';

export interface Random {
  next(): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: a tiny seeded generator, good enough to vary text reproducibly. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** A request sent as a scanned-letter PDF (1–2 MB) with a one-line covering note. */
export function syntheticPdfRequest(index: number, random: Random, when: Date): Buffer {
  const text = syntheticRequest(index, random, when).toString('utf8');
  // The whole letter goes into the PDF: everything after the header block's blank line.
  const headerEnd = text.indexOf('\r\n\r\n');
  const body = text.slice(headerEnd + 4).replace(/\r\n$/, '');
  const headers = text.slice(0, headerEnd).split('\r\n').filter((h) => !/^(Content-Type|Content-Transfer-Encoding|MIME-Version):/i.test(h));
  const image = Buffer.alloc(1_000_000 + Math.floor(random.next() * 1_000_000));
  for (let i = 0; i < image.length; i += 4) image.writeUInt32LE(Math.floor(random.next() * 0xffffffff), i - (i + 4 > image.length ? 4 : 0));
  const pdf = syntheticPdf([body.split('\r\n')], { imageBytes: image });
  const boundary = `bench-${index}`;
  return Buffer.from([
    ...headers, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', 'Please find my request attached.', '',
    `--${boundary}`, `Content-Type: application/pdf; name="request-${index}.pdf"`, 'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="request-${index}.pdf"`, '', pdf.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`, '',
  ].join('\r\n'));
}

export function syntheticRequest(index: number, random: Random, when: Date): Buffer {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const body = random.pick(BODIES);
  const topic = random.pick(SUBJECTS);
  const count = 2 + Math.floor(random.next() * 6);
  const bulleted = random.next() < 0.3;
  const lines = [`Dear ${body},`, '', `Under the Freedom of Information Act 2000, please provide the following information about ${topic}:`, ''];
  for (let i = 1; i <= count; i++) lines.push(`${bulleted ? '-' : `${i}.`} ${random.pick(QUESTIONS).replace('{x}', topic)}`);
  lines.push('');
  if (random.next() < 0.3) lines.push(SECTION_16, '');
  if (random.next() < 0.3) lines.push(PUBLIC_INTEREST, '');
  const fillers = Math.floor(random.next() * 6);
  for (let i = 0; i < fillers; i++) lines.push(FILLER, '');
  lines.push('Yours faithfully,', '', `${first} ${last}`);
  const address = `${first}.${last}.${index}@example.org`.toLowerCase();
  const headers = [
    `From: ${first} ${last} <${address}>`,
    'To: FOI Team <foi@example.gov.uk>',
    `Subject: Freedom of Information request - ${topic} (${index})`,
    `Date: ${when.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <bench-${index}-${Math.floor(random.next() * 1e9)}@mail.example.org>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`);
}
