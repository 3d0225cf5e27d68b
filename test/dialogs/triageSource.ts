// The real triage engine, trained on the pack, as the dialogs meet it in production.
import { createTriage } from '../../knowledge/triage';
import type { KnowledgePack } from '../../knowledge';
import type { TriageFn } from '../../knowledge/triage/types';

export function realTriage(pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'>): TriageFn {
  return createTriage(pack);
}
