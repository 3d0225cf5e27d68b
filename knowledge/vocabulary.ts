// The shared vocabulary of the domain. Ids here are part of the bot's interface
// (traces, card submits, pack files), so they change only with a migration.

export const PRIORITY_GROUP_IDS = [
  'early-years-funding',
  'school-attendance',
  'adverse-childhood-experiences',
  'crime-antisocial-behaviour',
  'financial-exclusion',
  'neet',
  'domestic-abuse',
  'parental-conflict',
  'transitions',
  'physical-health-disability',
  'substance-misuse',
  'exploitation',
  'mental-health',
  'bullying',
  'new-parents',
  'housing',
  'social-isolation',
  'bereavement',
  'carers',
  'bame-communities',
  'learning-difficulties-autism',
] as const;
export type PriorityGroupId = (typeof PRIORITY_GROUP_IDS)[number];

/** Routes where risk is indicated: the bot stops and gives contacts. */
export const RISK_ROUTES = [
  'emergency',
  'crisis',
  'safeguarding-child',
  'safeguarding-adult',
  'domestic-abuse',
] as const;
export type RiskRoute = (typeof RISK_ROUTES)[number];

/** Every route a triage can end in: a risk route, or early help / information when none is indicated. */
export const ROUTES = [...RISK_ROUTES, 'early-help', 'information'] as const;
export type Route = (typeof ROUTES)[number];

/** The B&NES continuum: universal, targeted (early intervention), specialist/statutory. */
export const NEED_LEVEL_IDS = ['universal', 'targeted', 'specialist'] as const;
export type NeedLevelId = (typeof NEED_LEVEL_IDS)[number];

/** Somerset's iThrive vocabulary, which each need level maps onto. */
export const ITHRIVE_IDS = ['getting-advice', 'getting-help', 'getting-more-help', 'getting-risk-support'] as const;
export type IThriveId = (typeof ITHRIVE_IDS)[number];

/** Who a priority group or service is for. */
export const APPLIES_TO = ['children', 'young-people', 'parents-carers', 'adults', 'older-people'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];

/** Practitioner roles the bot frames its answers for. */
/**
 * What a worry says beyond its priority groups that decides a service: a picture or video being
 * shared ("sharing pics of me round school") is bullying or exploitation, and it is also what
 * the Report Remove tool is for. An id from this list, never the words.
 */
export const TOPIC_SIGNALS = ['image-sharing'] as const;
export type TopicSignal = (typeof TOPIC_SIGNALS)[number];

export const PRACTITIONER_ROLES = ['teacher', 'health-visitor', 'gp', 'youth-worker', 'housing-officer', 'other'] as const;
export type PractitionerRole = (typeof PRACTITIONER_ROLES)[number];

/** Who is talking to the bot. */
export const AUDIENCES = ['self', 'parent-carer', 'young-person', 'practitioner'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Whom a worry is about. Never a name: just the relationship. */
export const ABOUT = ['myself', 'child', 'family', 'adult', 'older-person'] as const;
export type About = (typeof ABOUT)[number];

/** Age bands the dialogs ask about (11-19 stretches to 25 with SEND). */
export const AGE_BANDS = ['pre-birth-5', '5-11', '11-19', 'adult', 'older'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** How a person reaches a service. */
export const ACCESS_ROUTES = ['self-referral', 'professional-referral', 'both'] as const;
export type AccessRoute = (typeof ACCESS_ROUTES)[number];
