#!/usr/bin/env node
// The bench's second corpus: plainer prose than test/bench/corpus.mjs, written independently of
// wtlint's own examples, so ratios to the parse-only baseline are not flattered by a corpus rich in
// the Markdown constructs that remark's tree-building step is slow on.
//
//   node test/bench/plain-corpus.mjs OUT_DIR N [--seed S]
//
// Writes N area folders, OUT_DIR/area-0001/{arrangements.md,yearly-report-2024-25.md}: Markdown
// with YAML front matter in the shape of a local safeguarding children partnership's published
// arrangements and yearly report. Content is invented (fictional places, generated prose), varied
// in headings, wording, structure and size (8-40 KB a file), and deterministic: area i depends
// only on (seed, i), so area-0001 is the same in a 100-area and a 1000-area corpus.
// Deliberate defects, recorded per file in OUT_DIR/manifest.json: missing or thin sections, late
// publication dates, outdated partner types, missing front-matter keys, malformed YAML (~1% of
// areas), CRLF line endings and a BOM. Prints the total bytes of the .md files on stdout and a
// summary on stderr. No dependencies.

import fs from 'node:fs';
import path from 'node:path';

const GENERATOR_VERSION = 1;
const MIN_BYTES = 8 * 1024;
const MAX_BYTES = 40 * 1024;

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) process.stderr.write(`gen-corpus: ${msg}\n`);
  process.stderr.write('usage: node test/bench/plain-corpus.mjs OUT_DIR N [--seed S]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const pos = [];
  let seed = '1';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') {
      seed = argv[++i];
      if (seed === undefined) usage('--seed needs a value');
    } else if (a.startsWith('--seed=')) seed = a.slice(7);
    else if (a === '-h' || a === '--help') usage();
    else pos.push(a);
  }
  if (pos.length !== 2) usage('expected OUT_DIR and N');
  const n = Number(pos[1]);
  if (!Number.isInteger(n) || n < 1 || n > 9999) usage('N must be an integer from 1 to 9999');
  return { outDir: pos[0], n, seed };
}

// ---------------------------------------------------------------- deterministic randomness

