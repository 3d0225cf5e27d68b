import type { NeedLevelId, PriorityGroupId } from '../vocabulary';

// How an imported service finds its priority groups. Directories tag services
// with taxonomy terms (the LGA/esd service and needs vocabularies, or a council's
// own list), so a term is matched first; words in the service's own name and
// description are the fallback. Both lists are plain phrases so staff can read
// and extend them: a phrase matches whole words, ignoring case.

export interface GroupRule {
  group: PriorityGroupId;
  /** Phrases found in taxonomy term names (or codes). */
  terms: string[];
  /** Phrases found in the service's name or description. */
  keywords: string[];
}

export const GROUP_RULES: GroupRule[] = [
  { group: 'early-years-funding', terms: ['early years', 'funded childcare', 'free childcare', 'pupil premium', 'free school meals', '2 year funding', 'two year old funding'], keywords: ['funded childcare', 'free childcare', 'pupil premium', 'free school meals', 'free early education', '2 year old funding', 'two year old funding'] },
  { group: 'school-attendance', terms: ['school attendance', 'attendance', 'exclusion', 'education welfare', 'elective home education'], keywords: ['school attendance', 'not attending school', 'missing school', 'exclusion', 'excluded', 'school refusal', 'emotionally based school avoidance'] },
  { group: 'adverse-childhood-experiences', terms: ['adverse childhood experiences', 'childhood trauma', 'trauma'], keywords: ['adverse childhood experiences', 'aces', 'childhood trauma', 'trauma informed', 'survivors of abuse'] },
  { group: 'crime-antisocial-behaviour', terms: ['crime', 'anti-social behaviour', 'antisocial behaviour', 'youth justice', 'offending', 'victim support', 'prison'], keywords: ['crime', 'anti-social behaviour', 'antisocial behaviour', 'youth offending', 'youth justice', 'offenders', 'victims of crime', 'prison', 'probation'] },
  { group: 'financial-exclusion', terms: ['debt', 'money advice', 'benefits', 'welfare rights', 'employment', 'financial', 'food bank', 'poverty'], keywords: ['debt', 'money advice', 'benefits advice', 'welfare benefits', 'universal credit', 'budgeting', 'food bank', 'job search', 'finding work', 'back to work', 'employment support', 'cost of living'] },
  { group: 'neet', terms: ['neet', 'not in education, employment or training', 'apprenticeships', 'training', 'careers'], keywords: ['neet', 'not in education', 'apprenticeship', 'apprenticeships', 'traineeship', 'careers advice', 'post-16', 'post 16'] },
  { group: 'domestic-abuse', terms: ['domestic abuse', 'domestic violence', 'coercive control', 'refuge'], keywords: ['domestic abuse', 'domestic violence', 'coercive control', 'refuge', 'abusive relationship', 'idva'] },
  { group: 'parental-conflict', terms: ['parental conflict', 'relationship support', 'separation', 'family mediation'], keywords: ['parental conflict', 'reducing parental conflict', 'relationship support', 'separating parents', 'separation', 'divorce', 'family mediation', 'co-parenting'] },
  { group: 'transitions', terms: ['transition', 'preparing for adulthood', 'leaving care', 'care leavers'], keywords: ['transition', 'transitions', 'preparing for adulthood', 'moving to secondary school', 'care leavers', 'leaving care'] },
  { group: 'physical-health-disability', terms: ['disability', 'disabilities', 'physical health', 'long term condition', 'long-term condition', 'sensory impairment'], keywords: ['disability', 'disabilities', 'disabled', 'long-term condition', 'long term condition', 'wheelchair', 'sensory impairment', 'visual impairment', 'hearing impairment'] },
  { group: 'substance-misuse', terms: ['substance misuse', 'drugs', 'alcohol', 'addiction'], keywords: ['substance misuse', 'drugs', 'drug use', 'alcohol', 'addiction', 'recovery service'] },
  { group: 'exploitation', terms: ['exploitation', 'child sexual exploitation', 'criminal exploitation', 'county lines', 'modern slavery', 'trafficking'], keywords: ['exploitation', 'exploited', 'county lines', 'grooming', 'modern slavery', 'trafficking'] },
  { group: 'mental-health', terms: ['mental health', 'emotional wellbeing', 'emotional health', 'counselling', 'wellbeing', 'self-harm', 'suicide prevention'], keywords: ['mental health', 'emotional wellbeing', 'emotional health', 'counselling', 'anxiety', 'depression', 'self-harm', 'talking therapies', 'wellbeing'] },
  { group: 'bullying', terms: ['bullying', 'cyberbullying'], keywords: ['bullying', 'bullied', 'cyberbullying'] },
  { group: 'new-parents', terms: ['parenting', 'pregnancy', 'maternity', 'health visiting', 'new parents', 'baby', 'perinatal'], keywords: ['parenting', 'pregnant', 'pregnancy', 'new parents', 'new baby', 'babies', 'antenatal', 'postnatal', 'perinatal', 'health visitor', 'breastfeeding', 'family hub', 'children\'s centre'] },
  { group: 'housing', terms: ['housing', 'homelessness', 'homeless', 'tenancy', 'accommodation'], keywords: ['housing', 'homeless', 'homelessness', 'tenancy', 'eviction', 'rough sleeping', 'accommodation'] },
  { group: 'social-isolation', terms: ['social isolation', 'loneliness', 'befriending', 'social activities', 'community groups'], keywords: ['loneliness', 'lonely', 'isolation', 'isolated', 'befriending', 'social group', 'lunch club', 'meet other'] },
  { group: 'bereavement', terms: ['bereavement', 'grief', 'loss'], keywords: ['bereavement', 'bereaved', 'grief', 'grieving', 'death of', 'loss of a loved one'] },
  { group: 'carers', terms: ['carers', 'young carers', 'parent carers', 'respite'], keywords: ['carer', 'carers', 'young carers', 'parent carers', 'caring for', 'respite'] },
  { group: 'bame-communities', terms: ['ethnic minority', 'black, asian and minority ethnic', 'bame', 'refugees', 'asylum seekers', 'interpreting', 'gypsy, roma and traveller'], keywords: ['black, asian and minority ethnic', 'bame', 'minority ethnic', 'ethnic minority', 'refugee', 'refugees', 'asylum', 'interpreting', 'english as a second language', 'esol', 'gypsy', 'roma', 'traveller'] },
  { group: 'learning-difficulties-autism', terms: ['send', 'special educational needs', 'learning disabilities', 'learning difficulties', 'autism', 'adhd', 'neurodiversity'], keywords: ['send support', 'special educational needs', 'learning disability', 'learning disabilities', 'learning difficulties', 'autism', 'autistic', 'asd', 'adhd', 'neurodivergent', 'ehcp'] },
];

