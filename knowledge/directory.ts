import { NEED_LEVEL_IDS } from './vocabulary';
import type { AgeBand, AppliesTo, Audience, NeedLevelId, PractitionerRole, PriorityGroupId, Route, TopicSignal } from './vocabulary';
import type { Contact, Guidance, KnowledgePack, NeedLevel, PriorityGroup, RouteSpec, Service } from './schema/pack';
import { isOpen } from './officeHours';

// Queries the dialogs run against a loaded pack: which services fit a person's
// worries, and whom to contact for a route at a given instant.

export interface ServiceQuery {
  /** Most important first: the order is the weight. */
  groups: PriorityGroupId[];
  /**
   * The conversation's earlier worries: they only settle ties between services equally good for
   * `groups`, so a new question ("is there any help for carers?") is answered for itself.
   */
  earlierGroups?: PriorityGroupId[];
  audience?: Audience;
  ageBand?: AgeBand;
  /** The age in years, when it was said: a service whose range leaves it out is not shown. */
  age?: number;
  /** A practitioner's role: the service they deliver themselves (deliveredBy) is not shown. */
  role?: PractitionerRole;
  level?: NeedLevelId;
  /**
   * What the conversation's worries said beyond their groups (a picture being shared). Given (even
   * empty), a service marked `onlyFor` is shown only when one of its signals is here, and then it
   * leads; left out (a directory search), every service is listed.
   */
  signals?: readonly TopicSignal[];
  limit?: number;
}

export interface RankedService {
  service: Service;
  /** 0..1; comparable within one result. */
  score: number;
  matchedGroups: PriorityGroupId[];
}

/** Ages each band covers, in years (-1 = pregnancy). 11-19 stretches to 25 for young people with SEND. */
export const AGE_BAND_RANGES: Record<AgeBand, { min: number; max: number }> = {
  'pre-birth-5': { min: -1, max: 5 },
  '5-11': { min: 5, max: 11 },
  '11-19': { min: 11, max: 25 },
  adult: { min: 18, max: 64 },
  older: { min: 65, max: 120 },
};
/**
 * A young person telling of their own worry without their age is most likely under 18: services
 * are scored on how much of these years they cover, not of the band's stretch to 25. A
 * 15-year-old's low mood had led with arts therapies for people of 16 and over, ahead of
 * children's mental health services.
 */
const YOUNG_PERSON_YEARS = { min: 11, max: 17 } as const;

/** Whom each audience is looking for help for. Practitioners ask on anyone's behalf. */
const AUDIENCE_FIT: Record<Audience, readonly AppliesTo[] | 'any'> = {
  self: ['adults', 'older-people', 'parents-carers'],
  'parent-carer': ['parents-carers', 'children', 'young-people'],
  'young-person': ['young-people', 'children'],
  practitioner: 'any',
};

// Weights of the parts of a score: the worries matter most; then whether they are what the
// service is mainly for (its own list puts its main focus first), how much of the person's age
// band it covers, whether it is for this kind of person, and how close its level is.
const WEIGHT = { groups: 0.5, focus: 0.15, age: 0.15, audience: 0.1, level: 0.1 } as const;
/** Added to a service whose `onlyFor` signal the worry carries: more than any other part can differ by. */
const SIGNAL_BONUS = 1;

/**
 * Help with a home or with money is help for the adults of a household, whatever the age of the
 * child a worry names: a parent facing eviction with children of 6 and 9 needs housing help,
 * which serves people of 16 and over. Such a service (one for parents and carers) is not left out
 * by a child's age when these are all the worries it matches.
 */
const HOUSEHOLD_GROUPS: ReadonlySet<PriorityGroupId> = new Set(['housing', 'financial-exclusion']);
const CHILD_BANDS: ReadonlySet<AgeBand> = new Set(['pre-birth-5', '5-11', '11-19']);

function overlaps(a: { min: number; max: number }, b: { min: number; max: number }): boolean {
  return a.min <= b.max && b.min <= a.max;
}

