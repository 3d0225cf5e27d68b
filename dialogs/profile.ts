import type { AgeBand, Audience, NeedLevelId, PriorityGroupId, RiskRoute, TopicSignal } from '../knowledge/vocabulary';
import type { GroupScore } from '../knowledge/triage/types';

export { ABOUT, type About } from '../knowledge/vocabulary';
import type { About } from '../knowledge/vocabulary';

export { PRACTITIONER_ROLES, type PractitionerRole } from '../knowledge/vocabulary';
import type { PractitionerRole } from '../knowledge/vocabulary';

/** One worry as the bot understood it: groups and level only, never the words typed. */
export interface Worry {
  groups: PriorityGroupId[];
  needLevel: NeedLevelId;
  /** The risk route the worry is about without indicating risk now (a route id, never words). */
  topic?: RiskRoute;
  /** What the worry said beyond its groups that decides a service (a picture being shared): ids, never words. */
  signals?: TopicSignal[];
  /** Who this worry was about, and their age band, when it ended: worries may be about different people. */
  about?: About;
  ageBand?: AgeBand;
}

/**
 * What the bot remembers during one conversation. It lives in conversation state, which
 * the retention sweep deletes; it holds nothing that identifies a person.
 */
export interface EarlyHelpProfile {
  audience?: Audience;
  role?: PractitionerRole;
  about?: About;
  ageBand?: AgeBand;
  /** The relationship the worry names ("son", "mum"): a word from a fixed list, never a name. */
  relationship?: string;
  /** Their age in whole years when it was typed at the age question (0 under a year): services outside it are left out. */
  age?: number;
  /**
   * Groups of a worry typed where the bot asked who it is about ("Bereavement and money"): added
   * to the worry being asked about when it is complete. Group ids, never words.
   */
  addedGroups?: PriorityGroupId[];
  worries: Worry[];
}

export function emptyProfile(): EarlyHelpProfile {
  return { worries: [] };
}

/** Every group across the worries so far, newest worry first, without repeats. */
export function allGroups(profile: EarlyHelpProfile): PriorityGroupId[] {
  const seen = new Set<PriorityGroupId>();
  for (const worry of [...profile.worries].reverse()) for (const id of worry.groups) seen.add(id);
  return [...seen];
}

/** The highest level of need across the worries so far. */
export function highestLevel(profile: EarlyHelpProfile): NeedLevelId | undefined {
  const order: NeedLevelId[] = ['universal', 'targeted', 'specialist'];
  let best = -1;
  for (const w of profile.worries) best = Math.max(best, order.indexOf(w.needLevel));
  return best < 0 ? undefined : order[best];
}

export type { GroupScore };

/** Whether the conversation's worry is about an adult: someone cared for, or the writer's own as an adult. */
export function aboutAnAdult(profile: EarlyHelpProfile): boolean {
  if (profile.about === 'adult' || profile.about === 'older-person') return true;
  return profile.about === 'myself' && (profile.ageBand === 'adult' || profile.ageBand === 'older');
}
