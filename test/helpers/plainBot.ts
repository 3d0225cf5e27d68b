import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';

export const PLAIN_WELCOME = 'Welcome to the hosting test bot.';
export const plainReply = (text: string | undefined, count: number): string => `Heard "${text ?? ''}" (message ${count}).`;

/**
 * A deliberately small bot for hosting tests: its replies are fixed, so tests of HTTP, state,
 * middleware and shutdown do not change when the real conversation (dialogs/) changes.
 */
export class PlainBot extends ActivityHandler {
  private readonly count: StatePropertyAccessor<{ messageCount: number }>;

  constructor(private readonly services: { conversationState: ConversationState; userState: UserState }) {
    super();
    this.count = services.conversationState.createProperty('conversationData');
    this.onMembersAdded(async (context, next) => {
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id)) {
        await context.sendActivity(PLAIN_WELCOME);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const data = await this.count.get(context, { messageCount: 0 });
      data.messageCount += 1;
      await this.reply(context, data.messageCount);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.services.conversationState.saveChanges(context, false);
    await this.services.userState.saveChanges(context, false);
  }

  protected async reply(context: TurnContext, count: number): Promise<void> {
    await context.sendActivity(plainReply(context.activity.text, count));
  }
}
