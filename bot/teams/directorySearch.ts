import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { z } from 'zod';
import { findServices } from '../../knowledge/directory';
import type { Contact, KnowledgePack, Service } from '../../knowledge/schema/pack';
import { AGE_BANDS, NEED_LEVEL_IDS, PRIORITY_GROUP_IDS, type AccessRoute, type AgeBand, type NeedLevelId, type PriorityGroupId } from '../../knowledge/vocabulary';

// The service directory the Teams tab shows: the pack's services, searched by words and
// filtered by priority group, level of need, age band and access route. Ranking comes
// from the knowledge layer's findServices; words only decide what matches and break ties.

/** How a practitioner can get someone to a service; 'both' services match either filter. */
export const ACCESS_FILTERS = ['self-referral', 'professional-referral'] as const;
export type AccessFilter = (typeof ACCESS_FILTERS)[number];

const MAX_QUERY_CHARACTERS = 200;

export const directoryQuerySchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_CHARACTERS, { error: `must be at most ${MAX_QUERY_CHARACTERS} characters` }).optional(),
    group: z.enum(PRIORITY_GROUP_IDS, { error: 'must be a priority group id, e.g. housing' }).optional(),
    level: z.enum(NEED_LEVEL_IDS, { error: `must be one of ${NEED_LEVEL_IDS.join(', ')}` }).optional(),
    age: z.enum(AGE_BANDS, { error: `must be one of ${AGE_BANDS.join(', ')}` }).optional(),
    access: z.enum(ACCESS_FILTERS, { error: `must be one of ${ACCESS_FILTERS.join(', ')}` }).optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, { error: 'must be a whole number from 1 to 100' })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 100, { error: 'must be a whole number from 1 to 100' })
      .optional(),
  })
  .strict();

export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export interface DirectoryContact {
  name: string;
  kind: Contact['method']['kind'];
  value: string;
  /** tel:, sms:, mailto: or https: link. */
  href: string;
  hours: string;
  for: string;
  source: string;
  checked: string;
}

export interface DirectoryService {
  id: string;
  name: string;
  description: string;
  level: { id: NeedLevelId; name: string };
  groups: Array<{ id: PriorityGroupId; name: string }>;
  ages: { min: number; max: number };
  access: AccessRoute;
  /** In words, for a practitioner: who can make the referral, and how. */
  howToRefer: string;
  contacts: DirectoryContact[];
  /** Where to look when the pack holds no contact. */
  howToFind?: string;
  source: string;
}

export interface DirectoryResult {
  total: number;
  services: DirectoryService[];
}

export interface DirectoryFilters {
  council: string;
  directoryName: string;
  directoryUrl?: string;
  groups: Array<{ id: PriorityGroupId; name: string }>;
  levels: Array<{ id: NeedLevelId; name: string; summary: string }>;
  ageBands: Array<{ id: AgeBand; name: string }>;
  access: Array<{ id: AccessFilter; name: string }>;
}

export const AGE_BAND_NAMES: Record<AgeBand, string> = {
  'pre-birth-5': 'Pregnancy to 5',
  '5-11': '5 to 11',
  '11-19': '11 to 19 (up to 25 with SEND)',
  adult: 'Adults',
  older: 'Older people',
};

const ACCESS_NAMES: Record<AccessFilter, string> = {
  'self-referral': 'Families can contact it themselves',
  'professional-referral': 'Referral by a professional',
};

const HOW_TO_REFER: Record<AccessRoute, string> = {
  'self-referral': 'Families can contact this service themselves: share the details with them.',
  'professional-referral': 'A professional refers: use the contact below, with the family\'s consent.',
  both: 'Families can contact this service themselves, or a professional can refer with their consent.',
};

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'for', 'of', 'to', 'in', 'on', 'with', 'or', 'at', 'by', 'is', 'are', 'my', 'our', 'who', 'what', 'help', 'service', 'services', 'support']);

function stems(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w)).map((w) => PorterStemmer.stem(w));
}

