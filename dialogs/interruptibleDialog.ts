import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, Dialog, DialogTurnStatus } from 'botbuilder-dialogs';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { turnInstant } from './clock';
import type { ConversationDeps } from './deps';
import { leavesAtOnce, QUICK_EXIT_EVENT, recogniseInterruption } from './interruptions';
import type { Interruption } from './interruptions';
import { checkSubmit } from './submits';
import { talkToSomeone } from './talkToSomeone';
import { aboutAnAdult } from './profile';
import { guidanceAskedAbout } from '../knowledge/understanding/guidanceQuestion';
import { inferAbout, inferAudience, relationshipIn } from '../knowledge/understanding/whoIsAsking';
import { guidanceText } from './guidanceAnswer';
import { describesWorry } from './interpret';
import { markTextConsumed } from './turnFlags';
import { triageOnce } from './turnTriage';
import { badSubmit, guidanceFollowUp, helpText, nothingToCarryOn, privacyAnswer, quickExitText, realPersonText, restarting, topicLabels } from './wording';
import { contactRequest } from '../knowledge/understanding/contactRequest';

/** A question about guidance longer than this that also tells a concern goes on to the concern. */
const GUIDANCE_WITH_CONCERN_WORDS = 15;

/**
 * The base of the root dialog (the samples' CancelAndHelpDialog): before any step sees a
 * message, it checks for what a person can say at any time (help, start again, talk to
 * someone, quick exit, are you a real person, carry on) and for card submits, which it
 * validates. It runs both when the dialog begins (a first message) and when it continues
 * (an answer to a prompt), so a command is never taken as an answer.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    dialogId: string,
    protected readonly deps: ConversationDeps,
  ) {
    super(dialogId);
  }

  /** Clear what the bot remembers and ask the first question again. */
  protected abstract restart(innerDc: DialogContext): Promise<DialogTurnResult>;

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const handled = await this.interrupt(innerDc, true);
    return handled ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const handled = await this.interrupt(innerDc, false);
    return handled ?? super.onContinueDialog(innerDc);
  }

  /** Returns a turn result when the message was handled here, undefined to let the dialog run. */
  private async interrupt(innerDc: DialogContext, beginning: boolean): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return undefined;

    let kind: Interruption | undefined;
    const submit = checkSubmit(activity);
    if (submit.kind === 'invalid') {
      await context.sendActivity(badSubmit);
      markTextConsumed(context);
      return this.resume(innerDc, beginning);
    }
    if (submit.kind === 'valid') {
      const s = submit.submit;
      // A button's value becomes the words it stands for, so every prompt reads it the same way.
      if (s.action === 'topic') activity.text = topicLabels[s.group];
      else if (s.action === 'choose') activity.text = s.value;
      else kind = s.action === 'quick-exit' ? 'quickExit' : s.action;
    }
    kind ??= recogniseInterruption(activity.text);
    if (!kind) return submit.kind === 'none' ? this.answerGuidance(innerDc, beginning) : undefined;

    markTextConsumed(context);
    const profile = await this.deps.profile.get(context, { worries: [] });
    switch (kind) {
      case 'restart':
        await context.sendActivity(restarting);
        return this.restart(innerDc);
      case 'help':
        await context.sendActivity(helpText(profile.audience));
        return this.resume(innerDc, beginning);
      case 'talk':
        await context.sendActivity(
          talkToSomeone(this.deps.pack, turnInstant(activity), profile.audience, aboutAnAdult(profile), contactRequest(activity.text ?? '') === 'text'),
        );
        return this.resume(innerDc, beginning);
      case 'privacy':
        // The privacy page is the website channel's own (/privacy on the bot's server).
        await context.sendActivity(privacyAnswer(this.deps.privacy, activity.channelId === 'webchat' || activity.channelId === 'directline'));
        return this.resume(innerDc, beginning);
      case 'realPerson':
        await context.sendActivity(realPersonText);
        return this.resume(innerDc, beginning);
      case 'quickExit':
        // On the council's page "quick exit" leaves at once, as the page's button does; the text
        // follows for an embed that does not act on the event. No question straight after:
        // someone leaving in a hurry needs nothing new on screen.
        if ((activity.channelId === 'webchat' || activity.channelId === 'directline') && (submit.kind === 'valid' || leavesAtOnce(activity.text))) {
          await context.sendActivity({ type: ActivityTypes.Event, name: QUICK_EXIT_EVENT });
        }
        await context.sendActivity(quickExitText(activity.channelId));
        // At the start there is nothing to come back to: end, and the next message begins afresh.
        return beginning ? { status: DialogTurnStatus.complete } : Dialog.EndOfTurn;
      case 'carryOn':
        if (beginning) {
          await context.sendActivity(nothingToCarryOn);
          return undefined;
        }
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
    }
  }

  /**
   * A question about guidance ("what is the threshold for a request for service?", "do I need
   * consent for an EHA?") is answered at once, from the pack: at the start with no question of
   * the bot's own after it (in Teams the role was asked first), later with the waiting question
   * again. A longer message that also tells a concern goes on to be matched as well.
   */
  private async answerGuidance(innerDc: DialogContext, beginning: boolean): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const text = context.activity.text ?? '';
    const asked = guidanceAskedAbout(text, this.deps.pack.guidance);
    if (asked.length === 0) return undefined;
    const profile = await this.deps.profile.get(context, { worries: [] });
    const audience = profile.audience ?? inferAudience(text);
    await context.sendActivity(guidanceText(this.deps.pack, asked, audience));
    // "an early help assessment for my son": whom it is for is kept, so it is not asked again.
    profile.relationship ??= relationshipIn(text);
    profile.about ??= inferAbout(text, audience);
    if (text.trim().split(/\s+/).length > GUIDANCE_WITH_CONCERN_WORDS) {
      const reading = triageOnce(context, this.deps.triage, text, { audience: profile.audience, ageBand: profile.ageBand });
      if (describesWorry(reading)) return undefined;
    }
    markTextConsumed(context);
    if (!beginning) {
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    await context.sendActivity(guidanceFollowUp(audience));
    return { status: DialogTurnStatus.complete };
  }

  /** Ask the waiting question again; at the start, let the dialog begin as usual. */
  private async resume(innerDc: DialogContext, beginning: boolean): Promise<DialogTurnResult | undefined> {
    if (beginning) return undefined;
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}