function cyrb128(str) {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

function makeRng(key) {
  let [a, b, c, d] = cyrb128(key);
  const next = () => {
    // sfc32
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    shuffle(arr) {
      const a2 = arr.slice();
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
    sample: (arr, k) => rng.shuffle(arr).slice(0, Math.min(k, arr.length)),
    weighted(pairs) {
      // [[value, weight], ...]
      const total = pairs.reduce((s, p) => s + p[1], 0);
      let r = next() * total;
      for (const [v, w] of pairs) {
        r -= w;
        if (r < 0) return v;
      }
      return pairs[pairs.length - 1][0];
    },
  };
  return rng;
}

// ---------------------------------------------------------------- dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ymd = (y, m, d) => Date.UTC(y, m - 1, d);
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const longDate = (t) => {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
const DAY = 86400000;
const between = (rng, from, to) => from + rng.int(0, Math.round((to - from) / DAY)) * DAY;

// ---------------------------------------------------------------- names (all fictional)

const PREFIXES = ['', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Greater '];
const SYL1 = [
  'Ash',
  'Brack',
  'Cald',
  'Dun',
  'Elm',
  'Fen',
  'Glen',
  'Har',
  'Kes',
  'Lark',
  'Mer',
  'Nor',
  'Oak',
  'Pen',
  'Quen',
  'Rav',
  'Sal',
  'Thorn',
  'Wey',
  'Wyn',
  'Yar',
  'Bram',
  'Cop',
  'Dray',
  'Hol',
  'Lang',
  'Marl',
  'Rook',
  'Stan',
  'Tam',
];
const SYL2 = [
  'ford',
  'field',
  'moor',
  'dale',
  'bury',
  'ton',
  'ley',
  'wick',
  'ham',
  'shire',
  'mere',
  'combe',
  'worth',
  'borough',
  'stead',
  'hurst',
  'by',
  'wold',
  'chester',
  'port',
];
const NAME_SPACE = PREFIXES.length * SYL1.length * SYL2.length; // 4800 distinct places

// Area i gets a distinct place for i < 4800 (multiplication by a unit mod NAME_SPACE).
function placeFor(i, seedNum) {
  const k = (i * 2377 + seedNum) % NAME_SPACE;
  const p = PREFIXES[k % PREFIXES.length];
  const s1 = SYL1[Math.floor(k / PREFIXES.length) % SYL1.length];
  const s2 = SYL2[Math.floor(k / (PREFIXES.length * SYL1.length)) % SYL2.length];
  return `${p}${s1}${s2}`;
}
function otherPlace(rng) {
  return rng.pick(SYL1) + rng.pick(SYL2);
}

const SURNAMES = [
  'Holloway',
  'Okafor',
  'Patel',
  'Brennan',
  'Whitfield',
  'Nowak',
  'Achterberg',
  'Simmonds',
  'Rahman',
  'Kaur',
  'Fairbairn',
  'Lindqvist',
  'Mensah',
  'Ogilvie',
  'Castellano',
  'Doherty',
  'Evans',
  'Ferreira',
  'Greaves',
  'Hussain',
  'Iqbal',
  'Jarvis',
  'Kowalski',
  'Mbeki',
];
const TITLES = ['Dr', 'Ms', 'Mr', 'Mrs', 'Professor', 'Dame', 'Sir'];
function personName(rng) {
  return `${rng.pick(TITLES)} ${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(SURNAMES)}`;
}

function acronym(name) {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

// ---------------------------------------------------------------- vocabulary

const THEMES = [
  'neglect',
  'child exploitation',
  'domestic abuse',
  'online harm',
  'safeguarding infants under one',
  'children with special educational needs and disabilities',
  'adolescent mental health',
  'children missing education',
  'parental substance misuse',
  'harmful sexual behaviour',
  'serious youth violence',
  'children in unregistered settings',
  'extra-familial harm',
  'transitions to adulthood',
  'children in temporary accommodation',
];
const GROUPS = [
  'Learning and Improvement Group',
  'Quality Assurance and Performance Group',
  'Education Safeguarding Group',
  'Child Exploitation Strategic Group',
  'Health Safeguarding Forum',
  'Workforce Development Group',
  'Practice Review Group',
  'Neglect Strategy Group',
  'Voice and Participation Group',
  'Business Management Group',
];
const AGENCY_POOL = [
  'schools and academies',
  'early years settings and childminders',
  'further education colleges',
  'the National Probation Service',
  'the Youth Justice Service',
  'Cafcass',
  'the Fire and Rescue Service',
  'the Ambulance Service NHS Trust',
  'acute hospital trusts',
  'community health providers',
  'mental health trusts',
  'general practice',
  'district and borough councils',
  'housing providers',
  'the voluntary and community sector',
  'faith organisations',
  'sports clubs and leisure providers',
  'the British Transport Police',
  'UK Visas and Immigration',
  'the Office of the Police and Crime Commissioner',
  "children's homes and independent fostering agencies",
  'adult social care',
  'public health',
  'drug and alcohol services',
  'multi-academy trusts',
  'independent schools',
  'alternative provision',
  'the Department for Work and Pensions',
];
const SETTINGS = [
  'primary schools',
  'secondary schools',
  'special schools',
  'academies',
  'multi-academy trusts',
  'independent schools',
  'pupil referral units',
  'nurseries',
  'childminders',
  'further education colleges',
  'alternative provision settings',
  'early years settings',
];
const LINKWORDS = [
  'our website',
  'the partnership website',
  'the procedures page',
  'the learning hub',
  'the training portal',
  'the published reviews page',
];

// Each field is a list of template strings. {slot} is filled from the area context; {n:a-b} is a
// random integer in [a, b]; {pct} a percentage; {date} a long date in the report year.
const BANK = {
  intro: [
    'This document sets out how the {area} works together to safeguard and promote the welfare of children in {place}.',
    'It describes the arrangements agreed by {la}, {icb} and {police}, the three statutory safeguarding partners for the area.',
    'The arrangements replace those published in {prev_year} and reflect the changes introduced by *Working Together to Safeguard Children {edition}*.',
    'Our ambition is simple: every child in {place} should grow up safe, loved and able to thrive.',
    'We have written this document for practitioners, managers and members of the public, and we have tried to keep it free of jargon.',
    'Where a term is unfamiliar, the glossary at the end explains it.',
    'The partnership covers a population of around {pop} people, of whom roughly {kids} are children and young people under 18.',
    'These arrangements were agreed by the lead safeguarding partners on {date} and will be reviewed at least annually.',
    'We are grateful to the children, young people and families who told us what matters to them while we revised these arrangements.',
  ],
  partners: [
    'The statutory safeguarding partners for {place} are {la}, {icb} and {police}.',
    'The lead safeguarding partners are the Chief Executive of {la_short}, the Chief Executive of {icb_short} and the Chief Constable of {police_short}.',
    'Each lead partner has delegated day-to-day responsibility to a named senior officer who can speak for their agency and take decisions on its behalf.',
    "For {la_short}, this is the Director of Children's Services; for {icb_short}, the Chief Nurse; and for {police_short}, the Detective Chief Superintendent for Public Protection.",
    'The three partners have equal and joint responsibility for these arrangements, and no single agency is in charge of the others.',
    'The delegated safeguarding partners meet every {n:4-8} weeks as the Executive Group, and the lead partners meet at least twice a year to hold them to account.',
    'A partnership chair is appointed from among the delegated partners for a term of two years; the current chair is the {chair_role}.',
    'Decisions of the Executive Group are recorded and published in summary form on {link}.',
    'Where a partner cannot attend, a deputy with the same authority attends in their place.',
    'The partners have agreed a memorandum of understanding that sets out how they will share leadership, resources and accountability.',
  ],
  geography: [
    'The arrangements cover the whole of the area served by {la}, which is coterminous with the {police_short} policing area for {place}.',
    'The partnership footprint sits within the larger area of {icb}, which also works with {n:2-4} neighbouring partnerships.',
    '{place} is a mixed area of market towns, coastal communities and rural villages, with pockets of significant deprivation.',
    'Around {pct} of children live in the most deprived fifth of neighbourhoods nationally.',
    'Because health and police boundaries are wider than the local authority, we agree cross-border protocols with {other_place} and {other_place2} partnerships.',
    'Children placed in {place} by other local authorities are covered by these arrangements while they live here.',
    'The area has {n:2-6} district councils, each of which contributes to the partnership through the District Safeguarding Leads Forum.',
  ],
  agencies: [
    'The safeguarding partners have named the following relevant agencies, which are expected to co-operate with these arrangements.',
    "Relevant agencies were consulted on the arrangements and have agreed to follow the partnership's policies and procedures.",
    'The list of relevant agencies is reviewed every year by the Business Management Group and updated when services are recommissioned.',
    'Each relevant agency has a named safeguarding lead who receives partnership communications and attends the Safeguarding Leads Network.',
    "Agencies that are not named here are still expected to work with the partnership when a child's welfare is at stake.",
    'Relevant agencies complete a safeguarding self-assessment every two years, and the results are scrutinised by the {group}.',
  ],
  education: [
    'Schools, colleges and early years settings are at the heart of these arrangements because they see children every day.',
    'There are {school_n} schools in {place}, including {n:10-60} academies and {n:2-9} special schools, together with around {n:150-600} early years providers.',
    'Education is represented on the Executive Group by the Director of Education and by two headteachers elected by their peers.',
    'Every school and college is named as a relevant agency, and each has a designated safeguarding lead who is invited to termly briefings.',
    'The Education Safeguarding Group brings together designated safeguarding leads from {settings} and {settings2}.',
    'In {year}, {pct} of schools returned the annual safeguarding audit, and the findings were reported to the Executive Group.',
    'Independent schools and alternative provision are included, and the partnership works with the Department for Education where concerns arise about unregistered settings.',
    'Childminders receive a simplified version of the audit and a termly newsletter from the early years safeguarding team.',
    'Education colleagues sit on every rapid review panel where the child was of school age.',
  ],
  scrutiny: [
    'The partnership has appointed {scrutineer} as Independent Scrutineer to provide objective challenge and assurance.',
    'The Independent Scrutineer is not employed by any of the three partners and reports directly to the lead safeguarding partners.',
    'Scrutiny activity is set out in an annual plan agreed with the partners and includes practitioner focus groups, case file audits and observation of meetings.',
    'The Independent Scrutineer attends the Executive Group as a non-voting member and can request information from any partner.',
    'Findings are reported {frequency}, and the partners publish their response alongside the yearly report.',
    'Children and young people are involved in scrutiny through the Young Inspectors programme, which reviewed {n:2-6} services last year.',
    "The scrutineer also considers whether the partnership's spending represents value for money.",
    'We recognise that scrutiny must include the views of frontline staff, so the scrutineer meets practitioners without managers present.',
  ],
  funding: [
    'The safeguarding partners agree a shared budget each year that covers the business unit, independent scrutiny, training and reviews.',
    'For {fy} the total budget is £{total}, made up of contributions from the three partners and from relevant agencies.',
    'Contributions are set so that each partner pays a fair and proportionate share, and the formula is reviewed when the budget is agreed.',
    'Relevant agencies such as {agency} make voluntary contributions of between £{n:2-9},000 and £{n:10-25},000.',
    'Any underspend is carried forward into the next year and ring-fenced for practice reviews, whose costs are difficult to predict.',
    'The business manager reports spending to the Executive Group every quarter.',
    'Partners also contribute time and staff in kind, which is not counted in the figures below.',
  ],
  info: [
    'Sharing information early is essential to keep children safe, and no practitioner should assume that someone else will pass it on.',
    'The partners have signed an information sharing agreement that covers the exchange of personal data for safeguarding purposes.',
    'The agreement is consistent with the UK General Data Protection Regulation and the Data Protection Act 2018, which allow information to be shared without consent where a child is at risk.',
    "Practitioners can seek advice from their agency's safeguarding lead or data protection officer if they are unsure.",
    "The Multi-Agency Safeguarding Hub allows police, health and children's social care to share information on the same day.",
    'Where an agency refuses a request for information, the matter is escalated through the dispute resolution process.',
    'The partnership can require any person or body to supply information under section 16H of the Children Act 2004.',
  ],
  threshold: [
    'The threshold document explains the levels of need and the help available at each level, from universal services to statutory intervention.',
    'It is published on {link} and was last updated on {date}.',
    "The document sets out the criteria for early help assessment, for referral to children's social care, and for child protection enquiries.",
    'It was developed with practitioners from {agency} and {agency2}, and tested against real cases before it was published.',
    'Practitioners can discuss a concern with a social worker in the front door team before making a referral.',
    'The threshold document is reviewed every two years, or sooner if learning from reviews shows that it is not understood.',
  ],
  reviews: [
    'When a serious incident is notified to the national panel, the partners hold a rapid review within 15 working days.',
    'The rapid review decides whether the case meets the criteria for a local child safeguarding practice review and what immediate learning can be shared.',
    'Rapid reviews are chaired by the delegated partner for {police_short} or {icb_short} on a rotating basis, supported by the business unit.',
    'Local child safeguarding practice reviews are commissioned from independent reviewers and overseen by the Practice Review Group.',
    'Completed reviews are published on {link} unless publication would harm the child or their family.',
    'Learning is shared through seven-minute briefings, practitioner events and updates to procedures.',
    'The partnership tracks every action arising from reviews until it is complete and its impact has been tested.',
    'We also use learning reviews, multi-agency audits and appreciative enquiry when a case does not meet the criteria for a formal review.',
  ],
  yearly: [
    'The partners will publish a yearly report setting out what they have done and how effective the arrangements have been.',
    'The report covers the twelve months from April to March and will be published on {link} by the end of September each year.',
    'It will include evidence of the impact of the arrangements, the learning from reviews and a record of spending.',
    'The yearly report will also be sent to the national panel and to the What Works Centre within seven days of publication.',
    'Children and young people will be invited to help write a version of the report for their peers.',
  ],
  voice: [
    'Listening to children and families is a thread that runs through all of our work.',
    'The Youth Council, the Children in Care Council and the Young Carers Forum help the partnership set its priorities.',
    'In {year}, {n:80-900} young people responded to our survey about feeling safe at home, at school and online.',
    'Parents and carers are represented on the Voice and Participation Group, and two parent champions help review our leaflets.',
    'Every multi-agency audit now records what the child said and whether it changed the plan.',
    'We publish a "you said, we did" summary twice a year.',
    'Young people told us that they want practitioners to explain what happens next and to keep their promises.',
  ],
  dispute: [
    'Professional disagreement is healthy, and practitioners are encouraged to challenge decisions that they believe do not keep a child safe.',
    'The escalation policy sets out four stages, starting with a conversation between practitioners and ending with referral to the delegated safeguarding partners.',
    'Disagreements between the safeguarding partners themselves are resolved by the lead partners, with the Independent Scrutineer acting as mediator if needed.',
    'Each stage has a timescale so that concerns do not drift; most are resolved within {n:5-15} working days.',
    'The business unit records escalations and reports themes to the {group} every quarter.',
    'In the last year {n:12-90} escalations were recorded, most of them about step-down decisions.',
  ],
  training: [
    'The partnership offers a free multi-agency training programme to everyone who works with children and families in {place}.',
    'Courses range from introductory safeguarding awareness to advanced sessions on {theme} and {theme2}.',
    'In {year} we delivered {n:40-160} sessions to {n:900-5000} practitioners, with {pct} of places taken up by {agency}.',
    'Each course is evaluated three months later to see whether practice has changed.',
    'The training offer is agreed each year by the Workforce Development Group and reflects learning from reviews.',
    'E-learning modules are available at any time through {link}.',
    'We ask each agency to ensure that staff complete single-agency training before attending multi-agency courses.',
  ],
  structure: [
    'The Executive Group is supported by {n:4-7} sub-groups, each chaired by a senior officer from one of the partners.',
    'The business unit, hosted by {la_short}, employs a business manager, a learning and development officer and administrative staff.',
    'Sub-groups report to the Executive Group every quarter using a shared highlight report.',
    'The partnership works closely with the Safeguarding Adults Board, the Community Safety Partnership and the Health and Wellbeing Board.',
  ],
  period: [
    'This report covers the period from {period_start_long} to {period_end_long}.',
    'It describes the work of the {area} during that year and the difference it has made for children.',
    'It is published by the three safeguarding partners: {la}, {icb} and {police}.',
    'Data in this report relate to the reporting year unless stated otherwise.',
    'The report was agreed by the lead safeguarding partners on {date}.',
  ],
  did: [
    'Over the year the partnership focused on its three priorities: {theme}, {theme2} and {theme3}.',
    'We launched a new multi-agency strategy on {theme}, developed with practitioners and young people.',
    'The {group} met {n:4-12} times and completed {n:2-8} multi-agency audits.',
    'We refreshed the threshold document and ran {n:6-30} briefings to help staff use it.',
    'A new pathway for {theme} was introduced in {month}, bringing health visitors, police and social workers together at the first contact.',
    "The Multi-Agency Safeguarding Hub handled {n:6000-24000} contacts, of which {pct} led to a referral to children's social care.",
    'We updated {n:6-25} procedures and published {n:3-12} seven-minute briefings.',
    'The partnership held its annual conference in {month}, attended by {n:150-450} practitioners.',
    'Work with schools included a programme of designated safeguarding lead supervision, taken up by {pct} of secondary schools.',
    'Partners jointly commissioned an independent review of arrangements for {theme}.',
  ],
  impact: [
    'Audits show that the quality of multi-agency referrals has improved, with {pct} now rated good or better compared with {pct2} last year.',
    "Re-referrals to children's social care within twelve months fell to {pct}.",
    'Practitioners report greater confidence in recognising {theme}: {pct} said the training changed how they work.',
    'Attendance of health colleagues at initial child protection conferences rose to {pct}.',
    'Children told the Young Inspectors that they felt listened to in {n:3-9} out of ten meetings observed.',
    'We cannot yet show that the new pathway has reduced harm, and we will evaluate it again next year.',
    'Strategy discussions now include education in {pct} of cases, up from {pct2}.',
    'The number of children subject to a child protection plan for a second or subsequent time has reduced.',
  ],
  learning: [
    'During the year the partnership held {n:2-11} rapid reviews and commissioned {n:0-3} local child safeguarding practice reviews.',
    'The national panel agreed with our decisions in every case.',
    'Common themes included the invisibility of fathers and partners, drift in neglect cases and the impact of {theme}.',
    'A local review published in {month} found that information held by {agency} was not shared with the school.',
    'In response we changed the referral form and delivered briefings to {n:200-900} staff.',
    'Action plans from earlier reviews have been completed, and audits show the learning is embedded in practice.',
    'We shared learning from national reviews on {theme} through a practitioner event.',
  ],
  limited: [
    'We have made less progress than we hoped on {theme}.',
    'Waiting times for child and adolescent mental health services remain too long, and partners have not yet agreed a joint plan.',
    'Data from {agency} were not available in a form that allowed the partnership to measure impact.',
    'The voice of fathers is still missing from too many assessments.',
    'Attendance by {agency} at strategy discussions has not improved.',
    'Recruitment of social workers and health visitors remains difficult, which affects the timeliness of assessments.',
    "We will report on these areas in next year's report and have asked the Independent Scrutineer to test progress.",
  ],
  findings: [
    'The Independent Scrutineer, {scrutineer}, reported to the lead partners in {month}.',
    'The scrutineer found that the partners work well together and that challenge is welcomed.',
    'She recommended that the partnership strengthen the involvement of education and make better use of data.',
    'Practitioners told the scrutineer that they value the training but find it hard to be released to attend.',
    'The scrutineer judged the arrangements for rapid reviews to be timely and well led.',
    'The partners accepted all {n:3-8} recommendations and have published an action plan.',
    'The scrutineer will follow up progress in {month} {next_year}.',
  ],
  budget: [
    "The partnership's income for the year was £{total}, and spending was within budget.",
    'Contributions from the partners were as follows.',
    'The largest items of spending were staffing of the business unit, independent scrutiny and practice reviews.',
    'An underspend of £{n:4-60},000 has been carried forward to fund reviews commissioned late in the year.',
    'The partners have agreed to increase contributions by {n:2-6}% next year to meet rising costs.',
  ],
  priorities: [
    'Next year the partnership will concentrate on the following priorities.',
    'These priorities were chosen after consulting practitioners, children and families and considering the findings of scrutiny.',
    "Each priority has a lead partner and measures of success that will be reported in next year's report.",
    'We will also continue work on {theme}, which remains a concern.',
  ],
  glossary: [
    '**MASH**: Multi-Agency Safeguarding Hub, where agencies share information about concerns.',
    '**LCSPR**: Local Child Safeguarding Practice Review.',
    '**DSL**: Designated Safeguarding Lead in a school or college.',
    '**ICB**: Integrated Care Board, the NHS body that plans and buys health services.',
    '**Early help**: support offered as soon as a problem emerges.',
    '**Section 11 audit**: a self-assessment of how well an agency meets its safeguarding duties.',
    '**Strategy discussion**: a meeting to decide whether to start child protection enquiries.',
  ],
  filler: [
    'Partners continue to meet regularly and relationships are strong.',
    'We will keep these arrangements under review and publish any changes on {link}.',
    'Further information is available from the partnership business unit.',
    "This section should be read alongside the partnership's multi-agency procedures.",
    'The {group} oversees this area of work and reports to the Executive Group.',
    "Progress against the actions in this section is monitored through the partnership's performance framework.",
  ],
};

// Yearly reports open differently from arrangements.
BANK.yrintro = [
  'Welcome to the yearly report of the {area}, which looks back on the work of the partnership over the last twelve months.',
  'As lead safeguarding partners, we are proud of what practitioners across {place} have achieved for children this year.',
  'The year brought real pressures: rising demand, recruitment difficulties and the cost of living all affected the families we serve.',
  'This report is honest about where we have made a difference and where we still have more to do.',
  'It has been written for everyone with an interest in keeping children safe in {place}, and a version for young people is available on {link}.',
  'We thank the staff and volunteers of every agency for their commitment, and the children and families who shared their experiences with us.',
  'Our priorities this year were {theme}, {theme2} and {theme3}.',
];

// Combinatorial sentences for padding: thousands of distinct sentences, so that a long document
// does not repeat itself. A section's own topics are preferred as objects.
const GEN = {
  subject: [
    'The {group}',
    'The Executive Group',
    'The business unit',
    'Practitioners from {agency}',
    'Designated safeguarding leads',
    'Health visitors and school nurses',
    'Neighbourhood policing teams',
    'Social workers in the front door team',
    'The Independent Scrutineer',
    'Colleagues in {agency}',
    'The delegated safeguarding partners',
    'A task and finish group',
    'Partners',
    'The partnership',
  ],
  verb: [
    'reviewed',
    'strengthened',
    'tested',
    'evaluated',
    'agreed',
    'audited',
    'revised',
    'piloted',
    'reported on',
    'developed',
    'monitored',
    'challenged',
    'redesigned',
    'looked closely at',
    'consulted on',
    'published guidance on',
  ],
  object: [
    'the multi-agency response to {theme}',
    'how referrals about {theme} are handled',
    'the quality of strategy discussions',
    'information sharing at the front door',
    'the use of the threshold document',
    'attendance at child protection conferences',
    'the escalation policy',
    'support for families affected by {theme}',
    "the partnership's data set",
    'training on {theme}',
    'learning from the last rapid review',
    'the early help offer',
    "transitions between children's and adult services",
  ],
  tail: [
    'in {month}',
    'during {year}',
    'with support from {agency}',
    'and reported the findings to the Executive Group',
    'following feedback from practitioners',
    'after a multi-agency audit in {month}',
    'as part of the priority on {theme}',
    'with the help of young people from the Youth Council',
    'over {n:2-9} months',
  ],
  follow: [
    'This showed that practice was improving but remained inconsistent.',
    'The voice of the child was recorded in {pct} of the cases looked at.',
    'Fathers and male carers were rarely involved in planning.',
    'Plans were clearer and better understood by families.',
    'Information was not always shared quickly enough.',
    'As a result, the partnership updated its guidance.',
    'A seven-minute briefing was published in {month}.',
    'Managers now review these cases every month.',
    'The findings will be followed up by the {group}.',
    'Agencies understood their roles better than a year ago.',
    'There is more to do, and progress will be reported next year.',
  ],
};
const TOPICS = {
  partners: ['the memorandum of understanding', 'the roles of the lead and delegated partners', 'attendance at the Executive Group'],
  geography: ['cross-border protocols', 'arrangements with neighbouring partnerships', 'services for children placed from other areas'],
  agencies: ['the list of relevant agencies', 'the safeguarding self-assessment', 'the Safeguarding Leads Network'],
  education: ['the schools safeguarding audit', 'support for designated safeguarding leads', 'the involvement of early years settings'],
  scrutiny: ['the scrutiny plan', "the scrutineer's recommendations", 'the Young Inspectors programme'],
  funding: ['the shared budget', 'partner contributions', 'spending on practice reviews', 'the cost of the business unit'],
  info: ['the information sharing agreement', 'consent and data protection guidance', 'same-day information sharing in the MASH'],
  threshold: ['the threshold document', 'the levels of need', 'the criteria for early help'],
  reviews: ['the rapid review process', 'the tracking of review actions', 'the commissioning of independent reviewers'],
  yearly: ['the yearly report', 'the performance framework', 'the publication timetable'],
  voice: ["the young people's survey", 'the "you said, we did" summary', 'the parent champions scheme'],
  dispute: ['the escalation policy', 'the professional disagreement log', 'the resolution timescales'],
  training: ['the multi-agency training offer', 'the evaluation of training', 'the e-learning modules'],
  period: ['the reporting year'],
  did: ["the partnership's business plan", 'the neglect strategy', 'the exploitation pathway'],
  impact: ['the impact measures', 'the outcomes framework', 'multi-agency audit findings'],
  learning: ['the learning from rapid reviews', 'the action plans from earlier reviews'],
  limited: ['the actions that have slipped', 'the waiting times for mental health services'],
  findings: ["the scrutineer's findings", 'the response to scrutiny'],
  budget: ['the year-end financial position', 'the contributions formula'],
  priorities: ["next year's business plan", 'the measures of success'],
};

function genericSentence(ctx, key) {
  const { rng } = ctx;
  const topics = TOPICS[key];
  const object = topics && rng.chance(0.5) ? rng.pick(topics) : rng.pick(GEN.object);
  let s = `${rng.pick(GEN.subject)} ${rng.pick(GEN.verb)} ${object} ${rng.pick(GEN.tail)}.`;
  if (rng.chance(0.4)) s += ` ${rng.pick(GEN.follow)}`;
  return fill(s, ctx, rng);
}

const LISTS = {
  priorities: [
    'Improve the multi-agency response to {theme}',
    'Strengthen early help for families affected by {theme}',
    'Embed the voice of the child in every assessment',
    'Make better use of shared data to understand impact',
    'Work more closely with schools on {theme}',
    'Improve support for children at transition to adulthood',
    'Reduce drift and delay for children living with {theme}',
    'Develop a shared approach to contextual safeguarding',
  ],
  actions: [
    'Publish a refreshed strategy for {theme}',
    'Deliver {n:6-20} practitioner briefings',
    'Complete a multi-agency audit of {theme}',
    'Review the escalation policy',
    'Update the threshold document',
    'Evaluate the impact of training on practice',
    'Hold a learning event for designated safeguarding leads',
    'Agree a data set for the Executive Group',
    'Consult young people on the partnership website',
    'Appoint a new Independent Scrutineer',
  ],
};

// ---------------------------------------------------------------- section catalogue

// key: stable id used in the manifest; titles: wording variants real partnerships use.
const ARR_SECTIONS = [
  {
    key: 'partners',
    bank: 'partners',
    titles: [
      'Safeguarding partners',
      'The safeguarding partners',
      'Our safeguarding partners',
      'Lead and delegated safeguarding partners',
      'Who the partners are',
    ],
  },
  { key: 'geography', bank: 'geography', titles: ['Geography', 'Geographical area', 'The area we cover', 'Our footprint'] },
  {
    key: 'agencies',
    bank: 'agencies',
    titles: ['Relevant agencies', 'Relevant Agencies', 'Relevant agencies and other organisations', 'Who else is involved'],
  },
  {
    key: 'education',
    bank: 'education',
    titles: ['Education and childcare settings', 'Schools, colleges and early years', 'The role of education', 'Education and childcare'],
  },
  {
    key: 'scrutiny',
    bank: 'scrutiny',
    titles: [
      'Independent scrutiny',
      'Independent Scrutiny',
      'Scrutiny and assurance',
      'How we are held to account',
      'Independent scrutiny arrangements',
    ],
  },
  {
    key: 'funding',
    bank: 'funding',
    titles: ['Funding', 'Funding the arrangements', 'Budget and contributions', 'Resourcing the partnership'],
  },
  { key: 'info', bank: 'info', titles: ['Information sharing', 'Sharing information', 'Information Sharing'] },
  {
    key: 'threshold',
    bank: 'threshold',
    titles: ['Threshold document', 'Thresholds', 'Levels of need (threshold document)', 'Continuum of need'],
  },
  {
    key: 'reviews',
    bank: 'reviews',
    titles: [
      'Rapid reviews and local child safeguarding practice reviews',
      'Learning from serious incidents',
      'Child safeguarding practice reviews',
      'Rapid reviews and practice reviews',
    ],
  },
  { key: 'yearly', bank: 'yearly', titles: ['Yearly report', 'Annual report', 'Reporting on our work', 'Yearly report and publication'] },
  {
    key: 'voice',
    bank: 'voice',
    titles: [
      'Voice of children and families',
      'Listening to children and families',
      'The voice of the child',
      'Involving children, young people and families',
    ],
  },
  {
    key: 'dispute',
    bank: 'dispute',
    titles: ['Dispute resolution', 'Resolving professional disagreements', 'Escalation and dispute resolution'],
  },
  {
    key: 'training',
    bank: 'training',
    titles: ['Multi-agency training', 'Training and workforce development', 'Multi-Agency Training', 'Learning and development'],
  },
];
const YR_SECTIONS = [
  { key: 'period', bank: 'period', titles: ['Period covered', 'About this report', 'The period this report covers'] },
  { key: 'did', bank: 'did', titles: ['What we did', 'What we have done', 'Our work this year', 'Progress against our priorities'] },
  {
    key: 'impact',
    bank: 'impact',
    titles: ['Impact and effectiveness', 'What difference has it made?', 'How effective have the arrangements been?', 'Impact'],
  },
  {
    key: 'learning',
    bank: 'learning',
    titles: ['Learning from reviews', 'Rapid reviews and practice reviews', 'What we learned from reviews'],
  },
  {
    key: 'limited',
    bank: 'limited',
    titles: ['Where progress has been limited', 'What we still need to do', 'Areas for development', 'Where we have made less progress'],
  },
  {
    key: 'findings',
    bank: 'findings',
    titles: ['Independent scrutiny findings', 'What the Independent Scrutineer found', 'Independent scrutiny', 'Scrutiny findings'],
  },
  { key: 'budget', bank: 'budget', titles: ['Budget', 'Funding and spending', 'Financial summary', 'Partnership budget'] },
  {
    key: 'priorities',
    bank: 'priorities',
    titles: ['Priorities for next year', 'Our priorities for 2025-26', 'Looking ahead', 'Priorities for the year ahead'],
  },
];
// Sections most often left out of real drafts, and so most often dropped here.
const ARR_OFTEN_MISSING = ['scrutiny', 'education', 'funding', 'yearly', 'dispute', 'voice', 'threshold', 'geography'];
const YR_OFTEN_MISSING = ['limited', 'impact', 'budget', 'findings', 'learning', 'period'];
const THIN_TEXT = [
  'To be confirmed.',
  'Arrangements for this are under review and will be confirmed in due course.',
  'See the partnership website.',
  'The partners will agree this at a future meeting.',
  'Details will be added when the new structure is agreed.',
];

// ---------------------------------------------------------------- area context

function buildArea(seed, index) {
  const rng = makeRng(`wtlint-bench:${seed}:${index}`);
  const seedNum = cyrb128(String(seed))[0] % 4800;
  const place = placeFor(index, seedNum);
  const laKind = rng.weighted([
    ['county', 3],
    ['unitary', 4],
    ['met', 2],
    ['london', 2],
    ['city', 1],
  ]);
  const la = {
    county: `${place.replace(/shire$/, '')}shire County Council`,
    unitary: `${place} Council`,
    met: `${place} Metropolitan Borough Council`,
    london: `London Borough of ${place}`,
    city: `${place} City Council`,
  }[laKind];
  const suffix = rng.weighted([
    ['Safeguarding Children Partnership', 6],
    ['Safeguarding Partnership', 2],
    ["Children's Safeguarding Partnership", 2],
    ['Local Safeguarding Children Partnership', 1],
    ['Safeguarding Children Board', 1],
  ]);
  const joint = rng.chance(0.1) ? otherPlace(rng) : null;
  const areaName = joint ? `${place} and ${joint} ${suffix}` : `${place} ${suffix}`;
  const icbRegion = rng.chance(0.5) ? place : `${place} and ${otherPlace(rng)}`;
  const policeArea = rng.chance(0.6) ? place : otherPlace(rng);
  const policeName = rng.chance(0.6) ? `${policeArea} Police` : `${policeArea} Constabulary`;

  const edition = rng.weighted([
    ['2023', 76],
    ['2018', 24],
  ]);
  const outdatedCcg = edition === '2023' && rng.chance(0.05);
  const icb =
    edition === '2018' || outdatedCcg ? `NHS ${icbRegion} Clinical Commissioning Group` : `NHS ${icbRegion} Integrated Care Board`;
  const slug = place.toLowerCase().replace(/\s+/g, '-');
  const url = `https://www.${slug}${rng.pick(['scp', 'safeguardingchildren', '-safeguarding', 'lscp'])}.org.uk`;

  const total = rng.int(280, 1400) * 1000;
  const laShare = rng.int(38, 60) / 100;
  const policeShare = rng.chance(0.06) ? rng.int(2, 6) / 100 : rng.int(14, 28) / 100; // some inequitable
  const healthShare = Math.max(0.05, 1 - laShare - policeShare - rng.int(0, 8) / 100);
  const otherShare = Math.max(0, 1 - laShare - policeShare - healthShare);
  const round = (x) => Math.round(x / 1000) * 1000;

  const ctx = {
    rng,
    index,
    place,
    area: areaName,
    la,
    la_short: rng.pick(['the Council', 'the local authority', acronym(la) || 'the Council']),
    icb,
    icb_short: icb.includes('Clinical') ? 'the CCG' : 'the ICB',
    police: policeName,
    police_short: rng.pick(['the Police', policeName.endsWith('Constabulary') ? 'the Constabulary' : 'the force']),
    edition,
    url,
    scrutineer: personName(rng),
    scrutinyIndependent: !rng.chance(0.04),
    chair_role: rng.pick([
      "Director of Children's Services",
      'Chief Nurse of the ICB',
      'Detective Chief Superintendent for Public Protection',
    ]),
    pop: (rng.int(120, 1600) * 1000).toLocaleString('en-GB'),
    kids: (rng.int(25, 360) * 1000).toLocaleString('en-GB'),
    school_n: rng.int(40, 520),
    frequency: rng.pick(['quarterly', 'twice a year', 'every six months', 'annually']),
    other_place: otherPlace(rng),
    other_place2: otherPlace(rng),
    agencies: rng.sample(AGENCY_POOL, rng.int(6, 16)),
    funding: {
      total: round(total),
      contributions: [
        { partner: la, amount: round(total * laShare) },
        { partner: icb, amount: round(total * healthShare) },
        { partner: policeName, amount: round(total * policeShare) },
        ...(otherShare > 0.01 ? [{ partner: 'Relevant agencies (combined)', amount: round(total * otherShare) }] : []),
      ],
    },
    inequitableFunding: policeShare < 0.07,
    themes: rng.sample(THEMES, 5),
    headingNumbered: rng.chance(0.25),
    headingStyle: rng.weighted([
      ['atx', 90],
      ['setext', 4],
      ['bold', 6],
    ]), // bold: pseudo-headings
    bullet: rng.pick(['-', '-', '*']),
    crlf: rng.chance(0.03),
    bom: rng.chance(0.01),
  };
  return ctx;
}

// ---------------------------------------------------------------- text filling

function fill(tpl, ctx, rng) {
  return tpl.replace(/\{([a-z_0-9]+)(?::(\d+)-(\d+))?\}/g, (m, name, lo, hi) => {
    if (lo !== undefined) {
      const v = rng.int(Number(lo), Number(hi));
      return v >= 10000 ? v.toLocaleString('en-GB') : String(v);
    }
    switch (name) {
      case 'pct':
      case 'pct2':
        return `${rng.int(8, 96)}%`;
      case 'date':
        return longDate(between(rng, ymd(2024, 4, 1), ymd(2025, 9, 30)));
      case 'month':
        return rng.pick(MONTHS);
      case 'year':
        return rng.pick(['2023-24', '2024-25', '2024']);
      case 'prev_year':
        return String(rng.int(2019, 2022));
      case 'next_year':
        return '2026';
      case 'fy':
        return '2024-25';
      case 'theme':
        return ctx.themes[0];
      case 'theme2':
        return ctx.themes[1];
      case 'theme3':
        return ctx.themes[2];
      case 'agency':
        return rng.pick(ctx.agencies);
      case 'agency2':
        return rng.pick(ctx.agencies);
      case 'group':
        return rng.pick(GROUPS);
      case 'settings':
        return rng.pick(SETTINGS);
      case 'settings2':
        return rng.pick(SETTINGS);
      case 'link':
        return `[${rng.pick(LINKWORDS)}](${ctx.url}/${rng.pick(['arrangements', 'procedures', 'reviews', 'training', 'reports', 'about-us'])})`;
      case 'total':
        return ctx.funding.total.toLocaleString('en-GB');
      case 'scrutineer':
        return ctx.scrutineer;
      case 'period_start_long':
        return longDate(Date.parse(ctx.period.start));
      case 'period_end_long':
        return longDate(Date.parse(ctx.period.end));
      default:
        if (ctx[name] === undefined) throw new Error(`gen-corpus: no value for slot {${name}}`);
        return String(ctx[name]);
    }
  });
}

// A paragraph: k sentences from a bank, in the bank's order from a random start (reads better
// than a shuffle), skipping sentences this document has already used; once a bank is used up,
// generic sentences about the section's topics take over. Occasional emphasis.
function paragraph(ctx, bankName, k, key = bankName) {
  const { rng } = ctx;
  const bank = BANK[bankName];
  const start = rng.int(0, bank.length - 1);
  const out = [];
  for (let j = 0; j < bank.length && out.length < k; j++) {
    const idx = (start + j) % bank.length;
    const id = `${bankName}:${idx}`;
    if (ctx.used.has(id)) continue;
    ctx.used.add(id);
    out.push(fill(bank[idx], ctx, rng));
  }
  while (out.length < k) out.push(genericSentence(ctx, key));
  if (rng.chance(0.1)) out[0] = out[0].replace(/^(\S+ \S+ \S+)/, '**$1**');
  return out.join(' ');
}

function bulletList(ctx, items, ordered = false) {
  return items.map((it, i) => `${ordered ? `${i + 1}.` : ctx.bullet} ${it}`).join('\n');
}

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const money = (n) => `£${n.toLocaleString('en-GB')}`;

// Extra blocks a section may grow with, beyond plain paragraphs.
function extraBlock(ctx, key) {
  const { rng } = ctx;
  switch (key) {
    case 'agencies':
      if (rng.chance(0.5)) return bulletList(ctx, rng.sample(ctx.agencies, rng.int(4, 10)).map(cap));
      break;
    case 'funding':
    case 'budget':
      if (rng.chance(0.4)) {
        return table(
          ['Partner', 'Contribution', 'Share'],
          ctx.funding.contributions.map((c) => [c.partner, money(c.amount), `${Math.round((100 * c.amount) / ctx.funding.total)}%`]),
        );
      }
      break;
    case 'training':
      if (rng.chance(0.4)) {
        return table(
          ['Course', 'Sessions', 'Attendees', 'Rated good or better'],
          rng
            .sample(
              [
                'Safeguarding awareness',
                'Working Together',
                'Neglect and the graded care profile',
                'Child exploitation',
                'Domestic abuse',
                'Harmful sexual behaviour',
                'Online safety',
                'Safer recruitment',
                'Designated safeguarding lead update',
                'Effective supervision',
              ],
              rng.int(3, 7),
            )
            .map((c) => [c, String(rng.int(2, 24)), String(rng.int(20, 600)), `${rng.int(70, 99)}%`]),
        );
      }
      break;
    case 'voice':
    case 'impact':
      if (rng.chance(0.45)) {
        return `> "${rng.pick([
          'I felt like someone finally listened to me.',
          'My social worker explained everything and kept her promises.',
          'School noticed something was wrong before I said anything.',
          'I wish I had been asked what I wanted sooner.',
          "The police officer was kind and didn't rush me.",
          'Having the same worker for the whole time made a big difference.',
        ])}"\n>\n> — ${rng.pick(['young person', 'care leaver', 'parent', 'young carer'])}, ${rng.pick(['aged 13', 'aged 15', 'aged 17', 'Year 9', 'from ' + ctx.place])}`;
      }
      break;
    case 'did':
    case 'learning':
      if (rng.chance(0.35)) {
        return `### ${rng.pick(['Case study', 'Spotlight', 'Practice example'])}: ${cap(rng.pick(THEMES))}\n\n${paragraph(ctx, 'did', rng.int(3, 5), key)}\n\n${paragraph(ctx, 'impact', rng.int(2, 4), key)}`;
      }
      if (rng.chance(0.3))
        return bulletList(
          ctx,
          rng.sample(LISTS.actions, rng.int(3, 7)).map((t) => fill(t, ctx, rng)),
        );
      break;
    case 'priorities':
      if (rng.chance(0.6))
        return bulletList(
          ctx,
          rng.sample(LISTS.priorities, rng.int(3, 6)).map((t) => fill(t, ctx, rng)),
          true,
        );
      break;
    default:
      break;
  }
  if (rng.chance(0.08))
    return `<!-- ${rng.pick(['reviewed by the business unit', 'update figures before publication', 'agreed at Executive Group'])} -->`;
  return paragraph(ctx, rng.chance(0.1) ? 'filler' : sectionBank(key), rng.int(2, 5), key);
}

function sectionBank(key) {
  return [...ARR_SECTIONS, ...YR_SECTIONS].find((s) => s.key === key)?.bank ?? 'filler';
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

function heading(ctx, level, text, number) {
  // A numbered setext heading would read as a list item, so setext documents are not numbered.
  const t = number && ctx.headingStyle !== 'setext' ? `${number}. ${text}` : text;
  if (ctx.headingStyle === 'setext' && level <= 2) return `${t}\n${(level === 1 ? '=' : '-').repeat(Math.max(3, t.length))}`;
  if (ctx.headingStyle === 'bold' && level === 2) return `**${t}**`;
  return `${'#'.repeat(level)} ${t}`;
}

// ---------------------------------------------------------------- YAML front matter

function yamlString(s, rng) {
  if (/[:#'"\[\]{}&*!|>%@`]/.test(s) || rng.chance(0.15)) return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return s;
}

function arrangementsFrontMatter(ctx, doc) {
  const { rng } = ctx;
  const L = [];
  if (rng.chance(0.2)) L.push('# Published arrangements: front matter read by the partnership website');
  L.push('kind: arrangements');
  if (!doc.dropKeys.includes('area')) L.push(`area: ${yamlString(ctx.area, rng)}`);
  if (!doc.dropKeys.includes('edition')) L.push(`edition: ${rng.chance(0.7) ? ctx.edition : `"${ctx.edition}"`}`);
  if (!doc.dropKeys.includes('published')) L.push(`published: ${doc.published}`);
  if (rng.chance(0.6)) L.push(`review_date: ${iso(Date.parse(doc.published) + 365 * DAY)}`);
  if (rng.chance(0.7)) L.push(`url: ${ctx.url}/arrangements`);
  if (!doc.dropKeys.includes('partners')) {
    L.push('partners:');
    const roles = [
      [ctx.la, 'local-authority', 'Chief Executive', "Director of Children's Services"],
      [ctx.icb, ctx.icb.includes('Clinical') ? 'clinical-commissioning-group' : 'integrated-care-board', 'Chief Executive', 'Chief Nurse'],
      [ctx.police, 'police', 'Chief Constable', 'Detective Chief Superintendent, Public Protection'],
    ];
    for (const [name, type, lead, delegate] of roles) {
      L.push(`  - name: ${yamlString(name, rng)}`, `    type: ${type}`);
      if (ctx.edition === '2023') L.push(`    lead: ${yamlString(lead, rng)}`, `    delegate: ${yamlString(delegate, rng)}`);
    }
  }
  if (ctx.edition === '2023' && rng.chance(0.8)) L.push(`chair: ${yamlString(ctx.chair_role, rng)}`);
  if (!doc.dropKeys.includes('relevant_agencies') && rng.chance(0.8)) {
    if (rng.chance(0.2))
      L.push(
        `relevant_agencies: [${ctx.agencies
          .slice(0, 5)
          .map((a) => JSON.stringify(cap(a)))
          .join(', ')}]`,
      );
    else {
      L.push('relevant_agencies:');
      for (const a of ctx.agencies) L.push(`  - ${yamlString(cap(a), rng)}`);
    }
  }
  if (!doc.dropKeys.includes('scrutiny') && rng.chance(0.85)) {
    L.push('scrutiny:');
    L.push(`  name: ${yamlString(ctx.scrutineer, rng)}`);
    L.push(`  role: ${ctx.scrutinyIndependent ? 'Independent Scrutineer' : yamlString(`Director of Children's Services, ${ctx.la}`, rng)}`);
    L.push(`  independent: ${ctx.scrutinyIndependent}`);
    L.push(`  appointed: ${iso(between(rng, ymd(2020, 1, 1), ymd(2024, 6, 30)))}`);
    L.push(`  frequency: ${ctx.frequency}`);
  }
  if (!doc.dropKeys.includes('funding') && rng.chance(0.85)) {
    L.push('funding:', '  year: 2024-25', `  total: ${ctx.funding.total}`, '  contributions:');
    for (const c of ctx.funding.contributions) L.push(`    - partner: ${yamlString(c.partner, rng)}`, `      amount: ${c.amount}`);
  }
  if (rng.chance(0.6)) L.push(`threshold_document: ${ctx.url}/threshold-document.pdf`);
  if (rng.chance(0.3))
    L.push(
      `education:\n  schools: ${ctx.school_n}\n  representation: ${yamlString('Director of Education and two elected headteachers', rng)}`,
    );
  return L;
}

function yearlyFrontMatter(ctx, doc) {
  const { rng } = ctx;
  const L = [];
  L.push('kind: yearly-report');
  if (!doc.dropKeys.includes('area')) L.push(`area: ${yamlString(ctx.area, rng)}`);
  if (!doc.dropKeys.includes('edition')) L.push(`edition: ${doc.edition}`);
  if (!doc.dropKeys.includes('published')) L.push(`published: ${doc.published}`);
  if (!doc.dropKeys.includes('period')) {
    if (rng.chance(0.15)) L.push(`period: { start: ${ctx.period.start}, end: ${ctx.period.end} }`);
    else L.push('period:', `  start: ${ctx.period.start}`, `  end: ${ctx.period.end}`);
  }
  if (rng.chance(0.6)) L.push(`url: ${ctx.url}/reports/yearly-report-2024-25`);
  if (rng.chance(0.7)) {
    L.push('partners:');
    for (const p of [ctx.la, ctx.icb, ctx.police]) L.push(`  - ${yamlString(p, rng)}`);
  }
  if (rng.chance(0.6)) {
    L.push(
      'reviews:',
      `  rapid_reviews: ${rng.int(0, 12)}`,
      `  lcspr_commissioned: ${rng.int(0, 3)}`,
      `  lcspr_published: ${rng.int(0, 2)}`,
    );
  }
  if (!doc.dropKeys.includes('funding') && rng.chance(0.7)) {
    L.push(
      'funding:',
      `  total: ${ctx.funding.total}`,
      `  spent: ${Math.round((ctx.funding.total * rng.int(85, 104)) / 100)}`,
      '  contributions:',
    );
    for (const c of ctx.funding.contributions) L.push(`    - partner: ${yamlString(c.partner, rng)}`, `      amount: ${c.amount}`);
  }
  if (!doc.dropKeys.includes('scrutiny') && rng.chance(0.6)) {
    L.push(
      'scrutiny:',
      `  name: ${yamlString(ctx.scrutineer, rng)}`,
      `  independent: ${ctx.scrutinyIndependent}`,
      `  report_received: ${iso(between(rng, ymd(2025, 2, 1), ymd(2025, 7, 31)))}`,
    );
  }
  if (rng.chance(0.7)) {
    L.push('priorities:');
    for (const p of rng.sample(LISTS.priorities, rng.int(3, 5))) L.push(`  - ${yamlString(fill(p, ctx, rng), rng)}`);
  }
  return L;
}

// Realistic ways front matter gets broken by hand editing; each makes a YAML 1.2 parser fail.
const MALFORMATIONS = [
  ['unclosed-quote', (L) => L.map((l) => (l.startsWith('kind: ') ? `kind: "${l.slice(6)}` : l))],
  [
    'bad-indent',
    (L) => {
      L.splice(2, 0, `   ${L.splice(2, 1)[0].trim()}`);
      return L;
    },
  ],
  [
    'tab-indent',
    (L) => {
      const i = L.findIndex((l) => /^ {2}\S/.test(l));
      L[i >= 0 ? i : 1] = `\t${L[i >= 0 ? i : 1].trim()}`;
      return L;
    },
  ],
  ['missing-colon', (L) => L.map((l) => (l.startsWith('kind: ') ? l.replace(': ', ' ') : l))],
  ['unclosed-flow', (L) => [...L, 'tags: [safeguarding, children, partnership']],
  ['duplicate-key', (L) => [...L, L.find((l) => l.startsWith('kind: '))]],
  ['unterminated-front-matter', (L) => L], // the closing --- is left out when assembling
];

// ---------------------------------------------------------------- documents

function planDocument(ctx, kind) {
  const { rng } = ctx;
  const sections = kind === 'arrangements' ? ARR_SECTIONS : YR_SECTIONS;
  const often = kind === 'arrangements' ? ARR_OFTEN_MISSING : YR_OFTEN_MISSING;
  const missing = [];
  const thin = [];
  if (rng.chance(kind === 'arrangements' ? 0.18 : 0.14)) {
    const k = rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ]);
    missing.push(...rng.sample(often, k));
  }
  if (rng.chance(0.06)) {
    const cand = often.filter((s) => !missing.includes(s));
    thin.push(rng.pick(cand));
  }
  const dropKeys = [];
  // A missing section usually comes with its structured key missing too (the element is absent
  // altogether); sometimes the front matter still evidences it.
  if (missing.includes('scrutiny') || missing.includes('findings')) {
    if (rng.chance(0.7)) dropKeys.push('scrutiny');
  }
  if (missing.includes('funding') || missing.includes('budget')) {
    if (rng.chance(0.7)) dropKeys.push('funding');
  }
  if (missing.includes('agencies') && rng.chance(0.7)) dropKeys.push('relevant_agencies');
  if (rng.chance(0.02))
    dropKeys.push(
      rng.pick(kind === 'arrangements' ? ['published', 'area', 'edition', 'partners'] : ['published', 'area', 'period', 'edition']),
    );

  let published,
    late,
    edition = ctx.edition;
  if (kind === 'arrangements') {
    late = rng.chance(0.12);
    if (ctx.edition === '2023') {
      // WT 2023: updated arrangements to be published by December 2024.
      published = late ? between(rng, ymd(2025, 1, 6), ymd(2025, 6, 30)) : between(rng, ymd(2024, 6, 1), ymd(2024, 12, 31));
    } else {
      // WT 2018: arrangements published by 29 June 2019.
      published = late ? between(rng, ymd(2019, 7, 1), ymd(2019, 12, 20)) : between(rng, ymd(2019, 4, 1), ymd(2019, 6, 29));
    }
  } else {
    late = rng.chance(0.13);
    edition = ctx.edition === '2018' && rng.chance(0.5) ? '2018' : '2023';
    // Yearly report for 2024-25: published by the end of September 2025.
    published = late ? between(rng, ymd(2025, 10, 1), ymd(2026, 1, 31)) : between(rng, ymd(2025, 6, 15), ymd(2025, 9, 30));
  }
  const malformed = ctx.malformedDocs?.includes(kind) ? rng.pick(MALFORMATIONS)[0] : null;
  const target = MIN_BYTES + Math.round((MAX_BYTES - MIN_BYTES - 1536) * Math.pow(rng.next(), 1.35));
  return { kind, sections, missing, thin, dropKeys, published: iso(published), late, edition, malformed, target };
}

function renderDocument(ctx, doc) {
  const { rng } = ctx;
  ctx.used = new Set(); // sentences already in this document
  const fmLines = doc.kind === 'arrangements' ? arrangementsFrontMatter(ctx, doc) : yearlyFrontMatter(ctx, doc);
  const fm = doc.malformed ? MALFORMATIONS.find(([name]) => name === doc.malformed)[1](fmLines.slice()) : fmLines;
  const fmText = `---\n${fm.join('\n')}\n${doc.malformed === 'unterminated-front-matter' ? '' : '---\n'}\n`;

  const title =
    doc.kind === 'arrangements'
      ? rng.pick([
          `${ctx.area}: multi-agency safeguarding arrangements`,
          `Multi-agency safeguarding arrangements for ${ctx.place}`,
          `${ctx.area} Arrangements`,
          `Working Together in ${ctx.place}: our safeguarding arrangements`,
        ])
      : rng.pick([
          `${ctx.area} yearly report 2024-25`,
          'Yearly report 2024 to 2025',
          `${ctx.area}: Annual Report 2024/25`,
          `Safeguarding children in ${ctx.place}: yearly report 2024-25`,
        ]);

  // Sections present, each with the heading wording this document uses (copies: the catalogue
  // is shared by every document).
  const order = doc.sections
    .filter((s) => !doc.missing.includes(s.key))
    .map((s) => ({
      key: s.key,
      bank: s.bank,
      title: rng.chance(0.04) ? s.titles[0].toUpperCase() : rng.pick(s.titles),
    }));
  if (rng.chance(0.3)) {
    // swap a couple of neighbours: real documents do not follow the guidance's order
    for (let k = 0; k < 2; k++) {
      const i = rng.int(0, order.length - 2);
      [order[i], order[i + 1]] = [order[i + 1], order[i]];
    }
  }
  const blocks = new Map();
  for (const s of order) {
    if (doc.thin.includes(s.key)) {
      blocks.set(s.key, [rng.pick(THIN_TEXT)]);
      continue;
    }
    const b = [paragraph(ctx, s.bank, rng.int(2, 5), s.key)];
    if (s.key === 'agencies') b.push(bulletList(ctx, ctx.agencies.map(cap)));
    if (s.key === 'funding' || s.key === 'budget') {
      b.push(
        table(
          ['Partner', 'Contribution (£)'],
          ctx.funding.contributions.map((c) => [c.partner, c.amount.toLocaleString('en-GB')]),
        ),
      );
    }
    if (s.key === 'priorities')
      b.push(
        bulletList(
          ctx,
          rng.sample(LISTS.priorities, rng.int(3, 6)).map((t) => fill(t, ctx, rng)),
          true,
        ),
      );
    blocks.set(s.key, b);
  }
  const intro = [paragraph(ctx, doc.kind === 'arrangements' ? 'intro' : 'yrintro', rng.int(3, 6))];
  const extras = [];
  if (rng.chance(0.5)) extras.push(['Partnership structure', [paragraph(ctx, 'structure', rng.int(2, 4))]]);
  if (rng.chance(0.4)) extras.push(['Glossary', [bulletList(ctx, rng.sample(BANK.glossary, rng.int(3, 7)))]]);
  if (rng.chance(0.5)) {
    extras.push([
      rng.pick(['Contact us', 'Contact', 'Further information']),
      [`${ctx.area} Business Unit  \n${ctx.la}  \nEmail: safeguarding.partnership@${ctx.url.replace('https://www.', '')}`],
    ]);
  }
  const layout = { title, intro, order, blocks, extras, grouped: doc.kind === 'arrangements' && rng.chance(0.2) };

  // Grow sections until the document reaches its target size, never past MAX_BYTES (CRLF adds a
  // byte a line, so those documents stop earlier). Sizes are tracked, not re-measured: blocks are
  // joined by a blank line ("\n\n").
  let size = Buffer.byteLength(fmText) + Buffer.byteLength(assemble(ctx, layout));
  const limit = MAX_BYTES - (ctx.crlf ? 2048 : 0);
  const growable = order.filter((s) => !doc.thin.includes(s.key));
  for (let guard = 0; size < doc.target && growable.length && guard < 400; guard++) {
    const s = rng.pick(growable);
    const blk = extraBlock(ctx, s.key);
    const add = Buffer.byteLength(blk) + 2;
    if (size + add > limit) break;
    blocks.get(s.key).push(blk);
    size += add;
  }
  let text = fmText + assemble(ctx, layout);
  if (ctx.crlf) text = text.replace(/\n/g, '\r\n');
  if (ctx.bom) text = '\uFEFF' + text;
  return text;
}

// No randomness here: the layout was decided by renderDocument.
function assemble(ctx, { title, intro, order, blocks, extras, grouped }) {
  const out = [heading(ctx, 1, title), ...intro];
  let num = 0;
  if (grouped) out.push(heading(ctx, 2, 'Our arrangements'));
  for (const s of order) {
    out.push(heading(ctx, grouped ? 3 : 2, s.title, ctx.headingNumbered ? ++num : 0));
    out.push(...blocks.get(s.key));
  }
  for (const [t, b] of extras) {
    out.push(heading(ctx, 2, t));
    out.push(...b);
  }
  return out.join('\n\n') + '\n';
}

// ---------------------------------------------------------------- main

function main() {
  const { outDir, n, seed } = parseArgs(process.argv.slice(2));
  fs.mkdirSync(outDir, { recursive: true });
  const manifest = { generator: 'gen-corpus.mjs', version: GENERATOR_VERSION, seed, areas: n, files: 0, totalBytes: 0, documents: [] };
  const sizes = [];
  let total = 0;
  for (let i = 1; i <= n; i++) {
    const ctx = buildArea(seed, i);
    // ~1% of areas have malformed YAML in one (rarely both) of their documents.
    if (ctx.rng.chance(0.01))
      ctx.malformedDocs = ctx.rng.chance(0.2) ? ['arrangements', 'yearly-report'] : [ctx.rng.pick(['arrangements', 'yearly-report'])];
    const dir = path.join(outDir, `area-${String(i).padStart(4, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    const arr = planDocument(ctx, 'arrangements');
    // Yearly report period: April to March for most; some use the academic year.
    ctx.period = ctx.rng.chance(0.9) ? { start: '2024-04-01', end: '2025-03-31' } : { start: '2024-09-01', end: '2025-08-31' };
    const yr = planDocument(ctx, 'yearly-report');
    for (const [doc, file] of [
      [arr, 'arrangements.md'],
      [yr, 'yearly-report-2024-25.md'],
    ]) {
      const text = renderDocument(ctx, doc);
      const bytes = Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, file), text);
      total += bytes;
      sizes.push(bytes);
      manifest.documents.push({
        file: path.posix.join(path.basename(dir), file),
        kind: doc.kind,
        area: ctx.area,
        edition: doc.edition,
        bytes,
        published: doc.published,
        late: doc.late,
        missingSections: doc.missing,
        thinSections: doc.thin,
        missingKeys: doc.dropKeys,
        malformedYaml: doc.malformed,
        outdatedCcg: ctx.icb.includes('Clinical') && doc.edition === '2023',
        inequitableFunding: ctx.inequitableFunding,
        scrutinyIndependent: ctx.scrutinyIndependent,
        headingStyle: ctx.headingStyle,
        crlf: ctx.crlf,
        bom: ctx.bom,
      });
    }
  }
  manifest.files = sizes.length;
  manifest.totalBytes = total;
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');

  sizes.sort((a, b) => a - b);
  const docs = manifest.documents;
  const count = (f) => docs.filter(f).length;
  process.stderr.write(
    `gen-corpus: ${n} areas, ${sizes.length} files, ${total} bytes (${(total / 1048576).toFixed(1)} MiB) in ${outDir}\n` +
      `  file size: min ${sizes[0]}, median ${sizes[sizes.length >> 1]}, max ${sizes[sizes.length - 1]} bytes\n` +
      `  late: ${count((d) => d.late)}, missing sections: ${count((d) => d.missingSections.length)}, thin: ${count((d) => d.thinSections.length)}, ` +
      `missing keys: ${count((d) => d.missingKeys.length)}, malformed YAML: ${count((d) => d.malformedYaml)}, ` +
      `CRLF: ${count((d) => d.crlf)}, BOM: ${count((d) => d.bom)}, pseudo-headings: ${count((d) => d.headingStyle === 'bold')}\n`,
  );
  process.stdout.write(`${total}\n`);
}

main();
