import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { ConversationDeps } from './deps';
import { practitionerGuidanceText } from './handoffDialog';
import { OptionPrompt, optionPromptOptions, pickedOption } from './optionPrompt';
import { askRole, askRoleRetry, practitionerMenuOptions, roleOptions } from './wording';
import type { Option } from './wording';

export const PRACTITIONER_DIALOG = 'practitionerDialog';
const WATERFALL = 'practitionerWaterfall';
const ROLE_PROMPT = 'rolePrompt';
const MENU_PROMPT = 'practitionerMenuPrompt';

export interface PractitionerOptions {
  /** The concern is already known: only the role is asked. */
  hasConcern?: boolean;
}

const MENU = practitionerMenuOptions;

/**
 * Professionals: their role (so the framing fits), then either a concern to match or the
 * guidance they need before an early help request. Ends when it is time for the concern.
 */
export class PractitionerDialog extends ComponentDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(PRACTITIONER_DIALOG);
    this.addDialog(new OptionPrompt(ROLE_PROMPT));
    this.addDialog(new OptionPrompt(MENU_PROMPT));
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
    profile.role = pickedOption(step.result, roleOptions) ?? 'other';
    if (((step.options ?? {}) as PractitionerOptions).hasConcern) return step.endDialog();
    const question = 'What would you like to do?';
    return step.prompt(MENU_PROMPT, optionPromptOptions(question, 'Please choose one of the options.', MENU));
  }

  private async guidanceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (pickedOption(step.result, MENU) === 'guidance') {
      await step.context.sendActivity(practitionerGuidanceText(this.deps.pack));
      await step.context.sendActivity('When you are ready, describe the concern and I will match it to the priority groups and services.');
    }
    return step.endDialog();
  }
}
