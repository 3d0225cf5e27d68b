import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { getContact, getGroup, getGuidance, getNeedLevel } from '../knowledge';
import type { Contact, KnowledgePack } from '../knowledge';
import type { ConversationDeps } from './deps';
import { contactLines } from './cards/contactText';
import { guidanceText } from './guidanceAnswer';
import { OptionPrompt, optionPromptOptions } from './optionPrompt';
import { allGroups, highestLevel } from './profile';
import type { About, EarlyHelpProfile } from './profile';
import type { AgeBand, PriorityGroupId } from '../knowledge/vocabulary';
import { topicLabels, wordingFor } from './wording';
import type { Option, Wording } from './wording';

export const HANDOFF_DIALOG = 'handoffDialog';
const WATERFALL = 'handoffWaterfall';
const CONSENT_PROMPT = 'summaryConsentPrompt';

/** Guidance a practitioner is reminded of before an early help request, in this order. */
export const PRACTITIONER_GUIDANCE_IDS = [
  'early-help-assessment',
  'integrated-working-team',
  'thresholds',
  'consent',
  'request-for-service',
  'early-help-allocation-panel',
] as const;

/** The Request for Service portal: the guidance's own contact, else the pack's contact for it. */
export function portalContact(pack: KnowledgePack): Contact | undefined {
  const guided = getGuidance(pack, 'request-for-service')
    ?.contacts.map((id) => getContact(pack, id))
    .find((c): c is Contact => c?.method.kind === 'url');
  return guided ?? pack.contacts.find((c) => c.id.includes('request-for-service') && c.method.kind === 'url');
}

/** Practitioner guidance from the pack, as one message. */
export function practitionerGuidanceText(pack: KnowledgePack): string {
  return guidanceText(pack, PRACTITIONER_GUIDANCE_IDS.map((id) => getGuidance(pack, id)).filter((g) => g !== undefined), 'practitioner');
}

/** Whether a child is part of the worry: then the children's early help route applies. */
export function involvesChild(profile: EarlyHelpProfile): boolean {
  if (profile.audience === 'parent-carer' || profile.audience === 'young-person') return true;
  if (profile.about === 'child' || profile.about === 'family') return true;
  return profile.ageBand === 'pre-birth-5' || profile.ageBand === '5-11' || profile.ageBand === '11-19';
}

/**
 * The summary a person can copy so they tell their story once: the worries in plain words,
 * who it is about and the age band. No names, nothing typed: it is built from the
 * groups the bot matched, and the bot never sends it anywhere.
 */
export function summaryText(pack: KnowledgePack, profile: EarlyHelpProfile, wording: Wording): string {
  const level = highestLevel(profile);
  const levelName = level ? getNeedLevel(pack, level)?.plainName : undefined;
  const s = wording.summary;
  const name = (id: PriorityGroupId) => getGroup(pack, id)?.plainName ?? topicLabels[id];
  const who = (about: About | undefined, ageBand: AgeBand | undefined) => [
    about ? `${s.about}: ${wording.aboutNames[about]}` : undefined,
    ageBand ? `${s.age}: ${wording.ageNames[ageBand]}` : undefined,
  ];
  // Worries about different people (a son of 7, then a daughter of 15) are listed person by
  // person, so no worry is put under the wrong age.
  const people = worriesByPerson(profile);
  const body =
    people.length > 1
      ? people.flatMap((p) => [`${s.worries}: ${p.groups.map(name).join('; ')}`, ...who(p.about, p.ageBand)])
      : [`${s.worries}: ${allGroups(profile).map(name).join('; ')}`, ...who(profile.about, profile.ageBand)];
  return [s.heading, ...body, levelName ? `${s.level}: ${levelName}` : undefined, s.note]
    .filter((l): l is string => l !== undefined)
    .join('\n');
}

/** The worries grouped by who they were about, newest first; one group when all were about the same person. */
function worriesByPerson(profile: EarlyHelpProfile): Array<{ about?: About; ageBand?: AgeBand; groups: PriorityGroupId[] }> {
  const people = new Map<string, { about?: About; ageBand?: AgeBand; groups: PriorityGroupId[] }>();
  for (const worry of [...profile.worries].reverse()) {
    const key = `${worry.about ?? ''}|${worry.ageBand ?? ''}`;
    const person = people.get(key) ?? { about: worry.about, ageBand: worry.ageBand, groups: [] };
    for (const id of worry.groups) if (!person.groups.includes(id)) person.groups.push(id);
    people.set(key, person);
  }
  return [...people.values()];
}

/**
 * Help that comes through a professional. Residents hear how to ask and are asked before
 * anything is summarised; practitioners get the guidance on assessment, advice, thresholds
 * and consent first.
 */
export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(HANDOFF_DIALOG);
    this.addDialog(new OptionPrompt(CONSENT_PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.explainStep.bind(this), this.summaryStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private consentOptions(wording: Wording): Option<'yes' | 'no'>[] {
    return [
      { value: 'yes', label: wording.consentYes, synonyms: ['yes', 'y', 'yeah', 'yep', 'ok', 'okay', 'sure', 'please'] },
      { value: 'no', label: wording.consentNo, synonyms: ['no', 'n', 'nope', 'no thanks', 'not now'] },
    ];
  }

  private async explainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, { worries: [] });
    const wording = wordingFor(profile.audience);
    await this.explain(step.context, profile, wording);
    return step.prompt(
      CONSENT_PROMPT,
      optionPromptOptions(wording.consentQuestion, wording.consentQuestion, this.consentOptions(wording)),
    );
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, { worries: [] });
    const wording = wordingFor(profile.audience);
    if (step.result === 'yes') {
      await step.context.sendActivity(wording.summaryIntro);
      await step.context.sendActivity({ text: summaryText(this.deps.pack, profile, wording), textFormat: 'plain' });
    } else {
      await step.context.sendActivity(wording.noSummary);
    }
    return step.endDialog();
  }

  private async explain(context: TurnContext, profile: EarlyHelpProfile, wording: Wording): Promise<void> {
    const portal = portalContact(this.deps.pack);
    if (profile.audience !== 'practitioner' && !involvesChild(profile)) {
      await context.sendActivity(this.adultRoutes(profile, wording));
      return;
    }
    const lines = [wording.handoffIntro];
    if (profile.audience === 'practitioner') {
      lines.push(practitionerGuidanceText(this.deps.pack));
    } else {
      // The assessment, explained plainly: the request starts a conversation, not a judgement.
      const plain = getGuidance(this.deps.pack, 'early-help-assessment')?.plainBody;
      if (plain) lines.push(plain);
    }
    if (portal && portal.method.kind === 'url') lines.push(wording.portalLine(portal.method.value));
    await context.sendActivity(lines.join('\n\n'));
  }

  /** An adult's own worries: adult social care's assessment (and the carers assessment for carers), never the children's portal. */
  private adultRoutes(profile: EarlyHelpProfile, wording: Wording): string {
    const lines = [wording.handoffIntroAdult];
    const ids = ['adults-care-and-support-assessment', ...(allGroups(profile).includes('carers') ? ['carers-assessment'] : [])];
    for (const id of ids) {
      const g = getGuidance(this.deps.pack, id);
      if (!g) continue;
      lines.push(g.plainBody ?? g.body);
      const contacts = g.contacts.map((c) => getContact(this.deps.pack, c)).filter((c): c is Contact => c !== undefined);
      if (contacts.length > 0) lines.push(contactLines(contacts));
    }
    return lines.join('\n\n');
  }
}