/** Plain names are written to follow "this is about ..."; a list or heading wants a capital. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function groupName(pack: KnowledgePack, id: PriorityGroupId): string {
  const group = pack.priorityGroups.find((g) => g.id === id);
  return group ? capitalise(group.plainName) : id;
}

function linkFor(contact: Contact): string {
  const m = contact.method;
  switch (m.kind) {
    case 'phone':
      return `tel:${m.value.replace(/\s+/g, '')}`;
    case 'text':
      return `sms:${m.value.replace(/\s+/g, '')}`;
    case 'email':
      return `mailto:${m.value}`;
    case 'url':
      return m.value;
  }
}

function toDirectoryService(pack: KnowledgePack, service: Service): DirectoryService {
  const level = pack.needLevels.find((l) => l.id === service.level);
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    level: { id: service.level, name: level?.name ?? service.level },
    groups: service.priorityGroups.map((id) => ({ id, name: groupName(pack, id) })),
    ages: service.ages,
    access: service.access,
    howToRefer: HOW_TO_REFER[service.access],
    contacts: service.contacts.map((c) => ({
      name: c.name,
      kind: c.method.kind,
      value: c.method.value,
      href: linkFor(c),
      hours: c.hours,
      for: c.for,
      source: c.source,
      checked: c.checked,
    })),
    howToFind: service.howToFind ?? (service.contacts.length === 0 ? `Search ${pack.meta.directoryName}.` : undefined),
    source: service.source,
  };
}

/**
 * How well a service's words match the query words: 0 when any query word is missing. A word
 * counts in every field it is found in, so a service whose name, group and description all say
 * "housing" ranks above one whose name only shares the stem ("Dorothy House").
 */
function wordScore(pack: KnowledgePack, service: Service, words: string[]): number {
  if (words.length === 0) return 1;
  const fields: Array<[string[], number]> = [
    [stems(service.name), 3],
    [stems(service.priorityGroups.map((id) => pack.priorityGroups.find((g) => g.id === id)?.plainName ?? '').join(' ')), 2],
    [stems(`${service.description} ${service.howToFind ?? ''}`), 1],
  ];
  let score = 0;
  for (const word of words) {
    let found = 0;
    for (const [tokens, weight] of fields) {
      if (tokens.some((t) => t === word || (word.length >= 4 && t.startsWith(word)))) found += weight;
    }
    if (found === 0) return 0;
    score += found;
  }
  return score;
}

export function searchDirectory(pack: KnowledgePack, query: DirectoryQuery): DirectoryResult {
  const ranked = findServices(pack, {
    groups: query.group ? [query.group] : [],
    ageBand: query.age,
    level: query.level,
    audience: 'practitioner',
  });
  const words = stems(query.q ?? '');
  const matches = ranked
    .filter(({ service }) => !query.level || service.level === query.level)
    .filter(({ service }) => !query.access || service.access === query.access || service.access === 'both')
    .map((r, order) => ({ r, order, words: wordScore(pack, r.service, words) }))
    .filter((m) => m.words > 0)
    // Words first when there are any, then the knowledge layer's own order.
    .sort((a, b) => b.words - a.words || a.order - b.order);
  const limit = query.limit ?? 100;
  return { total: matches.length, services: matches.slice(0, limit).map((m) => toDirectoryService(pack, m.r.service)) };
}

export function directoryFilters(pack: KnowledgePack): DirectoryFilters {
  return {
    council: pack.meta.councilName,
    directoryName: pack.meta.directoryName,
    directoryUrl: pack.meta.directoryUrl,
    groups: pack.priorityGroups.map((g) => ({ id: g.id, name: groupName(pack, g.id) })).sort((a, b) => a.name.localeCompare(b.name)),
    levels: pack.needLevels.map((l) => ({ id: l.id, name: l.name, summary: l.plainSummary })),
    ageBands: AGE_BANDS.map((id) => ({ id, name: AGE_BAND_NAMES[id] })),
    access: ACCESS_FILTERS.map((id) => ({ id, name: ACCESS_NAMES[id] })),
  };
}
