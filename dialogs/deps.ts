import type { StatePropertyAccessor } from 'botbuilder';
import type { KnowledgePack } from '../knowledge';
import type { TriageFn } from '../knowledge/triage/types';
import type { EarlyHelpProfile } from './profile';

/** Collaborators every dialog gets through its constructor. */
export interface ConversationDeps {
  pack: KnowledgePack;
  triage: TriageFn;
  /** Conversation-scoped profile: audience, who it is about, age band, worries. */
  profile: StatePropertyAccessor<EarlyHelpProfile>;
  /** What the privacy answer says: the same settings as the welcome and the privacy page. */
  privacy?: { retentionHours: number; logMessageText: boolean };
}
