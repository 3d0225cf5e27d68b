import { MessageFactory } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TriageResult } from '../knowledge/triage/types';
import { describesWorry, typedWorry } from './interpret';
import { interpretedThisTurn } from './turnFlags';
import { contactsForRoute, findServices, getGroup, getNeedLevel } from '../knowledge';
import type { PriorityGroupId } from '../knowledge';
import { supportsAdaptiveCards } from './cards/capabilities';
import { contactLines, contactLink, howToReach } from './cards/contactText';
import { serviceCard, serviceText } from './cards/serviceCard';
import { turnInstant } from './clock';
import type { ConversationDeps } from './deps';
import { OptionPrompt, optionPromptOptions, pickedOption } from './optionPrompt';
import { ANY_GOODBYE } from './prompts';
import { aboutNamed, bandForYears, readLaterFacts } from '../knowledge/understanding/laterFacts';
import { asksAboutAService, serviceNamedIn } from '../knowledge/understanding/serviceQuestion';
import { allGroups, highestLevel } from './profile';
import type { EarlyHelpProfile } from './profile';
import { topicLabels, wordingFor } from './wording';
import type { Option, Wording } from './wording';

export const RESULTS_DIALOG = 'resultsDialog';
const WATERFALL = 'resultsWaterfall';
const NEXT_PROMPT = 'whatNextPrompt';
export const SERVICES_SHOWN = 3;

export type NextAction = 'another' | 'handoff' | 'talk' | 'restart' | 'done';

/** What the person chose at "What would you like to do now?"; a worry typed there is `another` with it. */
export interface NextChoice {
  action?: NextAction;
  worry?: TriageResult;
}

export interface ResultsOptions {
  /** Only ask what next (after a handoff or "talk to someone"). */
  menuOnly?: boolean;
  /** Show the services again, chosen for who or how old the person has just said, then ask what next. */
  servicesAgain?: boolean;
}

/** Whether the worries so far need help that comes through a professional. */
export function needsHandoff(profile: EarlyHelpProfile): boolean {
  if (profile.audience === 'practitioner') return true;
  const level = highestLevel(profile);
  return level === 'targeted' || level === 'specialist';
}

export function nextOptions(profile: EarlyHelpProfile): Option<NextAction>[] {
  const labels = wordingFor(profile.audience).nextLabels;
  const options: Option<NextAction>[] = [
    { value: 'another', label: labels.another, synonyms: ['something else', 'another worry', 'another concern', 'more', 'add another'] },
  ];
  if (needsHandoff(profile)) options.push({ value: 'handoff', label: labels.handoff, synonyms: ['ask for support', 'request for service', 'referral', 'get help', 'summary'] });
  options.push(
    { value: 'talk', label: labels.talk, synonyms: ['contacts', 'phone', 'talk'] },
    { value: 'restart', label: labels.restart, synonyms: ['restart', 'start again'] },
    {
      value: 'done',
      label: labels.done,
      synonyms: ['done', 'finish', 'no', 'nothing', 'bye', 'goodbye', 'thanks', 'thank you', 'thank u', 'thx', 'ty', 'ta', 'cheers', 'ok thanks', 'thanks bye', "that's all", 'that is all', 'no thanks', 'all done', ANY_GOODBYE],
    },
  );
  return options;
}

/**
 * What the bot found: the priority groups in plain words, the level of need, and the
 * services that fit best first (cards with the same facts as text for channels without
 * them). Then: what next?
 */