/** Share of the band's years the service covers: a family service that stops at 19 barely fits an adult of 18 to 64. */
function ageCoverage(band: { min: number; max: number }, ages: { min: number; max: number }): number {
  const covered = Math.min(band.max, ages.max) - Math.max(band.min, ages.min) + 1;
  return Math.max(0, covered) / (band.max - band.min + 1);
}

/** 1 when a matched worry is the first thing the service lists, less the further down its list it comes. */
function focusOn(service: Service, matched: readonly PriorityGroupId[]): number {
  if (matched.length === 0) return 0;
  return Math.max(...matched.map((g) => 1 / (1 + service.priorityGroups.indexOf(g))));
}

/**
 * Services for a set of priority groups, best first. A service must serve at least one
 * of the groups (when any are given) and cover the age band (when one is given).
 */
export function findServices(pack: KnowledgePack, query: ServiceQuery): RankedService[] {
  const groups = [...new Set(query.groups)];
  // First group weighs n, the next n-1, ... so order expresses importance.
  const weights = new Map(groups.map((g, i) => [g, groups.length - i]));
  const totalWeight = groups.reduce((sum, g) => sum + weights.get(g)!, 0);
  const band = query.ageBand ? AGE_BAND_RANGES[query.ageBand] : undefined;
  // Scored on the likely years; a service for the band's older end (18 to 25) is still shown.
  // An age said is the years themselves: every service left covers it, so age no longer ranks
  // them (a 15-year-old's "im 15" had put carers' support above Childline, which stops at 18).
  const likelyYears =
    query.age !== undefined
      ? { min: query.age, max: query.age }
      : query.audience === 'young-person' && query.ageBand === '11-19'
        ? YOUNG_PERSON_YEARS
        : band;
  const fit = query.audience ? AUDIENCE_FIT[query.audience] : 'any';
  const forResident = query.audience !== undefined && query.audience !== 'practitioner';

  const ranked: RankedService[] = [];
  /** How many of the earlier worries each service also serves: the first tie-break. */
  const alsoServes = new Map<Service, number>();
  /** How well each service fits the person (age and who it is for), apart from the worry. */
  const personFit = new Map<Service, number>();
  const earlier = (query.earlierGroups ?? []).filter((g) => !groups.includes(g));
  const childWorry = query.ageBand !== undefined && CHILD_BANDS.has(query.ageBand);
  for (const service of pack.services) {
    // A service another has replaced is never recommended: its replacement is.
    if (service.replacedBy !== undefined) continue;
    const matchedGroups = groups.filter((g) => service.priorityGroups.includes(g));
    if (groups.length > 0 && matchedGroups.length === 0) continue;
    const forTheHousehold =
      childWorry && service.appliesTo.includes('parents-carers') && matchedGroups.length > 0 && matchedGroups.every((g) => HOUSEHOLD_GROUPS.has(g));
    const outsideAges = (band !== undefined && !overlaps(band, service.ages)) || (query.age !== undefined && (query.age < service.ages.min || query.age > service.ages.max));
    if (outsideAges && !forTheHousehold) continue;
    if (query.role !== undefined && service.deliveredBy?.includes(query.role)) continue;
    const signalled = service.onlyFor !== undefined && query.signals !== undefined && service.onlyFor.some((s) => query.signals!.includes(s));
    if (service.onlyFor && query.signals !== undefined && !signalled) continue;

    const groupScore = groups.length > 0 ? matchedGroups.reduce((s, g) => s + weights.get(g)!, 0) / totalWeight : 0;
    const focusScore = groups.length > 0 ? focusOn(service, matchedGroups) : 0;
    const ageScore = !likelyYears || forTheHousehold ? 1 : ageCoverage(likelyYears, service.ages);
    const earlierMatched = earlier.filter((g) => service.priorityGroups.includes(g)).length;
    const audienceScore = fit === 'any' || service.appliesTo.some((a) => fit.includes(a)) ? 1 : 0;
    let levelScore = 0.5;
    if (query.level) {
      const distance = Math.abs(NEED_LEVEL_IDS.indexOf(service.level) - NEED_LEVEL_IDS.indexOf(query.level));
      levelScore = 1 - distance / (NEED_LEVEL_IDS.length - 1);
    }
    // A service for exactly what the worry said (Report Remove for a picture being shared) leads.
    const score =
      (signalled ? SIGNAL_BONUS : 0) +
      WEIGHT.groups * groupScore +
      WEIGHT.focus * focusScore +
      WEIGHT.age * ageScore +
      WEIGHT.audience * audienceScore +
      WEIGHT.level * levelScore;
    ranked.push({ service, score: Math.round(score * 1000) / 1000, matchedGroups });
    alsoServes.set(service, earlierMatched);
    personFit.set(service, WEIGHT.age * ageScore + WEIGHT.audience * audienceScore);
  }

  const accessRank = (s: Service) => (s.access === 'professional-referral' ? 1 : 0);
  ranked.sort((a, b) => {
    if (b.score !== a.score) return b.score - a.score;
    const also = (alsoServes.get(b.service) ?? 0) - (alsoServes.get(a.service) ?? 0);
    if (also !== 0) return also;
    if (forResident) {
      // A resident can act on a universal, self-referral service today.
      const level = NEED_LEVEL_IDS.indexOf(a.service.level) - NEED_LEVEL_IDS.indexOf(b.service.level);
      if (level !== 0) return level;
      const access = accessRank(a.service) - accessRank(b.service);
      if (access !== 0) return access;
    }
    return a.service.name.localeCompare(b.service.name);
  });
  leadWithTheMainWorry(ranked, groups, personFit, forResident);
  return query.limit !== undefined ? ranked.slice(0, Math.max(0, query.limit)) : ranked;
}

