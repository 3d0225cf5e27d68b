import { MessageFactory } from 'botbuilder';
import type { Activity, TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { AGE_BANDS, PRIORITY_GROUP_IDS, getGroup } from '../knowledge';
import type { AgeBand, PriorityGroupId } from '../knowledge';
import type { TriageResult } from '../knowledge/triage/types';
import { supportsAdaptiveCards } from './cards/capabilities';
import { topicCard, topicListText } from './cards/topicCard';
import { turnInstant } from './clock';
import type { ConversationDeps } from './deps';
import { aboutForRelationship, ageInText, inferAbout, inferAgeBand, namesOldAgeNeeds, readAgeAnswer, readAgeYears, relationshipIn, statedOwnAge } from '../knowledge/understanding/whoIsAsking';
import { closeCall, describesWorry, interpretText, keptGroups, MAX_GROUPS, typedWorry } from './interpret';
import { normalise } from './interruptions';
import { OptionPrompt, optionPromptOptions } from './optionPrompt';
import { isBareAnswer } from '../knowledge/understanding/bareAnswer';
import { ABOUT, aboutAnAdult } from './profile';
import type { About, EarlyHelpProfile, Worry } from './profile';
import { MAX_ATTEMPTS } from './prompts';
import { talkToSomeone } from './talkToSomeone';
import { interpretedThisTurn, rememberInterpretation } from './turnFlags';
import { askAboutAgain, topicLabels, wordingFor } from './wording';
import type { Option, Wording } from './wording';

export const WORRY_DIALOG = 'worryDialog';
const WATERFALL = 'worryWaterfall';
/** The prompt for the worry in the person's own words ("What's on your mind?"). */
export const WORRY_PROMPT = 'worryTextPrompt';
const CLARIFY_PROMPT = 'clarifyPrompt';
const ABOUT_PROMPT = 'aboutPrompt';
const AGE_PROMPT = 'agePrompt';
const BOTH = 'both';

export interface WorryOptions {
  /** A worry already read from an earlier message: the bot does not ask for it again. */
  worry?: TriageResult;
  /** "Something else is worrying me too". */
  another?: boolean;
}

/** A topic picked by its button label (or the pack's plain name), typed or pressed. */
export function topicFromText(text: string | undefined, plainNames: Map<PriorityGroupId, string>): PriorityGroupId | undefined {
  if (!text) return undefined;
  const plain = normalise(text);
  return PRIORITY_GROUP_IDS.find((id) => normalise(topicLabels[id]) === plain || normalise(plainNames.get(id) ?? '') === plain);
}

/**
 * What's worrying you, who it is about and their age, one question at a time, asking only
 * what the person has not already said. Ends with the Worry (groups and level, no text),
 * or undefined when the bot could not work it out and has signposted people instead.
 */
export class WorryDialog extends ComponentDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(WORRY_DIALOG);
    this.addDialog(new TextPrompt(WORRY_PROMPT, (pc) => this.validateWorry(pc)));
    // "both really, low mood postnatally and isolated": both, with why (a health visitor had been
    // told "Sorry, I didn't quite get that" with a Both button on screen).
    this.addDialog(new OptionPrompt(CLARIFY_PROMPT, async (pc) => saysBoth(pc.context.activity.text)));
    // "I am 83 and I live alone" (their own age), "it's me", or a worry typed instead answer
    // "Who is the worry about?" too (all three had been refused).
    this.addDialog(new OptionPrompt(ABOUT_PROMPT, async (pc) => (await this.aboutThemselves(pc.context)) !== undefined || (await this.worryAtAbout(pc.context))));
    // A typed age ("7", "she's 7", "8 months") answers the question as well as a button does.
    this.addDialog(
      new OptionPrompt(AGE_PROMPT, async (pc) => (await this.typedAge(pc.context)) !== undefined || (await this.aboutThemselves(pc.context)) !== undefined),
    );
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askWorryStep.bind(this),
        this.clarifyStep.bind(this),
        this.aboutStep.bind(this),
        this.ageStep.bind(this),
        this.finishStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async profile(context: TurnContext): Promise<EarlyHelpProfile> {
    return this.deps.profile.get(context, { worries: [] });
  }

  private plainNames(): Map<PriorityGroupId, string> {
    return new Map(this.deps.pack.priorityGroups.map((g) => [g.id, g.plainName]));
  }

  private worryPrompt(context: TurnContext, text: string): Partial<Activity> {
    if (supportsAdaptiveCards(context.activity.channelId)) return MessageFactory.attachment(topicCard(), text);
    return MessageFactory.text(`${text}\n\nTopics:\n${topicListText()}`);
  }

  private async askWorryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as WorryOptions;
    if (options.worry) return step.next(options.worry);
    const wording = wordingFor((await this.profile(step.context)).audience);
    return step.prompt(WORRY_PROMPT, {
      prompt: this.worryPrompt(step.context, options.another ? wording.askAnother : wording.askWorry),
      retryPrompt: this.worryPrompt(step.context, wording.worryRetry),
    });
  }

  /** A worry is a topic button or text the triage engine can map; anything else is asked again. */
  private async validateWorry(pc: PromptValidatorContext<string>): Promise<boolean> {
    const text = pc.recognized.value;
    if (topicFromText(text, this.plainNames())) return true;
    if (text && text.trim()) {
      const profile = await this.profile(pc.context);
      const result = await interpretText(pc.context, this.deps, text, { audience: profile.audience, ageBand: profile.ageBand });
      rememberInterpretation(pc.context, result);
      if (describesWorry(result)) return true;
      // "its for me", "for my son": who it is about, not the worry. Kept, and thanked for, before
      // the worry is asked for again (a young person had been told "Sorry, I didn't get that").
      if (isBareAnswer(text) && pc.attemptCount < MAX_ATTEMPTS) {
        profile.relationship ??= relationshipIn(text);
        profile.about ??= inferAbout(text, profile.audience);
        keepAnAge(profile, text);
        const wording = wordingFor(profile.audience);
        pc.options.retryPrompt = this.worryPrompt(pc.context, wording.worryAfterWho);
        return false;
      }
    }
    const wording = wordingFor((await this.profile(pc.context)).audience);
    pc.options.retryPrompt = this.worryPrompt(pc.context, wording.worryRetry);
    return pc.attemptCount >= MAX_ATTEMPTS;
  }

  private async clarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.profile(step.context);
    const wording = wordingFor(profile.audience);
    let result: TriageResult | undefined;
    if (typeof step.result === 'string') {
      const topic = topicFromText(step.result, this.plainNames());
      // The strategy's priority groups are its targeted-support groups, so a topic picked
      // from the list starts at the targeted level.
      if (topic) result = { route: 'early-help', riskMatches: [], priorityGroups: [{ id: topic, score: 1 }], needLevel: 'targeted' };
      else result = interpretedThisTurn(step.context);
      if (!topic) this.noteContext(profile, step.result);
    } else {
      result = step.result as TriageResult | undefined;
    }
    if (!result || !describesWorry(result)) {
      await step.context.sendActivity(wording.worryGiveUp);
      await step.context.sendActivity(talkToSomeone(this.deps.pack, turnInstant(step.context.activity), profile.audience, aboutAnAdult(profile)));
      return step.endDialog(undefined);
    }
    vals(step).result = result;
    const pair = closeCall(result.priorityGroups);
    if (!pair) return step.next();
    vals(step).pair = pair;
    const options: Option[] = [
      { value: pair[0], label: topicLabels[pair[0]] },
      { value: pair[1], label: topicLabels[pair[1]] },
      { value: BOTH, label: wording.bothLabel, synonyms: ['both', 'both of them', 'a bit of both', 'all of it'] },
    ];
    const question = wording.clarify(this.plainName(pair[0]), this.plainName(pair[1]));
    return step.prompt(CLARIFY_PROMPT, optionPromptOptions(question, question, options));
  }

  private async aboutStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = vals(step).result as TriageResult;
    const pair = vals(step).pair as [PriorityGroupId, PriorityGroupId] | undefined;
    let groups = keptGroups(result.priorityGroups);
    if (pair) {
      if (step.result === pair[0]) groups = [pair[0]];
      else if (step.result === pair[1]) groups = [pair[1]];
      else if (step.result === BOTH || saysBoth(step.context.activity.text)) groups = [pair[0], pair[1]];
    }
    vals(step).worry = {
      groups,
      needLevel: result.needLevel,
      ...(result.topic ? { topic: result.topic } : {}),
      ...(result.signals?.length ? { signals: result.signals } : {}),
    } satisfies Worry;

    const profile = await this.profile(step.context);
    // Someone named earlier ("something for my mum", then "she has dementia"): not asked again.
    // Unsure who is asking, a parent named with a need of old age is an adult's worry.
    const adultByNeeds = profile.audience === undefined && namesOldAgeNeeds(step.context.activity.text ?? '') ? 'self' : profile.audience;
    profile.about ??= aboutForRelationship(profile.relationship, adultByNeeds, step.context.activity.text ?? '');
    if (profile.audience === 'young-person') profile.about ??= 'myself';
    if (profile.audience === 'self') profile.about ??= 'myself';
    if (profile.about) return step.next(profile.about);
    const wording = wordingFor(profile.audience);
    return step.prompt(ABOUT_PROMPT, optionPromptOptions(wording.askAbout, askAboutAgain, wording.aboutOptions));
  }

  /**
   * A worry typed at "Who is the worry about?" ("Bereavement and money"): its groups join the
   * worry, and the question is asked again, shorter. Not an answer to it, so false.
   */
  private async worryAtAbout(context: TurnContext): Promise<boolean> {
    if (!(await typedWorry(context, this.deps, 2))) return false;
    const reading = interpretedThisTurn(context);
    if (!reading) return false;
    const profile = await this.profile(context);
    profile.addedGroups = [...new Set([...(profile.addedGroups ?? []), ...keptGroups(reading.priorityGroups)])];
    return false;
  }

  private async ageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.profile(step.context);
    const wording = wordingFor(profile.audience);
    let about = (ABOUT as readonly string[]).includes(step.result) ? (step.result as About) : undefined;
    // "me and my kids" at "Who is the worry about?": the whole family, not only the writer.
    if (about === 'myself' && inferAbout(step.context.activity.text ?? '', profile.audience) === 'family') about = 'family';
    // Their own age, or "it's me": the worry is theirs, and the age was given with it.
    const themselves = about ? undefined : await this.aboutThemselves(step.context);
    if (themselves) {
      about = 'myself';
      if (themselves !== 'age not given') profile.ageBand ??= themselves;
    }
    if (about) profile.about = about;
    else await step.context.sendActivity(wording.skipQuestion);
    // Groups of a worry typed at that question join this worry.
    const worry = vals(step).worry as Worry;
    if (profile.addedGroups?.length) {
      worry.groups = [...new Set([...worry.groups, ...profile.addedGroups])].slice(0, MAX_GROUPS);
      delete profile.addedGroups;
    }
    const relationship = about ? relationshipIn(step.context.activity.text ?? '') : undefined;
    if (relationship) profile.relationship = relationship;

    if (profile.audience === 'young-person' && profile.about === 'myself') profile.ageBand ??= '11-19';
    if (profile.about === 'older-person') profile.ageBand ??= 'older';
    if (profile.ageBand) {
      // Known already: the age said with it ("my daughter 12") stays as it is.
      vals(step).ageKnown = true;
      return step.next(profile.ageBand);
    }
    // Still not known who it is about: a parent's worry is a child's; anyone else is not asked
    // a child's age on a guess ("How old is the child?" after an older person's "yes please").
    if (!profile.about && profile.audience !== 'parent-carer') return step.next();
    const who: About = profile.about ?? 'child';
    const options = wording.ageOptions(who);
    return step.prompt(AGE_PROMPT, optionPromptOptions(wording.askAge(who), wording.askAge(who), options));
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.profile(step.context);
    const wording: Wording = wordingFor(profile.audience);
    const known = vals(step).ageKnown === true;
    const band = known ? undefined : (AGE_BANDS as readonly string[]).includes(step.result) ? (step.result as AgeBand) : await this.typedAge(step.context);
    const themselves = band || known ? undefined : await this.aboutThemselves(step.context);
    if (band) {
      profile.ageBand = band;
      // "7" at the age question: services for 8 to 19 year olds are not for this child.
      const typed = typeof step.result === 'string' && (AGE_BANDS as readonly string[]).includes(step.result) ? undefined : readAgeYears(step.context.activity.text ?? '');
      if (typed !== undefined) profile.age = typed;
      else delete profile.age;
    } else if (themselves) {
      profile.about = 'myself';
      if (themselves !== 'age not given') profile.ageBand = themselves;
    } else if (!profile.ageBand && !known) await step.context.sendActivity(wording.skipQuestion);
    // "Me", then "17" or "Under 18", from someone who never said who is asking: a young person
    // is writing, so young people's wording and contacts from here on (Childline first in a risk
    // reply, and the children's route for a harm they tell of later).
    if (profile.about === 'myself' && profile.audience === undefined && underEighteen(profile)) profile.audience = 'young-person';
    // Who this worry is about, with it: a later worry may be about someone else.
    const worry: Worry = { ...(vals(step).worry as Worry), ...(profile.about ? { about: profile.about } : {}), ...(profile.ageBand ? { ageBand: profile.ageBand } : {}) };
    return step.endDialog(worry);
  }

  /**
   * Asked someone else's age, the person says the worry is their own: "me", "it's about me", or
   * their own age ("I'm 38"). Their age band, or "age not given"; undefined for anything else.
   */
  private async aboutThemselves(context: TurnContext): Promise<AgeBand | 'age not given' | undefined> {
    const text = context.activity.text;
    if (!text || ((await this.profile(context)).about ?? 'child') === 'myself') return undefined;
    const own = statedOwnAge(text);
    // Only their own age: "I'm 38 but my son is 7" answers the question asked.
    if (own !== undefined && (normalise(text).match(/\d+/g) ?? []).length === 1) return readAgeAnswer(String(own), 'myself');
    // "me, i'm the one looking for a course": the answer first, then why (it had been asked again).
    return /^(?:it'?s |its )?(?:about |for )?(?:just )?(?:me|myself)(?: really| mostly)?(?:$| (?:i'?m|im|i am|i'?ve|ive|i have|i was|i need|i want)\b)/.test(normalise(text)) ? 'age not given' : undefined;
  }

  /** The age band a typed answer to the age question gives, for whoever it is about. */
  private async typedAge(context: TurnContext): Promise<AgeBand | undefined> {
    const text = context.activity.text;
    if (!text) return undefined;
    return readAgeAnswer(text, (await this.profile(context)).about ?? 'child');
  }

  private plainName(id: PriorityGroupId): string {
    return getGroup(this.deps.pack, id)?.plainName ?? topicLabels[id];
  }

  /**
   * Who a typed worry is about, and their age, when its words say. A later worry that names
   * someone else ("my daughter is 15" after a worry about a son of 7, or "my mum" after "my son")
   * is about a new person: their age replaces the first one's, or is asked again; services are
   * then chosen for them. A worry that names no one keeps what the conversation knows.
   */
  private noteContext(profile: EarlyHelpProfile, text: string): void {
    const about = inferAbout(text, profile.audience);
    const relationship = relationshipIn(text);
    const someoneElse =
      profile.worries.length > 0 &&
      ((relationship !== undefined && profile.relationship !== undefined && relationship !== profile.relationship) ||
        (about !== undefined && profile.about !== undefined && about !== profile.about));
    if (someoneElse) {
      profile.about = about ?? profile.about;
      delete profile.ageBand;
      delete profile.age;
    }
    if (relationship) profile.relationship = relationship;
    profile.about ??= about;
    const band = inferAgeBand(text, profile.about);
    if (!band) return;
    // "my daughter is 15": her age, for the services' age ranges (the writer's own "I'm 34" is not).
    const said = ageInText(text);
    const years = said !== undefined && statedOwnAge(text) !== said ? said : undefined;
    if (band !== profile.ageBand || (years !== undefined && years !== profile.age)) {
      profile.ageBand = band;
      if (years !== undefined) profile.age = years;
      else delete profile.age;
    }
  }
}

