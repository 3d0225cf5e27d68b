import type { Audience } from '../../knowledge/vocabulary';
import { parentCarerWording } from './parentCarer';
import { practitionerWording } from './practitioner';
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
