import type { Activity } from 'botbuilder';
import type { Audience } from '../../knowledge/vocabulary';
import { isTeamsActivity } from './activity';

/**
 * Who the bot assumes it is talking to before anyone says. The Teams app is installed for
 * council and partner staff, so there it starts with practitioners; on other channels the
 * dialogs ask.
 */
export function defaultAudience(activity: Pick<Partial<Activity>, 'channelId'>): Audience | undefined {
  return isTeamsActivity(activity) ? 'practitioner' : undefined;
}