/** This dialog's step values, typed. */
function vals(step: WaterfallStepContext): { result?: TriageResult; pair?: [PriorityGroupId, PriorityGroupId]; worry?: Worry; ageKnown?: boolean } {
  return step.values as { result?: TriageResult; pair?: [PriorityGroupId, PriorityGroupId]; worry?: Worry; ageKnown?: boolean };
}

/** A reply that starts by saying both ("both really, ...", "a bit of both tbh"). */
function saysBoth(text: string | undefined): boolean {
  return /^(?:(?:well|erm|um|honestly|i think|probably|definitely|yeah|yes)\s+)?(?:both|a bit of both|bit of both|all of it|all of them|each|the two)\b/.test(normalise(text ?? ''));
}

/** Under 18 by the age typed, or by the band when no age was typed ("Under 18" is 11 to 19). */
function underEighteen(profile: EarlyHelpProfile): boolean {
  if (profile.age !== undefined) return profile.age < 18;
  return profile.ageBand === 'pre-birth-5' || profile.ageBand === '5-11' || profile.ageBand === '11-19';
}

/**
 * An age given where the worry was asked for ("me", then "12"): kept, so it is not asked again and
 * the risk step knows a child is writing. A 12-year-old's "hits me" two messages later had taken
 * the adults' domestic abuse route (multi-turn hold-out v19). A bare number is the writer's own
 * age unless the worry is about someone else.
 */
function keepAnAge(profile: EarlyHelpProfile, text: string): void {
  if (profile.ageBand !== undefined) return;
  const about: About = profile.about ?? (profile.audience === 'parent-carer' || profile.audience === 'practitioner' ? 'child' : 'myself');
  const years = readAgeYears(text) ?? (about === 'myself' ? statedOwnAge(text) : undefined);
  if (years === undefined) return;
  const band = readAgeAnswer(String(years), about);
  if (!band) return;
  profile.ageBand = band;
  profile.age = years;
  if (about === 'myself' && years < 18 && (profile.audience === undefined || profile.audience === 'self')) profile.audience = 'young-person';
}
