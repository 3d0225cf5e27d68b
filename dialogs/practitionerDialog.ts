import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TriageResult } from '../knowledge';
import type { ConversationDeps } from './deps';
import { practitionerGuidanceText } from './handoffDialog';
import { inferRole } from '../knowledge/understanding/whoIsAsking';
import { describesWorry, typedWorry } from './interpret';
import { OptionPrompt, optionPromptOptions, pickedOption } from './optionPrompt';
import { interpretedThisTurn } from './turnFlags';
import { askRole, askRoleRetry, practitionerMenuOptions, roleOptions } from './wording';

export const PRACTITIONER_DIALOG = 'practitionerDialog';
const WATERFALL = 'practitionerWaterfall';
const ROLE_PROMPT = 'rolePrompt';
const MENU_PROMPT = 'practitionerMenuPrompt';

export interface PractitionerOptions {
  /** The concern is already known: only the role is asked. */
  hasConcern?: boolean;
}

/** A concern typed instead of picking a role or a menu option: the conversation goes on with it. */
export interface PractitionerResult {
  worry?: TriageResult;
}

const MENU = practitionerMenuOptions;

/**
 * Professionals: their role (so the framing fits), then either a concern to match or the
 * guidance they need before an early help request. Ends when it is time for the concern.
 */
export class PractitionerDialog extends ComponentDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(PRACTITIONER_DIALOG);
    // A role typed in other words ("I teach year 3"), or the concern itself, answers these too.
    this.addDialog(new OptionPrompt(ROLE_PROMPT, (pc) => this.typedRoleOrConcern(pc)));
    this.addDialog(new OptionPrompt(MENU_PROMPT, (pc) => this.typedConcern(pc)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [this.roleStep.bind(this), this.menuStep.bind(this), this.guidanceStep.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async roleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, { worries: [] });
    if (profile.role) return step.next(profile.role);
    return step.prompt(ROLE_PROMPT, optionPromptOptions(askRole, askRoleRetry, roleOptions));
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, { worries: [] });
    const picked = pickedOption(step.result, roleOptions);
    profile.role = picked ?? inferRole(step.context.activity.text ?? '', roleOptions) ?? 'other';
    const hasConcern = ((step.options ?? {}) as PractitionerOptions).hasConcern;
    // A concern typed here is the concern, unless one was already given (that one is kept).
    const concern = picked || hasConcern ? undefined : this.concernThisTurn(step);
    if (concern) return step.endDialog({ worry: concern } satisfies PractitionerResult);
    if (hasConcern) return step.endDialog();
    const question = 'What would you like to do?';
    return step.prompt(MENU_PROMPT, optionPromptOptions(question, 'Please choose one of the options.', MENU));
  }

  private async guidanceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = pickedOption(step.result, MENU);
    const concern = picked ? undefined : this.concernThisTurn(step);
    if (concern) return step.endDialog({ worry: concern } satisfies PractitionerResult);
    if (picked === 'guidance') {
      await step.context.sendActivity(practitionerGuidanceText(this.deps.pack));
      await step.context.sendActivity('When you are ready, describe the concern and I will match it to the priority groups and services.');
    }
    return step.endDialog();
  }

  private concernThisTurn(step: WaterfallStepContext): TriageResult | undefined {
    const result = interpretedThisTurn(step.context);
    return result && describesWorry(result) ? result : undefined;
  }

  /** The concern first: "a pupil keeps missing school" names a role too, and must not be lost. */
  private async typedRoleOrConcern(pc: PromptValidatorContext<string>): Promise<boolean> {
    if (await this.typedConcern(pc)) return true;
    return inferRole(pc.context.activity.text ?? '', roleOptions) !== undefined;
  }

  private typedConcern(pc: PromptValidatorContext<string>): Promise<boolean> {
    return typedWorry(pc.context, this.deps, 3);
  }
}
