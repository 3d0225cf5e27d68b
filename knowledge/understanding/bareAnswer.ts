import { plainText } from './plainText';
import { PRACTITIONER_ROLES } from './whoIsAsking';

// A bare answer says who and how old, and nothing else: "It's for me. I'm 71.", "Him", "me and
// my little girl", "she's 7", "It is for me and my wife. I am 80 and she is 78.", "I'm her mum",
// "HV here".
// Such a reply answers the bot's own question and tells no worry of its own, so the risk model
// has nothing to judge by; it read these as a little risky (multi-turn hold-out v9: an older
// person who said who they were and how old got a domestic abuse check-in). A harm named in an
// answer ("im 14 hes 23") is for the rules, which still read every message.

const RELATIONS =
  'son|sons|daughter|daughters|boy|boys|girl|girls|baby|babies|child|children|kid|kids|toddler|twins|teenager|grandson|granddaughter|grandchildren|grandkids|' +
  'mum|mom|mam|dad|mother|father|parents|husband|wife|partner|brother|sister|nan|nana|gran|granny|grandad|grandma|grandpa|friend|mate|niece|nephew|' +
  'aunt|auntie|uncle|stepson|stepdaughter|family|neighbour|pupil|student|patient|tenant|client|cousin';
/** A person named by a pronoun or a relationship ("my little girl", "our son", "the twins"). */
const PERSON = `(?:me|myself|him|her|them|us|both of us|both|(?:my|our|the|his|her)\\s+(?:(?:little|eldest|oldest|youngest|middle|younger|older|elderly|step|new|baby|best|two|three)\\s+)?(?:${RELATIONS}))`;
const WHO = new RegExp(`\\b(?:(?:it'?s|its|it is|this is|that'?s|i'?m asking|asking)\\s+)?(?:for|about)?\\s*${PERSON}(?:\\s+(?:and|&)\\s+${PERSON})*\\b`, 'g');
/** The writer saying who they are to the person ("I'm her mum", "im his grandad", "I am the carer"). */
const WRITER = /\b(?:i'?m|im|i am)\s+(?:(?:her|his|their|the|a|an|just)\s+)?(?:mum|mom|mam|dad|mother|father|parent|nan|nana|gran|granny|grandma|grandad|grandpa|grandparent|carer|foster carer|foster mum|foster dad|guardian|aunt|auntie|uncle|step ?mum|step ?dad|big sister|big brother|sister|brother)\b/g;
/** A professional saying who they are ("HV here", "GP here", "I'm a teacher"). */
const ROLE = new RegExp(`\\b(?:(?:${PRACTITIONER_ROLES})\\s+here|(?:i'?m|im|i am)\\s+an?\\s+(?:${PRACTITIONER_ROLES}|professional|practitioner))\\b`, 'g');
const AGE = /\b(?:(?:i'?m|im|i am|she'?s|shes|she is|he'?s|hes|he is|they'?re|theyre|they are|aged?|age|turned|turning|nearly|just)\s+)*\d{1,3}(?:\s*(?:and a half|years?|yrs?|months?|weeks?|yo)(?:\s*old)?)?\b/g;
const FILLER = new Set(['hello', 'hi', 'hiya', 'yes', 'no', 'yeah', 'yep', 'ok', 'okay', 'thanks', 'thank', 'you', 'please', 'just', 'and', 'only', 'actually', 'well', 'um', 'so', 'both', 'old']);

/** Whether the reply says only who it is for and how old they are (see above). */
export function isBareAnswer(text: string): boolean {
  const t = plainText(text);
  if (t === '' || t.split(' ').length > 16) return false;
  // A young person's age beside an adult's ("me 14 him 25", "her 12 him 40") may tell an age gap:
  // the model reads it too.
  const ages = [...t.matchAll(/\d{1,3}/g)].map((m) => Number(m[0]));
  if (ages.some((a) => a < 18) && ages.some((a) => a >= 18)) return false;
  const rest = t.replace(ROLE, ' ').replace(WRITER, ' ').replace(AGE, ' ').replace(WHO, ' ');
  const left = rest.split(' ').filter((w) => w !== '' && !FILLER.has(w));
  return left.length === 0;
}
