import type { About, AgeBand } from '../vocabulary';
import { isBareAnswer } from './bareAnswer';
import { plainText } from './plainText';
import { ADULT_RELATIONS, CHILD_RELATIONS, OLDER_RELATIONS, ageInText, readAgeAnswer, readAgeYears, relationshipIn, statedOwnAge } from './whoIsAsking';

// Who a worry is about, or how old they are, typed after the services were shown: "17", "it's for
// me", "she's 7", "for my dad, he's 80". The bot had not asked (the first message said enough to
// find services), but people answer the questions they expect; tried as a person would, a
// 17-year-old's "me" and "17" were met with "A good place to start is the first service above".

/** What such a reply says: the worry is the writer's own, whose it is, and an age in years. */
export interface LaterFacts {
  myself?: true;
  /** A relationship from the fixed list relationshipIn reads ("son", "dad"), never a name. */
  relationship?: string;
  years?: number;
}

const MYSELF = /^(?:(?:it'?s|its|it is|this is)\s+)?(?:(?:about|for)\s+)?(?:just\s+)?(?:me|myself)\b/;

/** The facts a short reply gives, or undefined when it gives none (or says more than who and how old). */
export function readLaterFacts(text: string): LaterFacts | undefined {
  if (!isBareAnswer(text)) return undefined;
  const own = statedOwnAge(text);
  const myself = own !== undefined || MYSELF.test(plainText(text));
  const relationship = myself ? undefined : relationshipIn(text);
  const years = own ?? readAgeYears(text) ?? ageInText(text);
  if (!myself && relationship === undefined && years === undefined) return undefined;
  return { ...(myself ? { myself: true as const } : {}), ...(relationship ? { relationship } : {}), ...(years !== undefined ? { years } : {}) };
}

/**
 * Whom a relationship said on its own ("for my dad") makes the worry about, by the age given with
 * it when there is one: a child relation is a child; a parent or grandparent an older person
 * (another adult when under 65); a husband, wife or partner another adult (an older person at 65
 * and over). Undefined for the rest ("my friend" could be of any age).
 */
export function aboutNamed(relationship: string, years?: number): About | undefined {
  if (CHILD_RELATIONS.has(relationship)) return 'child';
  if (OLDER_RELATIONS.has(relationship)) return years !== undefined && years < 65 ? 'adult' : 'older-person';
  if (ADULT_RELATIONS.has(relationship)) return years !== undefined && years >= 65 ? 'older-person' : 'adult';
  return undefined;
}

/** The age band of an age in years, for whoever the worry is about. */
export function bandForYears(years: number, about: About): AgeBand | undefined {
  return readAgeAnswer(String(years), about);
}
