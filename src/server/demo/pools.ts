/** Word pools for the demo organisation's synthetic profiles and networks. All invented. */

export const languages = [
  { language: 'English', interpreter: null },
  { language: 'English', interpreter: null },
  { language: 'English', interpreter: null },
  { language: 'Polish', interpreter: 'Polish' },
  { language: 'Arabic', interpreter: 'Arabic' },
  { language: 'Urdu', interpreter: null },
  { language: 'Somali', interpreter: 'Somali' },
  { language: 'Romanian', interpreter: 'Romanian' },
  { language: 'Turkish', interpreter: null },
  { language: 'Tigrinya', interpreter: 'Tigrinya' },
  { language: 'British Sign Language', interpreter: 'British Sign Language' },
] as const;

export const pronouns = ['she/her', 'he/him', 'they/them', 'she/her', 'he/him'] as const;

export const bestTimes = [
  'Mornings after the school run, not before 9:30',
  'After 4 pm on weekdays — college until then',
  'Any time, but text first please',
  'Tuesdays and Thursdays are best; Mondays are hard',
  'Late mornings. Afternoons she looks after her little brother.',
];

export const communicationToAvoid = [
  'Please don’t phone withheld numbers — he won’t answer them.',
  'No letters in brown envelopes: they look like bills and cause panic.',
  'Avoid jargon and acronyms; say it plainly.',
  'Don’t leave voicemails that mention social services.',
];

export const whatMatters = [
  'Being a good mum to my kids and keeping them with me.',
  'Getting back to football on Saturdays.',
  'Having a place that feels like mine, where I can shut the door.',
  'My nan. She is the one who always picks up.',
  'Finishing college so I can work with animals.',
  'Being listened to, not talked about.',
  'Seeing my little sister every week, no matter what.',
  'Getting my papers sorted so I can stop worrying.',
  'Not having to tell my story again to someone new.',
];

export const strengths = [
  'I never give up, even when it goes wrong.',
  'I’m good with my hands — I fixed the boiler myself.',
  'I look after everyone in my family.',
  'I can make anyone laugh.',
  'I keep going to my appointments, even the hard ones.',
  'I speak three languages.',
  'I’m honest, even when it gets me in trouble.',
];

export const thingsToRemember = [
  { text: 'Has a dog called Biscuit — ask how he is', days: null },
  { text: 'Maths GCSE resit', days: 9 },
  { text: 'Birthday', days: 17, everyYear: true },
  { text: 'Court hearing about contact arrangements', days: 23 },
  { text: 'Starting a new job at the bakery — ask how it’s going', days: null },
  { text: 'Anniversary of her mum’s death: a hard week', days: 40, everyYear: true },
  { text: 'Loves Arsenal; big match on Saturday', days: 4 },
  { text: 'Hospital appointment for her son', days: 12 },
];

export const approachWithCare = [
  'Don’t ask about the night he left home unless he raises it.',
  'Loud voices and closed doors bring back difficult memories — keep the door ajar.',
  'Talking about her father is very painful; let her lead.',
  'Avoid meeting at the police station; use the library instead.',
];

export const cultureAndFaith = [
  'Muslim — prays five times a day; please avoid visits at Friday prayers.',
  'Catholic; church on Sunday mornings matters a lot to her.',
  'Roma heritage — family decisions are made together with the elders.',
  'Not religious. Vegan, so please don’t offer food with animal products.',
  'Hindu; Diwali is the most important time of year for the family.',
];

export const accessibilityNeeds = [
  'Dyslexic: prefers information read aloud or sent as a voice note.',
  'Uses a wheelchair — visits at ground-floor venues only.',
  'Hard of hearing in the left ear; sit on his right.',
  'Autistic: likes to know the plan in advance and meet in quiet places.',
];

type Strength = 'strong' | 'tenuous' | 'stressful';
type Support = 'to_person' | 'from_person' | 'both' | 'neither';
type Frequency = 'daily' | 'weekly' | 'monthly' | 'less_often' | 'no_contact';

export interface MemberTemplate {
  name: string;
  relationship: string;
  sector:
    | 'family'
    | 'friends'
    | 'neighbours'
    | 'community'
    | 'faith'
    | 'education_work'
    | 'health'
    | 'social_care'
    | 'justice'
    | 'housing'
    | 'other_services';
  /** The strengths this tie plausibly has (one is picked), which way support flows, how often they meet. */
  strengths: readonly Strength[];
  support: Support;
  frequency: Frequency;
}

