import {
  ActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { Logger } from './logging';
import { PLAIN_ANSWER, WELCOME } from './messages';

export interface ConversationData {
  messageCount: number;
}

export interface EarlyHelpBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  logger: Logger;
}

/**
 * The first bot: welcomes people and answers plainly. The dialogs layer replaces `handleMessage`
 * with risk detection and dialogs; welcome and state saving stay here.
 */
export class EarlyHelpBot extends ActivityHandler {
  protected readonly conversationState: ConversationState;
  protected readonly userState: UserState;
  protected readonly logger: Logger;
  private readonly conversationData: StatePropertyAccessor<ConversationData>;

  constructor({ conversationState, userState, logger }: EarlyHelpBotDeps) {
    super();
    this.conversationState = conversationState;
    this.userState = userState;
    this.logger = logger;
    this.conversationData = conversationState.createProperty<ConversationData>('conversationData');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (joined.length > 0) await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const data = await this.conversationData.get(context, { messageCount: 0 });
      data.messageCount += 1;
      await this.handleMessage(context);
      await next();
    });
  }

  /** Saves conversation and user state once, at the end of every turn. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  protected async welcome(context: TurnContext): Promise<void> {
    await context.sendActivity(WELCOME);
  }

  protected async handleMessage(context: TurnContext): Promise<void> {
    await context.sendActivity(PLAIN_ANSWER);
  }
}
