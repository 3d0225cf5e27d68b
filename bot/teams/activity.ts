import type { Activity } from 'botbuilder';

// What the bot needs to know about a Teams turn, read once from the activity.
// Pure: no SDK calls, so the rules are easy to test with plain objects.

export const TEAMS_CHANNEL_ID = 'msteams';

export type TeamsConversationType = 'personal' | 'channel' | 'groupChat';

export interface TeamsTurn {
  isTeams: boolean;
  /** 'personal' when Teams does not say (1:1 chats often omit conversationType). */
  conversationType: TeamsConversationType;
  /** True in a team channel or a group chat: other people can read the replies. */
  shared: boolean;
  tenantId?: string;
  teamId?: string;
  /** The bot's id in this conversation ("28:<app id>" in Teams). */
  botId?: string;
}

type ActivityLike = Pick<Partial<Activity>, 'channelId' | 'conversation' | 'channelData' | 'recipient'>;

function readConversationType(raw: unknown): TeamsConversationType {
  if (raw === 'channel' || raw === 'groupChat') return raw;
  return 'personal';
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function isTeamsActivity(activity: Pick<Partial<Activity>, 'channelId'>): boolean {
  return activity.channelId === TEAMS_CHANNEL_ID;
}

export function teamsTurnContext(activity: ActivityLike): TeamsTurn {
  const isTeams = isTeamsActivity(activity);
  const conversationType = readConversationType(activity.conversation?.conversationType);
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown }; team?: { id?: unknown } };
  return {
    isTeams,
    conversationType,
    shared: isTeams && conversationType !== 'personal',
    tenantId: str(channelData.tenant?.id) ?? str(activity.conversation?.tenantId),
    teamId: str(channelData.team?.id),
    botId: str(activity.recipient?.id),
  };
}
