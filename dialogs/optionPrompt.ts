import type { TurnContext } from 'botbuilder';
import { InputHints } from 'botbuilder';
import { Prompt } from 'botbuilder-dialogs';
import type { PromptOptions, PromptRecognizerResult, PromptValidatorContext } from 'botbuilder-dialogs';
import { MAX_ATTEMPTS, optionsActivity, recogniseOption } from './prompts';
import { notUnderstoodLead, type Option } from './wording';

/** What an OptionPrompt is begun with: the question, its retry, and the buttons. */
export interface OptionPromptOptions extends PromptOptions {
  prompt: string;
  retryPrompt: string;
  validations: { options: Option[] };
}

export function optionPromptOptions(prompt: string, retryPrompt: string, options: Option[]): OptionPromptOptions {
  return { prompt, retryPrompt, validations: { options } };
}

/**
 * A question with buttons that returns the option's value, or undefined once the person has
 * had MAX_ATTEMPTS tries (the calling step then skips the question or offers a way on).
 * Recognition is strict (see recogniseOption) so a worry typed at a menu is never read as
 * a button; a dialog can add its own validator for what else an answer may be.
 */
export class OptionPrompt extends Prompt<string> {
  constructor(dialogId: string, extraValidator?: (pc: PromptValidatorContext<string>) => Promise<boolean>) {
    super(dialogId, async (pc) => {
      if (pc.recognized.succeeded) return true;
      if (extraValidator && (await extraValidator(pc))) return true;
      return pc.attemptCount >= MAX_ATTEMPTS;
    });
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const o = options as OptionPromptOptions;
    // A retry that only repeats the question would feel like a dead end: say why it is asked again.
    const retry = o.retryPrompt === o.prompt ? `${notUnderstoodLead}\n\n${o.prompt}` : o.retryPrompt;
    const activity = optionsActivity(context.activity.channelId, isRetry ? retry : o.prompt, o.validations.options);
    activity.inputHint = InputHints.ExpectingInput;
    await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const o = options as OptionPromptOptions;
    const value = recogniseOption(context.activity.text, o.validations.options);
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}

/** The option picked, or undefined when the prompt gave up or ended on something else. */
export function pickedOption<V extends string>(result: unknown, options: Option<V>[]): V | undefined {
  return options.find((o) => o.value === result)?.value;
}
