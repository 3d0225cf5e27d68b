import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Audience } from '../knowledge';
import type { TriageResult } from '../knowledge/triage/types';
import type { ConversationDeps } from './deps';
import { inferAbout, inferAgeBand, inferAudience, inferRole, readWhoIsAsking } from '../knowledge/understanding/whoIsAsking';
import { describesWorry, interpretText, roleOfWriter } from './interpret';
import { OptionPrompt, optionPromptOptions, pickedOption } from './optionPrompt';
import { interpretedThisTurn, rememberInterpretation } from './turnFlags';
import { isGreeting } from '../knowledge/understanding/greeting';
import { audienceOptions, roleOptions, helloBack, whoIsAsking, whoIsAskingAfterHello, whoIsAskingGiveUp, whoIsAskingRetry } from './wording';

export const AUDIENCE_DIALOG = 'audienceDialog';
const WATERFALL = 'audienceWaterfall';
export const WHO_PROMPT = 'whoIsAskingPrompt';

/** What the audience question ends with: who is asking, and a worry if they typed one instead. */
export interface AudienceResult {
  audience?: Audience;
  worry?: TriageResult;
}

/**
 * "Who is asking?" Never a gate: a person who types their worry here instead of pressing a
 * button has answered the more important question, and the bot goes on with the worry.
 */
export class AudienceDialog extends ComponentDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(AUDIENCE_DIALOG);
    this.addDialog(new OptionPrompt(WHO_PROMPT, (pc) => this.isWorry(pc)));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const greeted = isGreeting(step.context.activity.text ?? '');
    if (greeted) await step.context.sendActivity(helloBack);
    return step.prompt(WHO_PROMPT, optionPromptOptions(greeted ? whoIsAskingAfterHello : whoIsAsking, whoIsAskingRetry, audienceOptions));
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const typed = step.context.activity.text ?? '';
    const audience = pickedOption(step.result, audienceOptions);
    if (audience) {
      // "I'm a health visitor" picks the professional option and names the role: not asked again.
      if (audience === 'practitioner') {
        const profile = await this.deps.profile.get(step.context);
        if (profile) profile.role ??= inferRole(typed, roleOptions);
      }
      return step.endDialog({ audience } satisfies AudienceResult);
    }
    const worry = interpretedThisTurn(step.context);
    const who = readWhoIsAsking(typed);
    if (who.audience && !(worry && describesWorry(worry))) {
      // A typed answer: "im 15", "I'm a health visitor", "34", "I said, I'm a parent".
      const profile = await this.deps.profile.get(step.context);
      if (profile) {
        if (who.ageBand && (who.audience === 'young-person' || who.audience === 'self')) {
          profile.about ??= 'myself';
          profile.ageBand ??= who.ageBand;
        }
        if (who.audience === 'practitioner') profile.role ??= inferRole(typed, roleOptions);
      }
      return step.endDialog({ audience: who.audience } satisfies AudienceResult);
    }
    if (worry && describesWorry(worry)) {
      const profile = await this.deps.profile.get(step.context);
      const text = step.context.activity.text ?? '';
      const audience = inferAudience(text);
      if (profile) {
        profile.about ??= inferAbout(text, audience);
        profile.ageBand ??= inferAgeBand(text, profile.about);
        if (audience === 'practitioner') profile.role ??= roleOfWriter(text);
      }
      return step.endDialog({ audience, worry } satisfies AudienceResult);
    }
    await step.context.sendActivity(whoIsAskingGiveUp);
    return step.endDialog({} satisfies AudienceResult);
  }

  /** A typed answer that says who is asking, or describes a worry, ends the question too. */
  private async isWorry(pc: PromptValidatorContext<string>): Promise<boolean> {
    const text = pc.context.activity.text;
    if (!text) return false;
    // A worry first: "my son is being bullied" names a parent too, and the worry must not be lost.
    if (text.trim().split(/\s+/).length >= 2) {
      const result = await interpretText(pc.context, this.deps, text, {});
      rememberInterpretation(pc.context, result);
      if (describesWorry(result)) return true;
    }
    return readWhoIsAsking(text).audience !== undefined;
  }
}
