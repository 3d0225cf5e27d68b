// Shared set-up for the dialog tests: the real bathnes pack, a triage function, the main
// dialog in a DialogTestClient, and helpers to read replies (text, suggested actions,
// card fallbacks and the earlyHelp.triage trace).
import { ActivityTypes, ConversationState, MemoryStorage } from 'botbuilder';
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { loadPack } from '../../knowledge';
import type { KnowledgePack } from '../../knowledge';
import type { TriageFn } from '../../knowledge/triage/types';
import { MainDialog } from '../../dialogs/mainDialog';
import type { EarlyHelpProfile } from '../../dialogs/profile';
import { realTriage } from './triageSource';

let cachedPack: KnowledgePack | undefined;
let cachedTriage: TriageFn | undefined;

export function bathnes(): KnowledgePack {
  cachedPack ??= loadPack('bathnes');
  return cachedPack;
}

export function triage(): TriageFn {
  cachedTriage ??= realTriage(bathnes());
  return cachedTriage;
}

/** Records every activity the bot sends, traces included (TestAdapter drops traces). */
export class Recorder implements Middleware {
  readonly sent: Partial<Activity>[] = [];
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      this.sent.push(...activities);
      return nextSend();
    });
    await next();
  }
  traces(): Partial<Activity>[] {
    return this.sent.filter((a) => a.type === ActivityTypes.Trace);
  }
}

export interface DialogHarness {
  client: DialogTestClient;
  recorder: Recorder;
  conversationState: ConversationState;
  /** Send a message and return every reply of the turn (not traces). */
  say(text: string | Partial<Activity>, at?: Date): Promise<Partial<Activity>[]>;
}

/** `wrapTriage` may stand in front of the real triage, as core-bot's tests inject a recogniser. */
export function dialogHarness(channelId = 'webchat', wrapTriage?: (real: TriageFn) => TriageFn): DialogHarness {
  const conversationState = new ConversationState(new MemoryStorage());
  const profileAccessor = conversationState.createProperty<EarlyHelpProfile>('earlyHelpProfile');
  const dialog = new MainDialog({ pack: bathnes(), triage: wrapTriage ? wrapTriage(triage()) : triage(), profile: profileAccessor });
  const recorder = new Recorder();
  const client = new DialogTestClient(channelId, dialog, undefined, [recorder], conversationState);
  return {
    client,
    recorder,
    conversationState,
    async say(input, at) {
      const activity: Partial<Activity> =
        typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { type: ActivityTypes.Message, ...input };
      if (at) activity.timestamp = at;
      const first = await client.sendActivity(activity);
      const replies: Partial<Activity>[] = [];
      for (let r: Partial<Activity> | undefined = first; r; r = client.getNextReply()) replies.push(r);
      return replies;
    },
  };
}

/** Everything a person would read in a set of replies: text, buttons and card fallbacks. */
export function readable(replies: Partial<Activity>[]): string {
  const parts: string[] = [];
  for (const r of replies) {
    if (r.text) parts.push(r.text);
    for (const a of r.attachments ?? []) {
      const content = a.content as { fallbackText?: string; text?: string; buttons?: Array<{ title: string }> } | undefined;
      if (content?.fallbackText) parts.push(content.fallbackText);
      else if (content?.text) parts.push(content.text);
      for (const b of content?.buttons ?? []) parts.push(`[${b.title}]`);
    }
    for (const action of r.suggestedActions?.actions ?? []) parts.push(`[${action.title}]`);
  }
  return parts.join('\n');
}

/** The quick replies offered in the last reply that has any. */
export function buttons(replies: Partial<Activity>[]): string[] {
  const withActions = replies.filter((r) => (r.suggestedActions?.actions ?? []).length > 0);
  return (withActions[withActions.length - 1]?.suggestedActions?.actions ?? []).map((a) => String(a.title));
}