/** Taxonomy phrases that say what level a service works at. */
export const LEVEL_RULES: Array<{ level: NeedLevelId; terms: string[] }> = [
  { level: 'specialist', terms: ['specialist', 'statutory', 'social care', 'child protection', 'tier 3', 'tier 4', 'level 4', 'getting risk support'] },
  { level: 'targeted', terms: ['targeted', 'early help', 'early intervention', 'tier 2', 'level 2', 'level 3', 'getting help', 'getting more help'] },
  { level: 'universal', terms: ['universal', 'open access', 'drop-in', 'drop in', 'tier 1', 'level 1', 'getting advice'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseCache = new Map<string, RegExp>();

/** Whole-word, case-insensitive match of a phrase in text. */
export function hasPhrase(text: string, phrase: string): boolean {
  let re = phraseCache.get(phrase);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'iu');
    phraseCache.set(phrase, re);
  }
  return re.test(text);
}

export interface GroupMatch {
  group: PriorityGroupId;
  by: 'taxonomy' | 'keyword';
  phrase: string;
}

/** Priority groups for a service: taxonomy matches first, then keywords in name and description; each group once. */
export function matchGroups(termNames: string[], text: string): GroupMatch[] {
  const found = new Map<PriorityGroupId, GroupMatch>();
  for (const rule of GROUP_RULES) {
    const phrase = rule.terms.find((t) => termNames.some((name) => hasPhrase(name, t)));
    if (phrase) found.set(rule.group, { group: rule.group, by: 'taxonomy', phrase });
  }
  for (const rule of GROUP_RULES) {
    if (found.has(rule.group)) continue;
    const phrase = rule.keywords.find((k) => hasPhrase(text, k));
    if (phrase) found.set(rule.group, { group: rule.group, by: 'keyword', phrase });
  }
  return [...found.values()];
}

/** The level a taxonomy says, most specialist first; undefined when none says. */
export function matchLevel(termNames: string[]): NeedLevelId | undefined {
  for (const rule of LEVEL_RULES) {
    if (rule.terms.some((t) => termNames.some((name) => hasPhrase(name, t)))) return rule.level;
  }
  return undefined;
}