export const memberTemplates: readonly MemberTemplate[] = [
  {
    name: 'Margaret Hughes',
    relationship: 'my nan',
    sector: 'family',
    strengths: ['strong'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Daniel Okafor',
    relationship: 'my big brother',
    sector: 'family',
    strengths: ['strong', 'stressful'],
    support: 'both',
    frequency: 'weekly',
  },
  {
    name: 'Sofia Nowak',
    relationship: 'mum',
    sector: 'family',
    strengths: ['strong', 'stressful'],
    support: 'both',
    frequency: 'daily',
  },
  {
    name: 'Peter Walsh',
    relationship: 'my dad (we don’t really talk)',
    sector: 'family',
    strengths: ['stressful', 'tenuous'],
    support: 'neither',
    frequency: 'less_often',
  },
  {
    name: 'Aisha Rahman',
    relationship: 'my auntie who I stay with sometimes',
    sector: 'family',
    strengths: ['strong', 'tenuous'],
    support: 'to_person',
    frequency: 'monthly',
  },
  {
    name: 'Kayla Brooks',
    relationship: 'best friend since primary school',
    sector: 'friends',
    strengths: ['strong'],
    support: 'both',
    frequency: 'daily',
  },
  {
    name: 'Jordan Price',
    relationship: 'mate from football',
    sector: 'friends',
    strengths: ['tenuous', 'strong'],
    support: 'both',
    frequency: 'weekly',
  },
  {
    name: 'Mrs Ellis next door',
    relationship: 'neighbour who keeps a key',
    sector: 'neighbours',
    strengths: ['tenuous', 'strong'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Riverside Youth Club',
    relationship: 'where I go on Wednesdays',
    sector: 'community',
    strengths: ['strong', 'tenuous'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Food bank at St Mark’s',
    relationship: 'helps when money runs out',
    sector: 'community',
    strengths: ['tenuous'],
    support: 'to_person',
    frequency: 'monthly',
  },
  {
    name: 'Imam Yusuf',
    relationship: 'the imam at our mosque',
    sector: 'faith',
    strengths: ['strong', 'tenuous'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Father Brennan',
    relationship: 'priest at church',
    sector: 'faith',
    strengths: ['tenuous'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Mr Patel',
    relationship: 'my form tutor at college',
    sector: 'education_work',
    strengths: ['strong', 'tenuous'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Greggs on the high street',
    relationship: 'my Saturday job',
    sector: 'education_work',
    strengths: ['tenuous', 'stressful'],
    support: 'both',
    frequency: 'weekly',
  },
  {
    name: 'Dr Morgan',
    relationship: 'my GP',
    sector: 'health',
    strengths: ['tenuous', 'strong'],
    support: 'to_person',
    frequency: 'less_often',
  },
  {
    name: 'Community mental health team',
    relationship: 'helps with my anxiety',
    sector: 'health',
    strengths: ['tenuous', 'strong'],
    support: 'to_person',
    frequency: 'monthly',
  },
  {
    name: 'Health visitor',
    relationship: 'checks on the baby',
    sector: 'health',
    strengths: ['tenuous', 'stressful'],
    support: 'to_person',
    frequency: 'monthly',
  },
  {
    name: 'Youth offending team',
    relationship: 'my YOT worker',
    sector: 'justice',
    strengths: ['stressful', 'tenuous'],
    support: 'to_person',
    frequency: 'weekly',
  },
  {
    name: 'Riverside Housing',
    relationship: 'the housing officer',
    sector: 'housing',
    strengths: ['stressful', 'tenuous'],
    support: 'to_person',
    frequency: 'less_often',
  },
  {
    name: 'Citizens Advice',
    relationship: 'sorting my benefits',
    sector: 'other_services',
    strengths: ['tenuous'],
    support: 'to_person',
    frequency: 'monthly',
  },
  {
    name: 'Family support worker (Early Help)',
    relationship: 'used to visit before',
    sector: 'social_care',
    strengths: ['tenuous'],
    support: 'to_person',
    frequency: 'no_contact',
  },
];

export const surnames = ['Smith', 'Khan', 'Jones', 'Nowak', 'Ahmed', 'Murphy', 'Brown', 'Ali', 'Evans', 'Popescu'];
