import type { Wording } from './types';
import { childAgeOptions, listInWords, otherAdultAgeOptions } from './shared';
import type { Option } from './types';
import type { AgeBand } from '../../knowledge';

const practitionerChildAges: Option<AgeBand>[] = childAgeOptions.map((o) =>
  o.value === '11-19' ? { ...o, label: '11 to 19 (up to 25 with SEND)' } : o.value === 'pre-birth-5' ? { ...o, label: 'Pre-birth to 5' } : o,
);

/** Professionals: strategy vocabulary, thresholds, consent. Still clear, never jargon without a name. */
export const practitionerWording: Wording = {
  audience: 'practitioner',
  askWorry:
    'Describe the concern in a sentence or two, or pick a priority area. Please leave out names and other identifying details.',
  worryRetry: 'I could not match that to a priority group. Could you describe it differently, or pick an area?',
  worryAfterWho: 'Thank you. What is the concern? A few words is enough, or pick an area.',
  worryGiveUp: 'I could not match the concern. The contacts below can advise.',
  askAbout: 'Who is the concern about?',
  aboutOptions: [
    { value: 'child', label: 'A child or young person', synonyms: ['child', 'pupil', 'student', 'young person', 'baby', 'infant'] },
    { value: 'family', label: 'A parent or the family', synonyms: ['family', 'parent', 'household', 'mother', 'father'] },
    { value: 'adult', label: 'An adult', synonyms: ['adult', 'tenant', 'patient', 'client'] },
    { value: 'older-person', label: 'An older person', synonyms: ['older', 'elderly', 'older person'] },
  ],
  askAge: (about) => (about === 'family' ? 'Age of the youngest child in the family?' : about === 'child' ? 'Age of the child or young person?' : 'Age band?'),
  ageOptions: (about) => (about === 'child' || about === 'family' ? practitionerChildAges : otherAdultAgeOptions),
  skipQuestion: 'Skipping that question.',
  clarify: (a, b) => `Is the main concern ${a}, or ${b}?`,
  bothLabel: 'Both',
  found: (names) => `This appears to relate to the priority group${names.length > 1 ? 's' : ''}: ${listInWords(names)}.`,
  level: (level) =>
    `Suggested level of need: **${level.name}** (iThrive: ${level.ithrive.map((i) => i.replace(/-/g, ' ')).join(', ')}). ${level.summaryFor?.practitioner ?? level.strategyWording} This is a suggestion: check it against the threshold document.`,
  servicesIntro: 'Services that match, best fit first:',
  acknowledgeLoss: '',
  acknowledgeHard: '',
  servicesAgain: 'Updated for that. Services that match, best fit first:',
  ifHappeningNow: 'If there is a current concern or a risk of harm, these are the contacts to use now:',
  noServices: (directoryName) => `No service in the directory matches exactly. Search ${directoryName}, or ask the Integrated Working Team.`,
  access: {
    'self-referral': 'Self-referral: the family can contact them directly.',
    'professional-referral': 'Professional referral.',
    both: 'Self-referral or professional referral.',
  },
  whatNext: 'What next?',
  whatNextRetry: 'The services above are in order of fit, each with how to refer or signpost. Choose an option below, or describe another concern.',
  aboutAService: (name, how) => `I don't hold that detail: only what the cards show. ${name} can confirm it. ${how}`,
  nextLabels: {
    another: 'Add another concern',
    handoff: 'Early help request and guidance',
    talk: 'Contacts',
    restart: 'Start again',
    done: 'Finish',
  },
  askAnother: 'Describe the other concern. Please leave out names.',
  goodbye: 'Thank you. If a child is at immediate risk, call 999.',
  menuClosed: 'Noted. Type **start again**, **talk to someone**, or describe another concern at any time.',
  handoffIntro: 'Before making an early help request:',
  handoffIntroAdult: 'For an adult, the care and support assessment and the carers assessment are the routes in:',
  consentQuestion: 'Would you like a summary without names to paste into the Request for Service?',
  consentYes: 'Yes',
  consentNo: 'No',
  summaryIntro: 'Summary to paste (add the family\'s details in the form itself, with their consent):',
  noSummary: 'No summary written.',
  portalLine: (url) => `Request for Service portal: ${url}`,
  summary: {
    heading: 'Early help request: summary of concerns',
    worries: 'Presenting concerns (priority groups)',
    about: 'Concern is about',
    age: 'Age band',
    level: 'Suggested level of need',
    note: 'Prepared with the early help guide; check against the threshold document.',
  },
  aboutNames: { myself: 'the practitioner', child: 'a child or young person', family: 'a parent or the family', adult: 'an adult', 'older-person': 'an older person' },
  ageNames: {
    'pre-birth-5': 'pre-birth to 5',
    '5-11': '5 to 11',
    '11-19': '11 to 19 (up to 25 with SEND)',
    adult: 'adult',
    older: 'older person',
  },
};

export type PractitionerMenuChoice = 'concern' | 'guidance';
export const practitionerMenuOptions: Option<PractitionerMenuChoice>[] = [
  { value: 'concern', label: 'Describe a concern', synonyms: ['concern', 'describe', 'a concern', 'worry'] },
  {
    value: 'guidance',
    label: 'Early help guidance',
    synonyms: ['guidance', 'eha', 'early help assessment', 'thresholds', 'threshold', 'consent', 'request for service', 'panel'],
  },
];