export class ResultsDialog extends ComponentDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(RESULTS_DIALOG);
    this.addDialog(
      new OptionPrompt(
        NEXT_PROMPT,
        async (pc) => (await this.isNewWorry(pc)) || (await this.laterFacts(pc.context)) !== undefined || asksAboutAService(pc.context.activity.text ?? ''),
      ),
    );
    this.addDialog(new WaterfallDialog(WATERFALL, [this.showStep.bind(this), this.nextStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, { worries: [] });
    const wording = wordingFor(profile.audience);
    const options = (step.options ?? {}) as ResultsOptions;
    if (options.servicesAgain) await this.showServices(step.context, profile, wording, wording.servicesAgain);
    else if (!options.menuOnly) await this.showFindings(step.context, profile, wording);
    return step.prompt(NEXT_PROMPT, optionPromptOptions(wording.whatNext, wording.whatNextRetry, nextOptions(profile)));
  }

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, { worries: [] });
    const action = pickedOption(step.result, nextOptions(profile));
    if (action) return step.endDialog({ action } satisfies NextChoice);
    // Who or how old, said now ("17", "it's for me"): the services are chosen again for them. Such
    // a reply says nothing else, so it is not read as a new worry.
    const updated = await this.laterFacts(step.context);
    if (updated) {
      Object.assign(profile, updated);
      const latest = profile.worries[profile.worries.length - 1];
      if (latest) Object.assign(latest, { about: updated.about, ageBand: updated.ageBand });
      return step.replaceDialog(WATERFALL, { servicesAgain: true } satisfies ResultsOptions);
    }
    // A new worry typed instead of a button is taken as the next worry, not asked for again; a
    // question about the services shown (the same worry's groups) is answered, and the menu stays.
    const typed = interpretedThisTurn(step.context);
    const text = step.context.activity.text ?? '';
    const latest = profile.worries[profile.worries.length - 1];
    const sameWorry = !typed || !describesWorry(typed) || (latest !== undefined && latest.groups.includes(typed.priorityGroups[0].id));
    if (asksAboutAService(text) && sameWorry) {
      await this.answerAboutAService(step.context, profile, text);
      return step.replaceDialog(WATERFALL, { menuOnly: true } satisfies ResultsOptions);
    }
    if (typed && describesWorry(typed)) return step.endDialog({ action: 'another', worry: typed } satisfies NextChoice);
    return step.endDialog({} satisfies NextChoice);
  }

  /** The service a question asks about (by name, or the best match) can answer it: how to reach it. */
  private async answerAboutAService(context: TurnContext, profile: EarlyHelpProfile, text: string): Promise<void> {
    const wording = wordingFor(profile.audience);
    const ranked = this.servicesFor(profile);
    if (ranked.length === 0) {
      await context.sendActivity(wording.noServices(this.deps.pack.meta.directoryName));
      return;
    }
    const service = ranked[serviceNamedIn(text, ranked.map((r) => r.service.name))].service;
    const contact = service.contacts[0];
    // One tap for a phone number, as in the risk replies (contactLine).
    const how = contact ? `${contact.method.kind === 'phone' ? `[${howToReach(contact)}](${contactLink(contact)})` : howToReach(contact)}. ${contact.hours}` : (service.howToFind ?? '');
    await context.sendActivity(wording.aboutAService(contact?.name ?? service.name, how));
  }

  /**
   * Who the worry is about and how old they are, as a reply at the menu would leave them, when it
   * changes what the services are chosen by; undefined when it says nothing new.
   */
  private async laterFacts(context: TurnContext): Promise<Pick<EarlyHelpProfile, 'audience' | 'about' | 'ageBand' | 'age' | 'relationship'> | undefined> {
    const facts = readLaterFacts(context.activity.text ?? '');
    if (!facts) return undefined;
    const profile = await this.deps.profile.get(context, { worries: [] });
    const now = { audience: profile.audience, about: profile.about, ageBand: profile.ageBand, age: profile.age, relationship: profile.relationship };
    const next = { ...now };
    if (facts.myself) next.about = 'myself';
    if (facts.relationship) {
      const about = aboutNamed(facts.relationship, facts.years);
      // Someone else than before: their age is not the last person's.
      if (facts.relationship !== now.relationship || about !== now.about) {
        next.ageBand = undefined;
        next.age = undefined;
      }
      next.relationship = facts.relationship;
      next.about = about ?? next.about;
    }
    if (facts.years !== undefined) {
      const band = bandForYears(facts.years, next.about ?? (next.audience === 'parent-carer' ? 'child' : 'myself'));
      if (band) {
        next.ageBand = band;
        next.age = facts.years;
      }
    }
    // "Me", then "17": a young person is writing, so young people's words and services from here on.
    if (next.about === 'myself' && next.audience === undefined && next.age !== undefined && next.age < 18) next.audience = 'young-person';
    const same = (Object.keys(now) as (keyof typeof now)[]).every((k) => now[k] === next[k]);
    return same ? undefined : next;
  }

  /** "my daughter is being bullied too" at the menu is the next worry (two words at least: "no" is a button). */
  private isNewWorry(pc: PromptValidatorContext<string>): Promise<boolean> {
    return typedWorry(pc.context, this.deps, 2);
  }

  private plainName(id: PriorityGroupId): string {
    return getGroup(this.deps.pack, id)?.plainName ?? topicLabels[id];
  }

  private async showFindings(context: TurnContext, profile: EarlyHelpProfile, wording: Wording): Promise<void> {
    const latest = profile.worries[profile.worries.length - 1];
    const lines: string[] = [];
    if (latest) lines.push(wording.found(latest.groups.map((g) => this.plainName(g))));
    if (profile.worries.length > 1) {
      const earlier = allGroups(profile).filter((g) => !latest?.groups.includes(g));
      if (earlier.length > 0) lines.push(`I've kept your earlier worries too: ${earlier.map((g) => this.plainName(g)).join('; ')}.`);
    }
    const levelId = highestLevel(profile);
    const level = levelId ? getNeedLevel(this.deps.pack, levelId) : undefined;
    if (level) lines.push(wording.level(level, levelAudience(profile)));
    // A worry about a risk topic with no risk now (abuse that is over, a question about
    // grooming) gets information and services, and the route's contacts in case it is now.
    if (latest?.topic) lines.push(`${wording.ifHappeningNow}\n\n${contactLines(contactsForRoute(this.deps.pack, latest.topic, turnInstant(context.activity)).contacts)}`);
    await context.sendActivity(lines.join('\n\n'));
    await this.showServices(context, profile, wording, wording.servicesIntro);
  }

  private async showServices(context: TurnContext, profile: EarlyHelpProfile, wording: Wording, intro: string): Promise<void> {
    const ranked = this.servicesFor(profile);
    const directory = this.deps.pack.meta.directoryName;
    if (ranked.length === 0) {
      await context.sendActivity(wording.noServices(directory));
      return;
    }
    if (supportsAdaptiveCards(context.activity.channelId)) {
      const cards = ranked.map((r) => serviceCard(r.service, wording, directory));
      await context.sendActivity(MessageFactory.list(cards, intro));
    } else {
      await context.sendActivity([intro, ...ranked.map((r) => serviceText(r.service, wording, directory))].join('\n\n'));
    }
  }

  /** The services shown for the conversation as it stands, best first. */
  private servicesFor(profile: EarlyHelpProfile): ReturnType<typeof findServices> {
    // A worry about the whole family ("me and my kids", facing eviction) is the parents' and the
    // children's: services are not limited to the children's ages, or housing help for the
    // adults would be left out.
    const family = profile.about === 'family';
    // Services answer the newest worry ("is there any help for carers?" after a husband's
    // stroke); the earlier ones, whose services are shown above, only settle ties.
    const latest = profile.worries[profile.worries.length - 1];
    const newest = latest?.groups ?? allGroups(profile);
    return findServices(this.deps.pack, {
      groups: newest,
      earlierGroups: allGroups(profile).filter((g) => !newest.includes(g)),
      audience: profile.audience,
      ageBand: family ? undefined : profile.ageBand,
      age: family ? undefined : profile.age,
      role: profile.audience === 'practitioner' ? profile.role : undefined,
      level: highestLevel(profile),
      signals: profile.worries.flatMap((w) => w.signals ?? []),
      limit: SERVICES_SHOWN,
    });
  }
}

/**
 * Whose words the level of need is said in. Without a "who is asking" answer, an adult writing
 * about themselves or another adult gets the adults' words: a widower of 76 had been told of "a
 * mentor", "a school" and "a family after a social worker has stopped working with them" (the
 * text for anyone, written with families in mind). A worry about a child keeps that text.
 */
function levelAudience(profile: EarlyHelpProfile): EarlyHelpProfile['audience'] {
  if (profile.audience !== undefined) return profile.audience;
  const young = profile.ageBand === '5-11' || profile.ageBand === '11-19' || profile.ageBand === 'pre-birth-5';
  if (profile.about === 'myself' && !young) return 'self';
  if ((profile.about === 'adult' || profile.about === 'older-person') && !young) return 'self';
  return undefined;
}
