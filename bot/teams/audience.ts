import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
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

/**
 * Wraps the dialogs' profile accessor so that, wherever the profile is read (including right
 * after "start again" empties it), a profile with no audience gets the channel's default.
 * An audience the person chose is never changed.
 */
export function withDefaultAudience<T extends { audience?: Audience }>(accessor: StatePropertyAccessor<T>): StatePropertyAccessor<T> {
  return {
    async get(context: TurnContext, defaultValue?: T): Promise<T> {
      const value = await (defaultValue === undefined ? accessor.get(context) : accessor.get(context, defaultValue));
      if (value && value.audience === undefined) {
        const audience = defaultAudience(context.activity);
        if (audience) value.audience = audience;
      }
      return value as T;
    },
    set: (context, value) => accessor.set(context, value),
    delete: (context) => accessor.delete(context),
  };
}