/**
 * The first service shown is one that is mainly for the worry's main group, when there is one:
 * services that touch every group of a worry otherwise outrank the one made for its heart (a
 * carer of 74 worn out by her husband's stroke was shown direct payments, adult social care and
 * community nurses, and not the carers' centre). A service marked for what the worry said
 * (`onlyFor`) keeps its lead.
 */
function leadWithTheMainWorry(ranked: RankedService[], groups: readonly PriorityGroupId[], fit: ReadonlyMap<Service, number>, forResident: boolean): void {
  if (groups.length === 0 || ranked.length === 0 || ranked[0].service.onlyFor) return;
  // For a resident, one they can contact themselves: alternative education (a professional
  // refers) had led for a parent whose 9-year-old would not go to school, ahead of the school.
  const reachable = (s: Service) => !forResident || s.access !== 'professional-referral';
  const mainly = (s: Service) => s.priorityGroups[0] === groups[0];
  if (mainly(ranked[0].service) && reachable(ranked[0].service)) return;
  // Only one that fits the person as well (their age, who it is for): not a service for adults
  // ahead of a child's.
  const best = fit.get(ranked[0].service) ?? 0;
  const at = ranked.findIndex((r) => mainly(r.service) && reachable(r.service) && (fit.get(r.service) ?? 0) >= best);
  if (at > 0) ranked.unshift(...ranked.splice(at, 1));
}

export interface RouteContacts {
  route: Route;
  /** True when the route's office is closed at the instant asked about. */
  outOfHours: boolean;
  message: string;
  contacts: Contact[];
  /** Lines reached without a call, for someone who does not want to phone (not in the reply itself). */
  withoutACall: Contact[];
  /** A page on what happens after a report on this route, for "what happens if I ring?" (`whatHappens`). */
  whatHappens?: Contact;
}

