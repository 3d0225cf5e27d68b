import type { Audience } from '../../knowledge/vocabulary';
import { parentCarerWording } from './parentCarer';
import * as common from './common';
import { practitionerMenuOptions, practitionerWording } from './practitioner';
import { residentWording } from './resident';
import type { Wording } from './types';
import { youngPersonWording } from './youngPerson';

const BY_AUDIENCE: Record<Audience, Wording> = {
  self: residentWording,
  'parent-carer': parentCarerWording,
  'young-person': youngPersonWording,
  practitioner: practitionerWording,
};

/** The wording for an audience; residents' wording until we know who is asking. */
export function wordingFor(audience: Audience | undefined): Wording {
  return audience ? BY_AUDIENCE[audience] : residentWording;
}

export * from './common';
export type { Option, Wording } from './types';
export { practitionerMenuOptions };
export type { PractitionerMenuChoice } from './practitioner';

/**
 * How a reply is compared with the labels: lower case, punctuation and spacing ignored, so
 * "Yes, show me!" is "yes show me".
 */
export function replyKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9'£]+/g, ' ').trim();
}

/**
 * Every button label and option word the bot offers, and the plain replies (yes, thanks, show
 * me), compared by replyKey. A person pressing or typing
 * one ("Describe a concern", "Carry on") is answering the bot, not telling it something new: the
 * risk gate reads such a message with the rules only, never the model (which read "concern"
 * as a little risky).
 */
export function buttonLabels(): Set<string> {
  const labels = new Set<string>();
  const add = (text: string) => labels.add(replyKey(text));
  const walk = (value: unknown, depth: number): void => {
    if (depth > 5 || value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1));
    if (typeof value !== 'object') return;
    const option = value as { label?: unknown; value?: unknown; synonyms?: unknown };
    if (typeof option.label === 'string' && 'value' in option) {
      add(option.label);
      if (Array.isArray(option.synonyms)) option.synonyms.forEach((s) => typeof s === 'string' && add(s));
      return;
    }
    for (const v of Object.values(value)) walk(v, depth + 1);
  };
  walk([Object.values(common), practitionerMenuOptions, ...Object.values(BY_AUDIENCE)], 0);
  for (const label of [common.carryOnLabel, common.startAgainLabel, ...Object.values(common.riskCheckLabels), ...Object.values(common.topicLabels)]) add(label);
  for (const list of Object.values(common.interruptionPhrases)) list.forEach((p) => add(p));
  common.plainReplies.forEach((p) => add(p));
  for (const w of Object.values(BY_AUDIENCE)) {
    Object.values(w.nextLabels).forEach((l) => add(l));
    add(w.bothLabel);
  }
  return labels;
}
