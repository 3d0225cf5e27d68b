import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogContext, DialogState, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TriageResult } from '../knowledge/triage/types';
import { AUDIENCE_DIALOG, AudienceDialog, WHO_PROMPT } from './audienceDialog';
import type { AudienceResult } from './audienceDialog';
import { turnInstant } from './clock';
import type { ConversationDeps } from './deps';
import { HANDOFF_DIALOG, HandoffDialog } from './handoffDialog';
import { ageInText, inferAbout, inferAgeBand, inferAudience, inferRole, readWhoIsAsking, relationshipIn, statedOwnAge } from '../knowledge/understanding/whoIsAsking';
import { describesWorry, interpretText, roleOfWriter } from './interpret';
import { InterruptibleDialog } from './interruptibleDialog';
import { PRACTITIONER_DIALOG, PractitionerDialog } from './practitionerDialog';
import type { PractitionerOptions, PractitionerResult } from './practitionerDialog';
import { recogniseOption } from './prompts';
import { aboutAnAdult, emptyProfile } from './profile';
import type { EarlyHelpProfile, Worry } from './profile';
import { RESULTS_DIALOG, ResultsDialog } from './resultsDialog';
import type { NextChoice, ResultsOptions } from './resultsDialog';
import { talkToSomeone } from './talkToSomeone';
import { isTextConsumed } from './turnFlags';
import { WORRY_DIALOG, WORRY_PROMPT, WorryDialog } from './worryDialog';
import type { WorryOptions } from './worryDialog';
import { audienceOptions, greetBack, restarting, roleOptions, wordingFor } from './wording';
import { openingGreeting, soundsHard, soundsLikeLoss } from '../knowledge/understanding/greeting';

export const MAIN_DIALOG = 'mainDialog';
const INTAKE_WATERFALL = 'intakeWaterfall';
const NEXT_WATERFALL = 'nextWaterfall';

export interface IntakeOptions {
  /** Ignore the incoming message: the turn was a command such as "start again". */
  fresh?: boolean;
  /** "Something else is worrying me too": keep everything, ask for the new worry. */
  another?: boolean;
  /** The new worry, when it was typed at the menu instead of a button: not asked for again. */
  worry?: TriageResult;
}

