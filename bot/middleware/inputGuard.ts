import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { ATTACHMENTS_ONLY, EMPTY_MESSAGE, NO_WORDS, tooLong } from '../messages';

export const MAX_MESSAGE_CHARACTERS = 5000;

export type InputProblem = 'attachments-only' | 'empty' | 'no-words' | 'too-long';

/** Why a message cannot be read as words, or undefined when it can. */
export function inputProblem(context: TurnContext, max = MAX_MESSAGE_CHARACTERS): InputProblem | undefined {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message) return undefined;
  // Card submits (Adaptive Card Action.Submit, Teams) arrive as messages with a value and no text.
  if (activity.value !== undefined && activity.value !== null) return undefined;
  const text = (activity.text ?? '').trim();
  if (text.length === 0) return (activity.attachments?.length ?? 0) > 0 ? 'attachments-only' : 'empty';
  if (text.length > max) return 'too-long';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no-words';
  return undefined;
}

export interface InputGuardOptions {
  maxCharacters?: number;
  /**
   * Lets a message through despite the problem: the server passes the bot's own risk decision
   * for the turn (a long message in which risk is indicated reaches the risk step, since safety
   * comes before tidiness). The guard has no risk reading of its own, so that the turn's risk is
   * decided once, by the same triage every other part of the turn uses.
   */
  passThrough?: (context: TurnContext, problem: InputProblem) => boolean | Promise<boolean>;
}

/**
 * Answers messages the bot cannot read (attachments only, nothing but emoji or symbols, more than
 * 5,000 characters) with a kind reply and ends the turn there, so no later bot has to.
 */
export class InputGuardMiddleware implements Middleware {
  private readonly max: number;

  constructor(private readonly options: InputGuardOptions = {}) {
    this.max = options.maxCharacters ?? MAX_MESSAGE_CHARACTERS;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const problem = inputProblem(context, this.max);
    if (!problem) return next();
    // Safety before tidiness: a message the guard would turn away still goes on to the bot's
    // risk step when the turn's risk decision finds risk in it (a 6,000-character message that
    // ends "and I've taken all my tablets" must not get a "too long" reply).
    if (await this.options.passThrough?.(context, problem)) return next();
    const reply = {
      'attachments-only': ATTACHMENTS_ONLY,
      empty: EMPTY_MESSAGE,
      'no-words': NO_WORDS,
      'too-long': tooLong(this.max),
    }[problem];
    context.turnState.set(INPUT_PROBLEM, problem);
    await context.sendActivity(reply);
  }
}

/** turnState key where the guard leaves the problem it found (for logs and tests). */
export const INPUT_PROBLEM = Symbol('inputProblem');
