import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { recognizeAge } from '@microsoft/recognizers-text-number-with-unit';
import type { About, AgeBand, Audience } from '../vocabulary';
import { riskSlots } from '../triage/riskSlots';
import { plainText as normalise } from './plainText';

// Who is asking, whom the worry is about and how old they are, read from a person's own words:
// language understanding, beside the triage engine, with no conversation framework in it. Small,
// cautious readings so the bot does not ask what the person already said. Each returns
// undefined unless the words are clear; then the bot asks.

const PRACTITIONER = /\b(i'?m a|i am a|as a|i work as a)\s+(teacher|health visitor|gp|doctor|youth worker|housing officer|social worker|school nurse|nurse|midwife|senco|dsl|family support worker|practitioner|professional)\b|\b(my pupil|a pupil|one of my pupils|a student in my class|my patient|a patient|my tenant|a tenant|family i work with|child i work with|young person i work with|on my caseload)\b/;
const PARENT = /\b(my|our) \d{1,2} ?(?:year|yr)s? ?olds?\b|\b(my|our)\s+(son|daughter|child|children|kid|kids|baby|toddler|boy|girl|teenager|teen|step ?son|step ?daughter|grandson|granddaughter|grandchild|foster child)\b|\b(i'?m|i am)\s+(a\s+)?(mum|mom|dad|parent|single parent|foster carer|kinship carer)\b/;
/**
 * After a number, the words that make it a weight, a time or a distance, not an age ("I'm 16
 * stone"): the rules' NOT_AGE slot (knowledge/triage/rules/slots.json), singular or plural, so
 * the rules and these readers agree.
 */
const notAnAge = (): string => {
  notAnAgeWords ??= [...new Set(riskSlots().NOT_AGE.flatMap((w) => [w, w.replace(/s$/, '')]))].join('|');
  return `(?!\\s*(?:${notAnAgeWords})\\b)`;
};
let notAnAgeWords: string | undefined;
let young: RegExp | undefined;
let ownAge: RegExp | undefined;
const YOUNG = (): RegExp =>
  (young ??= new RegExp(`\\b(i'?m|i am)\\s+(1[0-9]|9)\\b${notAnAge()}|\\b(my (mum|mom|dad|parents|teacher|stepdad|stepmum)|at school i|in year \\d+|my gcses?|my mates?)\\b`));

/** "I'm 68", "im 15", "I am 34 years old": the writer's own age, when they say it. */
const OWN_AGE = (): RegExp => (ownAge ??= new RegExp(`\\b(?:i'?m|im|i am)\\s+(\\d{1,3})(?:\\s*(?:years?|yrs?)(?:\\s*old)?)?\\b${notAnAge()}`));

/**
 * "me 15 my partner 26", "me, 15", "just me aged 34": a message that starts with "me" and an age
 * (only at the start: "give me 5 minutes" is not an age). A 15-year-old who wrote that had the
 * adults' domestic abuse contacts.
 */
const ME_AGE = (): RegExp => (meAge ??= new RegExp(`^(?:it'?s\\s+|its\\s+|just\\s+)?me\\s+(?:aged?\\s+)?(\\d{1,3})\\b${notAnAge()}`));
let meAge: RegExp | undefined;

/** The writer's own age, when they give it ("I'm 68 myself"); undefined otherwise. */
export function statedOwnAge(text: string): number | undefined {
  const plain = normalise(text);
  const m = OWN_AGE().exec(plain) ?? ME_AGE().exec(plain);
  const age = m ? Number(m[1]) : NaN;
  return age >= 5 && age <= 110 ? age : undefined;
}

/**
 * A role said the way practitioners sign a message: "HV here", "SENCo here.", "GP: patient
 * worried about...", "DSL - quick one". Read on the words as typed, since the punctuation after
 * the role is what makes it a signature ("GP says my son has ADHD" is a parent).
 */
/** The roles practitioners name themselves by, short forms included: one list for every reader of who is asking. */
export const PRACTITIONER_ROLES =
  'hv|health visitor|senco|dsl|gp|teacher|social worker|sw|school nurse|youth worker|midwife|housing officer|pcso|fsw|family support worker|ehc|early help coordinator';
const ROLE_SIGNATURE = new RegExp(`^(?:hi,?\\s+|hello,?\\s+)?(?:${PRACTITIONER_ROLES})(?:\\s+here\\b|\\s*[.:;,]|\\s+-\\s)`);

export function inferAudience(text: string): Audience | undefined {
  const t = normalise(text);
  if (PRACTITIONER.test(t) || ROLE_SIGNATURE.test(text.toLowerCase().trim())) return 'practitioner';
  const age = statedOwnAge(text);
  // A stated age settles whether the writer is young: "my mum has dementia, I'm 68" is a carer,
  // not a child talking about their mum.
  if (age !== undefined && age < 18) return 'young-person';
  if (PARENT.test(t)) return 'parent-carer';
  if (age !== undefined) return 'self';
  // A school year or exams say young, even beside caring for a parent: a young carer.
  if (SCHOOL_WORDS.test(t)) return 'young-person';
  // "looking after my mum", "my dad has dementia": an adult caring for a parent or partner, not
  // a child talking about their mum.
  if (CARES_FOR_RELATIVE.test(t)) return 'self';
  if (YOUNG().test(t)) return 'young-person';
  return undefined;
}

const SCHOOL_WORDS = /\b(?:in year \d+|year (?:[7-9]|1[0-3])|my gcses?|gcses|at school i|my teacher|sixth form)\b/;

/** Words for needing care: said of a partner, the writer looks after them. */
const CARE_NEEDS =
  "dementia|alzheimer'?s|a stroke|parkinson'?s|care home|nursing home|carers?|respite|bed ?bound|terminal(?:ly ill)?|cancer|copd|frail|falls|lives alone|living alone|disabled|disability|wheelchair";
/** Needs of old age: said of a parent or grandparent, the writer is an adult (a young carer's "my mum is disabled" is not read so). */
const OLD_AGE_NEEDS = "dementia|alzheimer'?s|care home|nursing home|a stroke|parkinson'?s|frail|falls|lives alone|living alone|respite|pension|retired";
const CARES_FOR_RELATIVE = new RegExp(
  [
    `\\b(?:looking after|look after|caring for|care for|carer (?:for|to))\\s+(?:my|our)\\s+(?:husband|wife|partner)\\b`,
    `\\b(?:my|our)\\s+(?:husband|wife|partner)\\b.{0,60}\\b(?:${CARE_NEEDS})\\b`,
    `\\b(?:my|our)\\s+(?:mum|mom|mother|dad|father|nan|gran|grandma|grandad)\\b.{0,60}\\b(?:${OLD_AGE_NEEDS})\\b`,
  ].join('|'),
);

/** Whether the words name a need of old age ("she has dementia", "a care home"). */
export function namesOldAgeNeeds(text: string): boolean {
  return OLD_AGE_NEEDS_WORDS.test(normalise(text));
}
const OLD_AGE_NEEDS_WORDS = new RegExp(`\\b(?:${OLD_AGE_NEEDS})\\b`);

/**
 * Whom a named relationship makes the worry about, by the audience's own options: a parent or
 * grandparent named by an adult is "An older person" (the resident's option lists mum, dad, nan
 * and grandad), a child relation is "A child", and a partner or other adult named with a care
 * need ("my husband has had a stroke") is "Another adult". Undefined when the words leave it open
 * ("my husband drinks" may be about the writer).
 */
export function aboutForRelationship(relationship: string | undefined, audience: Audience | undefined, text = ''): About | undefined {
  if (relationship === undefined) return undefined;
  if (CHILD_RELATIONS.has(relationship)) return audience === 'young-person' ? undefined : 'child';
  // "I'm a parent or carer", then "I look after my husband, he had a stroke": a carer's worry is
  // about the one they care for. Only when they say they care for them: a parent's "my mum says
  // I'm too soft on him" is still about the child.
  if (audience === 'parent-carer') {
    const t = normalise(text);
    if (!CARES_FOR_RELATIVE.test(t) && !LOOKS_AFTER_RELATIVE.test(t)) return undefined;
    return OLDER_RELATIONS.has(relationship) ? 'older-person' : ADULT_RELATIONS.has(relationship) ? 'adult' : undefined;
  }
  // Only for an adult writing: a young person's "my mum" is their own worry, or their family's.
  if (audience !== 'self') return undefined;
  if (OLDER_RELATIONS.has(relationship)) return 'older-person';
  if (ADULT_RELATIONS.has(relationship) && CARES_FOR_RELATIVE.test(normalise(text))) return 'adult';
  return undefined;
}
const LOOKS_AFTER_RELATIVE = /\b(?:looking after|look after|looks after|caring for|care for|cares for|carer (?:for|to))\s+(?:my|our)\s+(?:mum|mom|mother|dad|father|nan|gran|grandma|grandad|grandpa|husband|wife|partner)\b/;
/** Relationships (as relationshipIn reads them) that name a child, a parent or grandparent, or a partner. */
export const CHILD_RELATIONS: ReadonlySet<string> = new Set(['son', 'daughter', 'stepson', 'stepdaughter', 'boy', 'girl', 'baby', 'toddler', 'grandson', 'granddaughter']);
export const OLDER_RELATIONS: ReadonlySet<string> = new Set(['mum', 'dad', 'mother', 'father', 'nan', 'gran', 'grandad', 'grandma', 'grandpa']);
export const ADULT_RELATIONS: ReadonlySet<string> = new Set(['husband', 'wife', 'partner']);

/**
 * A practitioner's role from a concern's own words, only where they say whose work it is: "in my
 * class", "a pupil in year 4" (a teacher), "my patient" (a GP or health). Not the role options'
 * words, which name topics too: "a pupil's family is facing eviction" is not a housing officer.
 */
export function roleInConcern(text: string): 'teacher' | 'gp' | undefined {
  const t = normalise(text);
  if (/\b(?:in (?:my |our )?class|my (?:class|form|tutor group)|(?:my|a|one of my|our) pupils?)\b/.test(t)) return 'teacher';
  if (/\b(?:my|a|one of my|our) patients?\b/.test(t)) return 'gp';
  return undefined;
}

/**
 * The words in which a writer names their own role ("I'm a health visitor and ...", "as a SENCo",
 * "HV here"), for inferRole; undefined when they do not. A concern's other words name topics
 * ("housing", "school", "health") and are not the writer's role.
 */
export function statedRoleWords(text: string): string | undefined {
  const said = /\b(?:i'?m an?|i am an?|as an?|i work as an?)\s+([a-z]+(?:\s+[a-z]+)?)/.exec(normalise(text));
  if (said) return said[1];
  return ROLE_SIGNATURE.exec(text.toLowerCase().trim())?.[0];
}

/**
 * A role named in a practitioner's words ("I'm a health visitor"), by the role options' own
 * words; the longest match wins, so "school nurse" is not "school".
 */
export function inferRole<V extends string>(text: string, roles: ReadonlyArray<{ value: V; synonyms?: readonly string[] }>): V | undefined {
  const t = ` ${normalise(text)} `;
  let best: { value: V; length: number } | undefined;
  for (const role of roles) {
    for (const word of role.synonyms ?? []) {
      if (t.includes(` ${word} `) && word.length > (best?.length ?? 0)) best = { value: role.value, length: word.length };
    }
  }
  return best?.value;
}

/**
 * A typed answer to "Who is asking?": the audience it names, and the writer's age band when
 * they gave their age. A bare number there ("15", "34") is the writer's age.
 */
export function readWhoIsAsking(text: string): { audience?: Audience; ageBand?: AgeBand } {
  // "I'm thirty four" is read as "I'm 34".
  const t = numbersAsDigits(normalise(text));
  const bare = /^\d{1,3}$/.test(t) ? Number(t) : undefined;
  const age = bare !== undefined && bare >= 5 && bare <= 110 ? bare : statedOwnAge(t);
  const audience = bare !== undefined ? (age === undefined ? undefined : age < 18 ? 'young-person' : 'self') : inferAudience(t);
  if (age === undefined || audience === 'parent-carer' || audience === 'practitioner') return { audience };
  return { audience, ageBand: age < 11 ? '5-11' : age < 18 ? '11-19' : age < 65 ? 'adult' : 'older' };
}

/**
 * Whole numbers written in words, as digits ("i'm thirty four" reads "i'm 34"), by Microsoft's
 * number recogniser, in a short answer only (a sentence is read as it is).
 */
export function numbersAsDigits(t: string): string {
  if (!/[a-z]/.test(t) || t.split(' ').length > 8) return t;
  const found = recognizeNumber(t, Culture.English).filter((r) => r.typeName === 'number' && /[a-z]/.test(r.text));
  let out = t;
  // From the end, so earlier offsets stay right.
  for (const r of [...found].sort((a, b) => b.start - a.start)) {
    const value = Number((r.resolution as { value?: string }).value);
    if (!Number.isInteger(value) || value < 0) continue;
    out = `${out.slice(0, r.start)}${value}${out.slice(r.end + 1)}`;
  }
  return out;
}

const CHILD_WORDS = /\b\d{1,2} ?(?:month|week)s? ?olds?\b|\bmy \d{1,2} ?(?:year|yr)s? ?olds?\b|\b(son|daughter|child|children|kid|kids|baby|toddler|boy|girl|teenager|teen|pupil|student|grandson|granddaughter|grandchild|newborn|infant|young person)\b/;
const SELF_WORDS = /\b(i|i'm|im|me|my|myself)\b/;

/** "a 9 year old", "the 14yr old": a child when the age is under 18. */
const AGED_PERSON = /\b(?:a|an|my|our|the|his|her|their|this)\s+(\d{1,2})\s*(?:year|yr)s?\s*olds?\b/;

/**
 * "counselling for me and help for my kids", "support for our family", "we're being evicted and
 * I have 2 kids": the whole family ("my family kicked me out" is not).
 */
const FAMILY_WORDS =
  /\b(?:me|myself|us) and (?:my|our|the) (?:kids|children|son|daughter|boys|girls)\b|\b(?:help|support) for (?:my|our|the) (?:whole )?family\b|\bfor (?:me|myself)\b.{0,40}\b(?:my|our|the) (?:kids|children|son|daughter)\b|\b(?:i|we|i'?ve|we'?ve) (?:have |got |have got )?(?:\d|two|three|four|five|six) (?:kids|children|boys|girls|little ones)\b/;

export function inferAbout(text: string, audience: Audience | undefined): About | undefined {
  const t = normalise(text);
  if (audience !== 'young-person' && FAMILY_WORDS.test(t)) return 'family';
  if (audience === 'young-person') return /\bmy (friend|mate|best friend|bestie|brother|sister|girlfriend|boyfriend)\b/.test(t) ? 'child' : 'myself';
  if (CHILD_WORDS.test(t)) return 'child';
  const aged = AGED_PERSON.exec(t);
  if (aged && Number(aged[1]) < 18) return 'child';
  const adult = audience ?? (CARES_FOR_RELATIVE.test(t) && !SCHOOL_WORDS.test(t) ? 'self' : undefined);
  const named = aboutForRelationship(relationshipIn(t), adult, t);
  if (named && named !== 'child') return named;
  if (audience === 'self' && SELF_WORDS.test(t)) return 'myself';
  return undefined;
}

/** An age in years said in a sentence ("my 7 year old", "she is 15", "aged 9"), when one is. */
export function ageInText(text: string): number | undefined {
  const years = AGE_IN_TEXT.exec(normalise(text));
  return years ? Number(years[1] ?? years[2] ?? years[3]) : undefined;
}
// "my son 9 wont go to school": a child named, then the age (a parent in a hurry had been asked it).
const AGE_IN_TEXT =
  /\b(\d{1,2})\s*(?:year|yr)s?\s*old\b|\b(\d{1,2})\s*yo\b|\b(?:aged?|is|turned|i'?m|i am|(?:my|our) (?:son|daughter|boy|girl|child|kid|grandson|granddaughter|stepson|stepdaughter))\s+(\d{1,2})\b(?!\s*(?:stone|st|kg|pounds|lbs|percent|minutes|mins|hours|days|weeks|months|times|quid)\b)/;

/**
 * The relationship a worry names ("my son", "my mum", "my friend"): a word from a fixed list,
 * never a name. Two worries naming different ones are about different people.
 */
export function relationshipIn(text: string): string | undefined {
  const m = RELATIONSHIP.exec(normalise(text));
  return m ? m[1].replace(/\s+/g, '').replace(/^mom$/, 'mum') : undefined;
}
const RELATIONSHIP =
  /\b(?:my|our)\s+(?:\d{1,2}\s*(?:year|yr)s?\s*old\s+)?(son|daughter|step ?son|step ?daughter|boy|girl|baby|toddler|grandson|granddaughter|mum|mom|mother|father|dad|husband|wife|partner|brother|sister|nan|gran|grandad|grandma|grandpa|friend|mate|niece|nephew|aunt|uncle)\b/;

export function inferAgeBand(text: string, about: About | undefined): AgeBand | undefined {
  const t = normalise(text);
  const years = AGE_IN_TEXT.exec(t);
  if (years) {
    const age = Number(years[1] ?? years[2] ?? years[3]);
    if (age < 5) return 'pre-birth-5';
    if (age < 11) return '5-11';
    // The writer's own age of 18 or 19 ("hes 22 im 18") is an adult's, not a child's.
    if (age >= 18 && age <= 19 && (about === 'myself' || statedOwnAge(text) === age)) return 'adult';
    if (age <= 19) return '11-19';
    if (age < 65) return about === 'child' ? undefined : 'adult';
    return 'older';
  }
  if (/\b\d{1,2} ?(?:month|week)s? ?olds?\b/.test(t)) return 'pre-birth-5';
  if (/\b(pregnant|expecting|newborn|baby|toddler|nursery|pre ?school)\b/.test(t)) return 'pre-birth-5';
  if (/\b(primary school|primary|reception|year [1-6])\b/.test(t)) return '5-11';
  if (/\b(teenager|teen|secondary|college|gcses?|sixth form|year (?:[7-9]|1[0-3]))\b/.test(t)) return '11-19';
  if (/\b(pension|pensioner|retired|elderly)\b/.test(t)) return 'older';
  return undefined;
}

function bandOfAge(age: number, about: About): AgeBand | undefined {
  if (about === 'child' || about === 'family') return age < 5 ? 'pre-birth-5' : age < 11 ? '5-11' : age <= 25 ? '11-19' : undefined;
  if (age > 110) return undefined;
  return age < 18 ? '11-19' : age < 65 ? 'adult' : 'older';
}

/**
 * An age written in words, by Microsoft's recognisers (the ones botbuilder's prompts use): an
 * age with its unit ("seven years old", "eight months old"), or one whole number in a short
 * answer ("thirty four", "she's seven"). Undefined when there is none, or more than one.
 */
function ageInWords(t: string): { years: number; months?: boolean } | undefined {
  if (!/[a-z]/.test(t) || t.split(' ').length > 6) return undefined;
  const withUnit = recognizeAge(t, Culture.English);
  if (withUnit.length === 1) {
    const value = Number((withUnit[0].resolution as { value?: string }).value);
    const unit = String((withUnit[0].resolution as { unit?: string }).unit ?? '');
    if (Number.isInteger(value) && value >= 0) return /month|week|day/i.test(unit) ? { years: 0, months: true } : { years: value };
  }
  const numbers = recognizeNumber(t, Culture.English).filter((r) => r.typeName === 'number');
  if (numbers.length !== 1) return undefined;
  // "two and a half" is 2.5: the age in whole years.
  const value = Number((numbers[0].resolution as { value?: string }).value);
  return Number.isFinite(value) && value >= 0 && value <= 120 ? { years: Math.floor(value) } : undefined;
}

/**
 * The age in whole years a typed answer to "How old is ...?" gives, when it gives exactly one:
 * "7", "she's 7", "seven", "8 months" (0). For choosing services by their age range; the age
 * band (readAgeAnswer) stays what the conversation goes by.
 */
export function readAgeYears(text: string): number | undefined {
  const t = normalise(text);
  if (/^\d{1,3}\s*(?:months?|weeks?)(?:\s*old)?$/.test(t)) return 0;
  const m = /^(?:(?:she|he|they)'?s\s+|(?:she|he) is\s+)?(\d{1,3})(?:\s*(?:years?|yrs?)(?:\s*old)?)?$/.exec(t);
  if (m) return Number(m[1]) <= 120 ? Number(m[1]) : undefined;
  const spoken = ageInWords(t);
  return spoken === undefined ? undefined : spoken.months ? 0 : spoken.years;
}

/**
 * A typed answer to "How old is ...?": "7", "she's 7", "he is 14", "8 months", "my 8 month old",
 * "I'm 34". A bare number is the age of whoever the question was about. Undefined when unclear,
 * so the question is asked again.
 */
export function readAgeAnswer(text: string, about: About): AgeBand | undefined {
  const t = normalise(text);
  if (/^\d{1,3}\s*(?:months?|weeks?)(?:\s*old)?$/.test(t)) return 'pre-birth-5';
  const m = /^(?:(?:she|he|they)'?s\s+|(?:she|he) is\s+)?(\d{1,3})(?:\s*(?:years?|yrs?)(?:\s*old)?)?$/.exec(t);
  if (m) return bandOfAge(Number(m[1]), about);
  // Several children's ages ("2 and 6", "they're 3, 5 and 9"): the youngest's band, since help
  // for the youngest is usually the most urgent and services for older children still show.
  const several = /^(?:(?:they are|they're|theyre|the kids are|kids are|ages|aged)\s+)?(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)(?:\s*(?:years?|yrs?)(?:\s*old)?)?$/.exec(t);
  if (several && about !== 'myself') return bandOfAge(Math.min(...several[1].split(/\D+/).filter(Boolean).map(Number)), about);
  // In words: "thirty four", "she's seven", "eight months old".
  const spoken = ageInWords(t);
  if (spoken !== undefined) return spoken.months ? 'pre-birth-5' : bandOfAge(spoken.years, about);
  // "I'm 38 but my son is 7": asked a child's age, the writer's own age is not the answer.
  return inferAgeBand(about === 'child' || about === 'family' ? normalise(text).replace(new RegExp(OWN_AGE().source, 'g'), ' ') : text, about);
}