/**
 * The whole conversation: who is asking, what is worrying them, who it is about and their
 * age, what the bot found, and what next. A first message that already describes a worry
 * is taken as the worry; only what is missing is asked.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(deps: ConversationDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new AudienceDialog(deps));
    this.addDialog(new PractitionerDialog(deps));
    this.addDialog(new WorryDialog(deps));
    this.addDialog(new ResultsDialog(deps));
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(
      new WaterfallDialog(INTAKE_WATERFALL, [
        this.firstMessageStep.bind(this),
        this.audienceStep.bind(this),
        this.practitionerStep.bind(this),
        this.worryStep.bind(this),
        this.resultsStep.bind(this),
        this.routeStep.bind(this),
        this.afterHandoffStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(NEXT_WATERFALL, [this.menuStep.bind(this), this.routeStep.bind(this), this.afterHandoffStep.bind(this)]),
    );
    this.initialDialogId = INTAKE_WATERFALL;
  }

  /** Run a turn: continue the conversation, or begin it with this message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dc = await this.createContext(context, dialogState);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** Asks the waiting question again, if there is one; false when no dialog is waiting. */
  async repromptWaiting(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<boolean> {
    const dc = await this.createContext(context, dialogState);
    if (!dc.activeDialog) return false;
    await dc.repromptDialog();
    return true;
  }

  /**
   * Goes on with a worry the person told in a message that got a check-in, once they have said
   * no to it: only where the conversation was waiting for a worry (nothing asked yet, "Who is
   * asking?" or "What's on your mind?"), so a worry is never asked for again. False otherwise.
   */
  async continueWithWorry(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>, worry: TriageResult): Promise<boolean> {
    const dc = await this.createContext(context, dialogState);
    const waiting = innermostDialog(dc);
    if (waiting !== undefined && !WAITING_FOR_A_WORRY.has(waiting)) return false;
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.id, { fresh: true, worry } satisfies IntakeOptions);
    return true;
  }

  /**
   * Who a message given the risk reply is about, and how old they are, as the first message's
   * readers take them, where the conversation does not know yet: "my daughter 12 has been self
   * harming" is a parent's worry about a child of 12. Readings only, never the words.
   */
  async noteWho(context: TurnContext): Promise<void> {
    const text = context.activity.text?.trim();
    if (!text) return;
    const profile = await this.profile(context);
    profile.audience ??= inferAudience(text);
    profile.relationship ??= relationshipIn(text);
    profile.about ??= inferAbout(text, profile.audience);
    if (profile.ageBand === undefined) {
      profile.ageBand = inferAgeBand(text, profile.about);
      const said = ageInText(text);
      if (profile.ageBand && said !== undefined && statedOwnAge(text) !== said) profile.age = said;
    }
  }

  /**
   * Whether a question of the conversation is waiting for its answer, so the next message replies
   * to it (see ANSWER_WORDS in the triage). Not "What's on your mind?": what is typed there is the
   * worry itself, and the model's "possible" check-in is for exactly that.
   */
  async waitingForAnswer(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<boolean> {
    const waiting = innermostDialog(await this.createContext(context, dialogState));
    return waiting !== undefined && waiting !== WORRY_PROMPT;
  }

  private async createContext(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<DialogContext> {
    const set = new DialogSet(dialogState);
    set.add(this);
    return set.createContext(context);
  }

  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    await this.deps.profile.set(innerDc.context, emptyProfile());
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(INTAKE_WATERFALL, { fresh: true } satisfies IntakeOptions);
  }

  private async profile(context: TurnContext): Promise<EarlyHelpProfile> {
    return this.deps.profile.get(context, emptyProfile());
  }

  /** Read the first message: an answer to "who is asking", a worry, or just hello. */
  private async firstMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as IntakeOptions;
    const profile = await this.profile(step.context);
    const text = step.context.activity.text?.trim();
    // A worry already read (typed at the menu, or told under a check-in the person said no to):
    // it is the worry, so nobody is held up by "Who is asking?" before it.
    if (options.worry) vals(step).worry = options.worry;
    if (options.another || options.fresh || !text || isTextConsumed(step.context)) return step.next();

    const audience = recogniseOption(text, audienceOptions);
    if (audience) {
      profile.audience = audience;
      // "I'm a teacher" picks the professional option and names the role: not asked again.
      if (audience === 'practitioner') profile.role ??= inferRole(text, roleOptions);
      return step.next();
    }
    const result = await interpretText(step.context, this.deps, text, {});
    if (!describesWorry(result)) {
      // "Hello, I'm a mum of two": no worry yet, but who is asking is said. Only a plain
      // statement counts (a role, being a parent, an age given as the writer's own); a bare
      // number or "my dad told me about this" is not one.
      // "I'm looking for something for my mum": whom it is for is kept, so it is not asked again.
      profile.relationship ??= relationshipIn(text);
      const who = /^\d+$/.test(text) ? {} : readWhoIsAsking(text);
      const stated = who.audience === 'practitioner' || who.audience === 'parent-carer' || statedOwnAge(text) !== undefined;
      if (who.audience && stated) {
        profile.audience ??= who.audience;
        if (profile.audience === 'practitioner') profile.role ??= inferRole(text, roleOptions);
        // A young person's worry is usually their own; an adult's age says nothing of whom it is about.
        if (profile.audience === 'young-person' && who.ageBand) {
          profile.about ??= 'myself';
          profile.ageBand ??= who.ageBand;
        }
      }
      return step.next();
    }
    profile.audience ??= inferAudience(text);
    if (profile.audience === 'practitioner') profile.role ??= roleOfWriter(text);
    profile.about ??= inferAbout(text, profile.audience);
    profile.ageBand ??= inferAgeBand(text, profile.about);
    vals(step).worry = result;
    // "Good morning. My wife has dementia ... I am finding it very hard": said back, before the
    // first question or the services (a person test found neither answered).
    const greeting = openingGreeting(text);
    const wording = wordingFor(profile.audience);
    const hard = soundsLikeLoss(text) ? wording.acknowledgeLoss : soundsHard(text) ? wording.acknowledgeHard : '';
    const said = [greeting ? greetBack(greeting) : '', hard].filter((line) => line !== '').join(' ');
    if (said) await step.context.sendActivity(said);
    return step.next();
  }

  private async audienceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.profile(step.context);
    // Someone who has told us their worry is not held up by a menu; the wording stays general.
    if (profile.audience || vals(step).worry || (step.options as IntakeOptions)?.another) return step.next();
    return step.beginDialog(AUDIENCE_DIALOG);
  }

  private async practitionerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.profile(step.context);
    const answer = step.result as AudienceResult | undefined;
    if (answer?.audience) profile.audience = answer.audience;
    if (answer?.worry) vals(step).worry = answer.worry;
    if (profile.audience !== 'practitioner' || profile.role) return step.next();
    // A concern told first is answered first: the role only keeps a practitioner's own service
    // out of the list ("a health visitor is not recommended health visitors"), which is not worth
    // a question before the answer (in Teams every first concern had been met with "What is
    // your role?"). Read from the concern only where its words say whose it is ("in my class").
    if (vals(step).worry) {
      profile.role ??= roleOfWriter(step.context.activity.text ?? '');
      return step.next();
    }
    return step.beginDialog(PRACTITIONER_DIALOG, { hasConcern: false } satisfies PractitionerOptions);
  }

  private async worryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as IntakeOptions;
    // A concern typed at the role or menu question is the worry; who and how old are read from it.
    const typed = (step.result as PractitionerResult | undefined)?.worry;
    if (typed) {
      vals(step).worry = typed;
      const profile = await this.profile(step.context);
      const text = step.context.activity.text ?? '';
      profile.about ??= inferAbout(text, profile.audience);
      profile.ageBand ??= inferAgeBand(text, profile.about);
    }
    return step.beginDialog(WORRY_DIALOG, {
      worry: (vals(step).worry as TriageResult | undefined) ?? options.worry,
      another: options.another,
    } satisfies WorryOptions);
  }

  private async resultsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const worry = step.result as Worry | undefined;
    if (!worry) return step.beginDialog(RESULTS_DIALOG, { menuOnly: true } satisfies ResultsOptions);
    const profile = await this.profile(step.context);
    profile.worries.push(worry);
    return step.beginDialog(RESULTS_DIALOG, {} satisfies ResultsOptions);
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(RESULTS_DIALOG, { menuOnly: true } satisfies ResultsOptions);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result ?? {}) as NextChoice;
    const profile = await this.profile(step.context);
    const wording = wordingFor(profile.audience);
    switch (choice.action) {
      case 'another':
        return step.replaceDialog(INTAKE_WATERFALL, { another: true, worry: choice.worry } satisfies IntakeOptions);
      case 'handoff':
        return step.beginDialog(HANDOFF_DIALOG);
      case 'talk':
        await step.context.sendActivity(talkToSomeone(this.deps.pack, turnInstant(step.context.activity), profile.audience, aboutAnAdult(profile)));
        return step.replaceDialog(NEXT_WATERFALL);
      case 'restart':
        await step.context.sendActivity(restarting);
        await this.deps.profile.set(step.context, emptyProfile());
        return step.replaceDialog(INTAKE_WATERFALL, { fresh: true } satisfies IntakeOptions);
      case 'done':
        await step.context.sendActivity(wording.goodbye);
        await this.deps.profile.set(step.context, emptyProfile());
        return step.endDialog();
      default:
        // Out of tries at the menu: leave the door open rather than ask a fourth time.
        await step.context.sendActivity(wording.menuClosed);
        return step.endDialog();
    }
  }

  private async afterHandoffStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(NEXT_WATERFALL);
  }
}

/** This dialog's step values, typed. */
function vals(step: WaterfallStepContext): { worry?: TriageResult } {
  return step.values as { worry?: TriageResult };
}

/** Where the conversation waits for a worry: "Who is asking?" (a worry typed there is taken) and "What's on your mind?". */
const WAITING_FOR_A_WORRY = new Set([WHO_PROMPT, WORRY_PROMPT]);

/** The innermost active dialog, through the SDK's own chain of child contexts: the prompt waiting. */
function innermostDialog(start: DialogContext): string | undefined {
  let dc: DialogContext | undefined = start;
  let waiting: string | undefined;
  while (dc?.activeDialog) {
    waiting = dc.activeDialog.id;
    dc = dc.child;
  }
  return waiting;
}