/** The route's contacts in the order to show them: "always" first, then the in-hours or out-of-hours list. */
export function contactsForRoute(
  pack: KnowledgePack,
  route: Route,
  at: Date,
  /**
   * Who is speaking: a young person gets the route's words and lines for them (`youngPeople`);
   * each gets only the lines they may use themselves (`callerAges`).
   */
  options: { youngPerson?: boolean; adult?: boolean } = {},
): RouteContacts {
  const spec = getRoute(pack, route);
  if (!spec) throw new Error(`pack "${pack.meta.id}" has no route "${route}"`);
  let outOfHours = false;
  if (spec.officeHoursId !== undefined) {
    const hours = pack.officeHours.find((h) => h.id === spec.officeHoursId);
    if (!hours) throw new Error(`pack "${pack.meta.id}" has no office hours "${spec.officeHoursId}"`);
    outOfHours = !isOpen(hours, at);
  }
  let ids = [...spec.always, ...(outOfHours ? spec.outOfHours : spec.officeHours)];
  const young = options.youngPerson ? spec.youngPeople : undefined;
  if (young) {
    // 999 stays first where the route starts with it; the young people's lines come next.
    const opening = ids.length > 0 ? getContact(pack, ids[0]) : undefined;
    const lead = opening?.method.kind === 'phone' && opening.method.value === '999' ? [opening.id] : [];
    ids = [...lead, ...young.first, ...ids];
  }
  const contacts: Contact[] = [];
  for (const id of new Set(ids)) {
    const contact = getContact(pack, id);
    if (contact && fitsSpeaker(contact, options)) contacts.push(contact);
  }
  const withoutACall = spec.withoutACall
    .map((id) => getContact(pack, id))
    .filter((c): c is Contact => c !== undefined && fitsSpeaker(c, options));
  const whatHappens = spec.whatHappens !== undefined ? getContact(pack, spec.whatHappens) : undefined;
  return { route, outOfHours, message: young?.message ?? spec.message, contacts, withoutACall, ...(whatHappens ? { whatHappens } : {}) };
}

/**
 * Whether the one speaking may use the line for themselves: an adult is not given a line only
 * children may use (Childline, to 18), nor a young person one for adults (the NSPCC Helpline). A
 * speaker nobody knows the age of gets every line.
 */
function fitsSpeaker(contact: Contact, speaker: { youngPerson?: boolean; adult?: boolean }): boolean {
  const ages = contact.callerAges;
  if (!ages) return true;
  if (speaker.youngPerson) return ages.min === undefined || ages.min < ADULT_AGE;
  if (speaker.adult) return ages.max === undefined || ages.max > ADULT_AGE;
  return true;
}
const ADULT_AGE = 18;

export function getRoute(pack: KnowledgePack, id: Route): RouteSpec | undefined {
  return pack.routes.find((r) => r.id === id);
}

export function getGroup(pack: KnowledgePack, id: PriorityGroupId): (PriorityGroup & { examples: string[] }) | undefined {
  return pack.priorityGroups.find((g) => g.id === id);
}

export function getNeedLevel(pack: KnowledgePack, id: NeedLevelId): NeedLevel | undefined {
  return pack.needLevels.find((l) => l.id === id);
}

export function getGuidance(pack: KnowledgePack, id: string): Guidance | undefined {
  return pack.guidance.find((g) => g.id === id);
}

export function getContact(pack: KnowledgePack, id: string): Contact | undefined {
  return pack.contacts.find((c) => c.id === id);
}

export function getService(pack: KnowledgePack, id: string): Service | undefined {
  return pack.services.find((s) => s.id === id);
}

/**
 * The pack's "talk to someone" contacts of one kind for this kind of person (its `default` list
 * for anyone without their own), or undefined when the pack has no such lists.
 */
export function talkContacts(pack: KnowledgePack, kind: 'listening' | 'byText', audience: Audience | undefined): Contact[] | undefined {
  const lists = pack.talk?.[kind];
  if (!lists) return undefined;
  const ids = (audience ? lists[audience] : undefined) ?? lists.default;
  return ids.map((id) => getContact(pack, id)).filter((c): c is Contact => c !== undefined);
}

/** One line of plain text, e.g. "Samaritans: call 116 123 (24 hours, every day)". */
export function formatContact(contact: Contact): string {
  const m = contact.method;
  let how: string;
  switch (m.kind) {
    case 'phone':
      how = `call ${m.value}`;
      break;
    case 'text':
      how = m.keyword ? `text ${m.keyword} to ${m.value}` : `text ${m.value}`;
      break;
    case 'url':
      how = `visit ${m.value}`;
      break;
    case 'email':
      how = `email ${m.value}`;
      break;
  }
  return `${contact.name}: ${how} (${contact.hours})`;
}
