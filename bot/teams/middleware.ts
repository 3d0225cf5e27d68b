import {
  ActivityTypes,
  type Activity,
  type ConversationState,
  type Middleware,
  type ResourceResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { RISK_ROUTES, type Route } from '../../knowledge/vocabulary';
import { TRIAGE_TRACE_NAME } from '../../dialogs/trace';
import type { Logger } from '../logging';
import { teamsTurnContext, type TeamsTurn } from './activity';
import { ADAPTIVE_CARD_ACTION, checkCardAction, invokeMessage } from './cardActions';
import { noticeCard, prepareOutgoing } from './cards';
import { SHARED_MAX_CARDS, channelPolicy } from './channelPolicy';
import { hasAtTag, mentionsBot, stripMentions } from './mentions';
import {
  BAD_CARD_ACTION,
  CARD_ACTION_DONE,
  CHANNEL_HELLO,
  CHANNEL_NOTICE,
  MENTION_ONLY,
  RISK_CHANNEL_NOTICE,
  identifyingNotice,
  moreInPrivate,
} from './wording';

/** turnState key holding the TeamsTurn of a Teams turn, for the bot and dialogs to read. */
export const TEAMS_TURN = Symbol('teamsTurn');

/** The TeamsTurn the middleware read for this turn, or undefined outside Teams. */
export function getTeamsTurn(context: TurnContext): TeamsTurn | undefined {
  return context.turnState.get(TEAMS_TURN) as TeamsTurn | undefined;
}

/** What the middleware remembers per Teams conversation (a channel thread, a group chat). */
interface TeamsConversationData {
  noticeGiven?: boolean;
}

export interface TeamsMiddlewareDeps {
  conversationState: ConversationState;
  logger?: Logger;
}

const INVOKE_RESPONSE = 'invokeResponse';
const RISK = new Set<Route>(RISK_ROUTES);
const CARD_ACTION_FAILED = 'Sorry, something went wrong with that button. Please type what you need, or type help.';

/** What the outgoing hook saw during one turn. */
interface TurnWatch {
  hiddenCards: number;
  risk: boolean;
  invokeAnswered: boolean;
}

/**
 * Teams-specific handling around every msteams turn, leaving other channels untouched:
 * - removes @mentions of the bot before anything reads the text (so before risk detection and triage);
 * - in channels and group chats, keeps replies short and adds the privacy notice with a private chat button;
 * - welcomes a person who adds the app for themselves (Teams reports the bot as the member added),
 *   and in channels introduces the bot once instead of welcoming everyone who joins the team;
 * - turns adaptiveCard/action invokes into the same submits the dialogs read from Action.Submit,
 *   rejecting bad ones with a clear message, and always answers the invoke;
 * - shapes every outgoing reply so it renders in Teams (see cards.ts).
 */
export class TeamsMiddleware implements Middleware {
  private readonly data: StatePropertyAccessor<TeamsConversationData>;

  constructor(private readonly deps: TeamsMiddlewareDeps) {
    this.data = deps.conversationState.createProperty<TeamsConversationData>('teams');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const turn = teamsTurnContext(context.activity);
    if (!turn.isTeams) return next();
    context.turnState.set(TEAMS_TURN, turn);

    const watch: TurnWatch = { hiddenCards: 0, risk: false, invokeAnswered: false };
    // A shared conversation's limit on cards holds until the turn turns out to be about risk.
    const maxCards = () => (turn.shared && !watch.risk ? SHARED_MAX_CARDS : Infinity);
    context.onSendActivities(async (_context, activities, nextSend) => this.shapeOutgoing(activities, nextSend, turn, watch, maxCards));

    const { activity } = context;
    if (activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION) return this.onCardAction(context, next, watch);
    if (activity.type === ActivityTypes.ConversationUpdate) return this.onConversationUpdate(context, next, turn);
    if (activity.type === ActivityTypes.Message) return this.onMessage(context, next, turn, watch);
    return next();
  }

  private async shapeOutgoing(
    activities: Partial<Activity>[],
    nextSend: () => Promise<ResourceResponse[]>,
    turn: TeamsTurn,
    watch: TurnWatch,
    maxCards: () => number,
  ): Promise<ResourceResponse[]> {
    // Risk is known from the dialogs' triage trace, which precedes the risk reply.
    for (const a of activities) {
      if (a.type === ActivityTypes.Trace && a.name === TRIAGE_TRACE_NAME && RISK.has((a.value as { route?: Route } | undefined)?.route as Route)) {
        watch.risk = true;
      }
      if (a.type === INVOKE_RESPONSE) watch.invokeAnswered = true;
    }
    const shaped: Partial<Activity>[] = [];
    for (const a of activities) {
      const result = prepareOutgoing(a, { shared: turn.shared, maxCards: maxCards() });
      watch.hiddenCards += result.hidden;
      shaped.push(...result.activities);
    }
    // The SDK sends the array it handed to us, so change it in place.
    activities.splice(0, activities.length, ...shaped);
    return nextSend();
  }

  private async onMessage(context: TurnContext, next: () => Promise<void>, turn: TeamsTurn, watch: TurnWatch): Promise<void> {
    const { activity } = context;
    const hadMention = mentionsBot(activity, turn.botId) || hasAtTag(activity.text ?? '');
    if (typeof activity.text === 'string') activity.text = stripMentions(activity, turn.botId);
    const text = activity.text ?? '';
    const hasValue = activity.value !== undefined && activity.value !== null;

    if (hadMention && text === '' && !hasValue) {
      // "@Early Help" and nothing else: say how to ask, rather than treating it as an empty message.
      await context.sendActivity(MENTION_ONLY);
      await this.afterShared(context, turn, watch, '');
      return;
    }
    await next();
    await this.afterShared(context, turn, watch, text);
  }

  /** In a channel or group chat, the notice and the private chat offer, after the bot's replies. */
  private async afterShared(context: TurnContext, turn: TeamsTurn, watch: TurnWatch, text: string): Promise<void> {
    if (!turn.shared || !context.responded) return;
    const data = await this.data.get(context, {});
    const policy = channelPolicy(turn, { text, risk: watch.risk, noticeGiven: data.noticeGiven === true });
    const paragraphs: string[] = [];
    if (watch.hiddenCards > 0) paragraphs.push(moreInPrivate(SHARED_MAX_CARDS, watch.hiddenCards));
    if (policy.notice?.kind === 'risk') paragraphs.push(RISK_CHANNEL_NOTICE);
    if (policy.notice && policy.notice.identifying.length > 0) paragraphs.push(identifyingNotice(policy.notice.identifying));
    else if (policy.notice?.kind === 'general') paragraphs.push(CHANNEL_NOTICE);
    if (paragraphs.length === 0) return;
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [noticeCard(paragraphs, policy.offerPrivateChat ? turn.botId : undefined)] });
    data.noticeGiven = true;
    await this.data.set(context, data);
    await this.deps.conversationState.saveChanges(context);
  }

  private async onConversationUpdate(context: TurnContext, next: () => Promise<void>, turn: TeamsTurn): Promise<void> {
    if (!turn.shared) return this.onPersonalInstall(context, next, turn);
    const added = context.activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === turn.botId);
    if (botAdded) {
      // Installed in a team or a group chat: introduce the bot once, with the channel rules.
      await context.sendActivity({ type: ActivityTypes.Message, attachments: [noticeCard([CHANNEL_HELLO], turn.botId)] });
      return;
    }
    // Someone joining a team is not talking to the bot: a welcome in the channel would be noise.
    if (added.length > 0) return;
    return next();
  }

  /**
   * When someone adds the app for themselves, Teams reports the bot as the member added, not the
   * person. For the bot that is the person starting the conversation, so for this turn it sees the
   * person as the one who joined, and welcomes them as it would on any other channel.
   */
  private async onPersonalInstall(context: TurnContext, next: () => Promise<void>, turn: TeamsTurn): Promise<void> {
    const { activity } = context;
    const added = activity.membersAdded ?? [];
    const onlyBot = added.length > 0 && added.every((m) => m.id === turn.botId);
    if (!onlyBot || !activity.from?.id || activity.from.id === turn.botId) return next();
    activity.membersAdded = [{ id: activity.from.id, name: activity.from.name }];
    try {
      await next();
    } finally {
      activity.membersAdded = added;
    }
  }

  private async onCardAction(context: TurnContext, next: () => Promise<void>, watch: TurnWatch): Promise<void> {
    const { activity } = context;
    const check = checkCardAction(activity.value);
    if (!check.ok) {
      this.deps.logger?.info({ event: 'teams.cardAction.invalid', reason: check.reason }, 'bad adaptiveCard/action');
      await this.answerInvoke(context, BAD_CARD_ACTION);
      return;
    }
    // The dialogs read button presses as message submits; present the invoke as one for this turn.
    const original = { type: activity.type, name: activity.name, value: activity.value, text: activity.text };
    activity.type = ActivityTypes.Message;
    delete (activity as Partial<Activity>).name;
    delete (activity as Partial<Activity>).text;
    activity.value = check.submit;
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      Object.assign(activity, original);
      if (!watch.invokeAnswered) await this.answerInvoke(context, failed ? CARD_ACTION_FAILED : CARD_ACTION_DONE);
    }
  }

  private async answerInvoke(context: TurnContext, text: string): Promise<void> {
    await context.sendActivity({ type: INVOKE_RESPONSE, value: { status: 200, body: invokeMessage(text) } });
  }
}
