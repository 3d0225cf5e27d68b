import type { KnowledgePack } from '../schema/pack';
import type { NeedLevelId, PriorityGroupId, RiskRoute, TopicSignal } from '../vocabulary';
import { GroupClassifier } from './groupClassifier';
import { groupCues } from './groupCues';
import { stem, type NormalisedText } from './normalise';
import { PatternCompiler } from './pattern';
import { RiskDetector, sortByUrgency, type PersonAtRisk } from './risk';
import { otherLanguages, type OtherLanguages } from '../language/otherLanguages';
import { inferAudience, statedOwnAge } from '../understanding/whoIsAsking';
import { riskSlots } from './riskSlots';
import { AFTER_RISK, decideRisk, RISK_THRESHOLDS, type RiskDecision } from './model/decision';
import { defaultModel } from './model/defaultModel';
import { riskOf, type ModelScores, type TriageModel } from './model/triageModel';
import { explainFeatures } from './model/features';
import type { GroupScore, RiskMatch, TriageContext, TriageFn, TriageResult } from './types';

/** Groups below this share of the best score are left out (after the first three). */
const RELATIVE_THRESHOLD = 0.35;
/** Groups below this absolute score are left out (after the first three). */
const ABSOLUTE_THRESHOLD = 0.12;
const MIN_GROUPS = 3;
/** Longest message read, in characters; more is cut so one message cannot stall the bot. */
export const MAX_TEXT_LENGTH = 5000;

/** Groups a risk rule speaks for, so the groups agree with the route. */
const RULE_GROUPS: ReadonlyArray<readonly [RegExp, PriorityGroupId]> = [
  [/^crisis\./, 'mental-health'],
  [/^emergency\.overdose/, 'mental-health'],
  [/^domestic-abuse\./, 'domestic-abuse'],
  [/^emergency\.threat-to-kill/, 'domestic-abuse'],
  [/^safeguarding-child\.(grooming|criminal-exploitation|county-lines)/, 'exploitation'],
  [/^safeguarding-adult\.(cuckooing|modern-slavery|financial-abuse|exploitation)/, 'exploitation'],
  [/^safeguarding-child\.(missing)/, 'exploitation'],
  [/^safeguarding-child\.(neglect|physical-abuse|sexual-abuse)/, 'adverse-childhood-experiences'],
  [/^safeguarding-adult\.care-neglect/, 'carers'],
];

export interface TriageEngine {
  triage: TriageFn;
  /** Only the risk decision (model, rules, thresholds): what the bench times against its 2 ms budget. */
  riskDecision: (text: string, context?: TriageContext) => { risk: ReturnType<typeof riskOf>; decision: RiskDecision };
  detector: RiskDetector;
  classifier: GroupClassifier;
  model: TriageModel;
  /** Milliseconds spent building the engine (compiling rules, loading the model, training the group classifier). */
  startupMs: number;
}

export interface TriageEngineOptions {
  detector?: RiskDetector;
  /** Risk phrases in other languages; by default knowledge/language/other-languages.json. */
  otherLanguages?: OtherLanguages;
  /** The learned model; by default the one `npm run triage:train` wrote. */
  model?: TriageModel;
}

/** Builds the engine: compiles the risk rules, loads the model and trains the classifier on the pack's example phrases. */
export function createTriageEngine(pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'>, options: TriageEngineOptions = {}): TriageEngine {
  const started = performance.now();
  const vocabulary = new Set<string>();
  for (const g of pack.priorityGroups) for (const e of g.examples) for (const w of e.toLowerCase().split(/[^a-z]+/)) if (w) vocabulary.add(w);
  const detector = options.detector ?? new RiskDetector(vocabulary);
  const model = options.model ?? defaultModel();
  const languages = options.otherLanguages ?? otherLanguages();
  const normalise = (text: string) => detector.normaliser.normalise(text);
  const classifier = new GroupClassifier(pack.priorityGroups, stem, normalise);

  const compiler = new PatternCompiler(riskSlots(), stem);
  const cues = groupCues();
  const { smallTalk: SMALL_TALK, questionStart: QUESTION_START } = cues;
  const worry = compiler.compile(cues.worry);
  const complexity = compiler.compile(cues.complexity);
  const statutory = compiler.compile(cues.statutory);
  const topic = compiler.compile(cues.topic);
  const topicMaterial = compiler.compile(cues.topicMaterial);
  const childPresent = compiler.compile(cues.childPresent);
  const childSpeaker = compiler.compile(cues.childSpeaker);
  const signalCues = Object.entries(cues.signals).map(([id, patterns]) => [id as TopicSignal, compiler.compile(patterns!)] as const);
  // An older person or one with care needs (dementia, a care home): the adults' safeguarding route.
  const olderPerson = compiler.compile(['{OLDER}']);
  const levels = new Set(pack.needLevels.map((l) => l.id));
  const level = (wanted: NeedLevelId): NeedLevelId => pickLevel(wanted, levels);

  /** The risk part of triage on its own (what the bench times as "the risk decision"). */
  const assessRisk = (input: string, n: NormalisedText, fullScores: ModelScores, context: TriageContext) => {
    const scores = withoutFramedWords(n, fullScores);
    const risk = riskOf(scores);
    const atRisk = personAtRisk(context);
    // A button label, or a message in another language: the rules read it, the model does not.
    if (context.rulesOnly || context.language !== undefined) {
      const fired = n.tokens.length === 0 ? [] : detector.detectNormalised(n, undefined, atRisk);
      const foreign = context.rulesOnly ? { matches: [] } : foreignRisk(input);
      const rules = [...foreign.matches, ...fired];
      const decision: ReturnType<typeof decideRisk> = rules.length > 0 ? { confidence: 'high', rules } : { rules: [] };
      return { risk: { ...risk, any: 0 }, scores, decision, language: foreign.language };
    }
    // One reading of the rules per message (they run on every message: they are the layer
    // that names a harm said plainly). Harm told as past ("I left an abusive ex years ago") is
    // kept aside as the message's topic.
    const past: RiskMatch[] = [];
    let decision = decideRisk(risk.any, () => (n.tokens.length === 0 ? [] : detector.detectNormalised(n, past, atRisk)), context.priorRisk ?? 0, {
      aboutATopic: (fired) => askedAboutATopic(input, n, fired),
      asksForTopicMaterial: (fired) => materialAbout(fired, n),
      words: n.tokens.length,
      isFirm: (m) => detector.firmRules.has(m.rule),
      answering: context.answering,
      typedWords: input.trim().split(/\s+/).filter(Boolean).length,
    });
    // A risk said in another language ("Chcę się zabić") in a message the language model was
    // not sure of: the model and the rules read English only, so the phrase decides on its own.
    const foreign = foreignRisk(input);
    if (foreign.matches.length > 0) decision = { confidence: 'high', rules: [...foreign.matches, ...decision.rules] };
    return { risk, scores, decision, past, language: foreign.language };
  };
  /**
   * The model reads words, not what the message says about them: "nobody is hurting him" and "I
   * self-harmed when I was younger" lean on "hurting" and "self harmed". The rules' frames for a
   * denial and for harm told as past mark those words (FRAMES_THE_MODEL_SKIPS), and so does a
   * joining word at the very start ("also ..."); the model's risk is read again without them,
   * and the lower reading stands. A case told beside a denial ("he's not violent, but he locked
   * her in") keeps its own words, and its risk.
   */
  const withoutFramedWords = (n: NormalisedText, scores: ModelScores): ModelScores => {
    // Below the lowest rule floor a lower reading changes no decision: most messages stop here.
    if (1 - scores.risk.none < AFTER_RISK.ruleFloor) return scores;
    const spans = detector.framedSpans(n, FRAMES_THE_MODEL_SKIPS);
    const lead = leadingConnective(n.tokens);
    if (lead > 0) spans.push({ start: 0, end: lead });
    if (spans.length === 0) return scores;
    const keep = (_: string, i: number) => !spans.some((s) => s.start <= i && i < s.end);
    const masked = model.scoreRisk({ tokens: n.tokens.filter(keep), stems: n.stems.filter(keep) });
    return masked.risk.none > scores.risk.none ? { ...scores, risk: masked.risk } : scores;
  };
  /**
   * Material about a harm names the harm, in a word or three, right beside the word for the
   * material: "the cuckooing toolkit", "training on spotting grooming", "signs of county lines".
   * A harm told as something that happened ("looking for parenting courses. also, my partner says
   * social services will take the kids if I tell anyone") is a case, whatever words are near.
   */
  const materialAbout = (fired: readonly RiskMatch[], n: NormalisedText): boolean => {
    const material: number[] = [];
    topicMaterial.lastIndex = 0;
    for (let m = topicMaterial.exec(n.stemText); m !== null; m = topicMaterial.exec(n.stemText)) {
      material.push(tokenIndexAt(n.stemText, m.index + 1));
      if (m[0].length === 0) topicMaterial.lastIndex++;
    }
    if (material.length === 0) return false;
    return fired.every((rule) => {
      const words = rule.matched.split(' ');
      if (words.length > NAMED_HARM_WORDS) return false;
      const at = indexOfWords(n.tokens, words);
      return at >= 0 && material.some((i) => (i < at && at - i <= MATERIAL_BEFORE) || (i > at && i - (at + words.length - 1) <= MATERIAL_AFTER));
    });
  };

  /**
   * The harm the rules named sits in a question or a request about a topic ("can you tell me
   * about FGM?", "training on grooming"). In a message of several sentences, the sentence the harm
   * is in decides, not the message: "Can you signpost a parenting course? I lose it with my 3 year
   * old and I've shaken her a few times" tells a case.
   */
  const askedAboutATopic = (input: string, n: NormalisedText, fired: readonly RiskMatch[]): boolean => {
    const asks = (text: string, words: NormalisedText) => QUESTION_START.test(text) || test(topic, words);
    const sentences = input.split(/(?<=[.?!])\s+|\n+/).filter((x) => x.trim() !== '');
    if (sentences.length <= 1) return asks(input, n);
    const read = sentences.map((x) => ({ text: x.trim(), words: normalise(x) }));
    return fired.every((rule) => {
      const at = read.find((x) => x.words.tokens.join(' ').includes(rule.matched));
      return at === undefined ? asks(input, n) : asks(at.text, at.words);
    });
  };

  /** Risk phrases in other languages, as matches (most urgent first), and the language they are in. */
  const foreignRisk = (input: string): { matches: RiskMatch[]; language?: string } => {
    const found = languages.riskIn(input);
    const matches = sortByUrgency(found.map((f): RiskMatch => ({ route: f.route, rule: `language.${f.code}.${f.route}`, matched: f.phrase })));
    return { matches, language: found[0]?.code };
  };

  const riskDecision = (text: string, given: TriageContext = {}) => {
    const input = typeof text === 'string' ? text.slice(0, MAX_TEXT_LENGTH) : '';
    const n = normalise(input);
    return assessRisk(input, n, model.scoreRisk(n), withWritersAge(input, given));
  };

  const triage: TriageFn = (text: string, given: TriageContext = {}): TriageResult => {
    const input = typeof text === 'string' ? text.slice(0, MAX_TEXT_LENGTH) : '';
    const n = normalise(input);
    const context = withWritersAge(input, given);
    const assessed = assessRisk(input, n, model.score(n), context);
    const { risk, scores, decision, past = [], language } = assessed;
    const riskMatches: RiskMatch[] = [];
    if (decision.confidence && (context.rulesOnly || context.language !== undefined)) {
      riskMatches.push(...decision.rules);
    } else if (decision.confidence) {
      const evidence = explainFeatures(n, model.riskContributions(n), 4);
      const modelMatch: RiskMatch = { route: risk.route, rule: `model.${risk.route}`, matched: evidence.join(' ') };
      if (language || (risk.any < RISK_THRESHOLDS.possible && decision.rules.length > 0)) {
        // The rules carried the decision, or a phrase in another language that the model cannot
        // read: their route leads (most urgent first), and the model's guess at a language it
        // was not trained on is left out.
        riskMatches.push(...decision.rules, ...(language ? [] : [modelMatch]));
      } else {
        // A rule naming an emergency outranks the model's route; otherwise the model's route leads
        // when it holds at least half of the risk. A model split between routes ("Can you tell me
        // about FGM?": crisis 12%, domestic abuse 12%, a child 9%) does not outrank the harm a rule
        // names. (Rules always leading lost 4 to 8 points of top-route accuracy on hold-outs v7 to
        // v12: the model's route is the better one when it is sure.)
        const urgent = decision.rules.filter((m) => m.route === 'emergency');
        if (decision.rules.length > 0 && scores.risk[risk.route] < MODEL_ROUTE_SHARE * risk.any) {
          riskMatches.push(...decision.rules, modelMatch);
        } else {
          riskMatches.push(...urgent, modelMatch, ...decision.rules.filter((m) => m.route !== 'emergency'));
        }
      }
    }
    if (decision.confidence) routeForWhoIsAtRisk(riskMatches, n, context);
    let priorityGroups = blendGroups(classifier.score(n, context), scores.groups);
    priorityGroups = withRiskGroups(priorityGroups, riskMatches);
    priorityGroups = selectGroups(priorityGroups);
    const found = signalCues.filter(([, re]) => test(re, n)).map(([id]) => id);
    const signals = found.length > 0 ? { signals: found } : {};

    if (decision.confidence) {
      return {
        route: riskMatches[0].route,
        riskMatches,
        priorityGroups,
        needLevel: level('specialist'),
        confidence: decision.confidence,
        riskScore: risk.any,
        ...signals,
        ...(childIsSpeaking(n, context) ? { childSpeaking: true } : adultIsSpeaking(input, context) ? { adultSpeaking: true } : {}),
        ...(language ? { language } : {}),
      };
    }
    const smallTalk = SMALL_TALK.test(input) || n.tokens.length === 0;
    const isWorry = !smallTalk && (test(worry, n) || (!QUESTION_START.test(input) && classifier.hasCue(n)));
    // Held rules are most urgent first: the first names the topic.
    const topic = (decision.held?.[0] ?? past[0])?.route as RiskRoute | undefined;
    const about = topic ? { topic } : {};
    if (!isWorry) {
      return { route: 'information', riskMatches, priorityGroups: smallTalk ? [] : priorityGroups, needLevel: level('universal'), riskScore: risk.any, ...about, ...signals };
    }
    const strongGroups = priorityGroups.filter((g) => g.score >= 0.45).length;
    let needLevel: NeedLevelId = 'targeted';
    if (test(statutory, n)) needLevel = 'specialist';
    else if (!test(complexity, n) && strongGroups <= 1 && QUESTION_START.test(input)) needLevel = 'universal';
    return { route: 'early-help', riskMatches, priorityGroups, needLevel: level(needLevel), riskScore: risk.any, ...about, ...signals };
  };

  /**
   * The route follows who is at risk: a child speaking (or known from the conversation to be a
   * child) gets the children's route first, also for domestic abuse; a child present beside
   * domestic abuse, an adult's harm or an emergency adds the children's route, so its contacts
   * (the front door, or the Emergency Duty Team out of hours) join the reply.
   */
  function routeForWhoIsAtRisk(matches: RiskMatch[], n: NormalisedText, context: TriageContext): void {
    // An adult telling of their own harm: the model's children's route does not lead a rule
    // that names the adult's (it stays in the reply, in case a child is there too).
    if (context.audience === 'self' && personAtRisk(context) === 'adult' && matches[0].rule === 'model.safeguarding-child') {
      const named = matches.findIndex((m) => m.route !== 'safeguarding-child');
      if (named > 0) matches.unshift(...matches.splice(named, 1));
    }
    // A child known to be the one at risk (a young person speaking, an age given): a rule that
    // weighed who is at risk chose the children's route, and the model's adult route for the same
    // words ("they are forcing me to get married") would add adults' lines a child cannot use.
    if (personAtRisk(context) === 'child' && matches.some((m) => m.route === 'safeguarding-child' && !m.rule.startsWith('model.'))) {
      const adultModel = matches.findIndex((m) => m.rule.startsWith('model.') && (m.route === 'domestic-abuse' || m.route === 'safeguarding-adult'));
      if (adultModel >= 0 && matches.length > 1) matches.splice(adultModel, 1);
    }
    const routes = new Set(matches.map((m) => m.route));
    if (routes.has('safeguarding-child') && matches[0].route !== 'emergency' && matches[0].route !== 'safeguarding-child') {
      const child = matches.findIndex((m) => m.route === 'safeguarding-child');
      if (childIsSpeaking(n, context)) matches.unshift(...matches.splice(child, 1));
      return;
    }
    // Abuse of an older person, or one with care and support needs, by family: domestic abuse
    // and adult safeguarding both fit, so adult social care's contacts join the reply.
    if (routes.has('domestic-abuse') && !routes.has('safeguarding-adult') && (context.ageBand === 'older' || test(olderPerson, n))) {
      matches.push({ route: 'safeguarding-adult', rule: 'who-is-at-risk.older-person', matched: '' });
      routes.add('safeguarding-adult');
    }
    if (routes.has('safeguarding-child') || routes.has('crisis') && routes.size === 1) return;
    const speaking = childIsSpeaking(n, context);
    if (!speaking && !test(childPresent, n)) return;
    const match: RiskMatch = { route: 'safeguarding-child', rule: speaking ? 'who-is-at-risk.child-speaking' : 'who-is-at-risk.child-present', matched: '' };
    if (speaking && matches[0].route !== 'emergency') matches.unshift(match);
    else matches.push(match);
  }

  function childIsSpeaking(n: NormalisedText, context: TriageContext): boolean {
    if (context.audience === 'young-person' || context.childSpeaking) return true;
    if (context.audience === 'self' && (context.ageBand === '11-19' || context.ageBand === '5-11')) return true;
    return test(childSpeaker, n);
  }

  return { triage, riskDecision, detector, classifier, model, startupMs: performance.now() - started };
}

/**
 * An adult is writing: the conversation says so (a parent or carer, a practitioner, an adult's
 * own age band), or the message does (an age over 18, "my 8 year old", "I'm a teacher"). Only then
 * are the lines for children left out of a risk reply: a writer whose age is unknown may be one.
 */
function adultIsSpeaking(input: string, context: TriageContext): boolean {
  if (context.audience === 'parent-carer' || context.audience === 'practitioner') return true;
  if (context.audience === 'self' && (context.ageBand === 'adult' || context.ageBand === 'older')) return true;
  // 18 is an adult who may still call Childline (to 18): left as unknown, with every line.
  const own = statedOwnAge(input);
  if (own !== undefined) return own > 18;
  const said = inferAudience(input);
  return said === 'parent-carer' || said === 'practitioner';
}

/**
 * A writer who gives their own age under 18 ("im 14 hes 23") is a child speaking, whatever the
 * conversation knew: read by the same reader the dialogs use for "Who is asking?", so the two
 * never disagree. An adult's own age says nothing of who is at risk ("I'm 34, my daughter...").
 */
function withWritersAge(input: string, context: TriageContext): TriageContext {
  if (context.childSpeaking || context.audience === 'young-person') return context;
  // The conversation already knows an adult is writing (a practitioner, or an adult's own age).
  if (context.audience === 'practitioner' || (context.audience === 'self' && (context.ageBand === 'adult' || context.ageBand === 'older'))) return context;
  const own = statedOwnAge(input);
  return own !== undefined && own < 18 ? { ...context, childSpeaking: true } : context;
}

/**
 * Who the conversation already says is at risk, for a harm that can happen at any age: a young
 * person speaking, or the age given for the one the worry is about. Unknown otherwise (a
 * practitioner, a parent who has not said an age), and then both routes' contacts are given.
 */
function personAtRisk(context: TriageContext): PersonAtRisk | undefined {
  if (context.audience === 'young-person' || context.childSpeaking) return 'child';
  if (context.ageBand === 'adult' || context.ageBand === 'older') return 'adult';
  if (context.ageBand !== undefined) return 'child';
  return undefined;
}

/**
 * The pack's classifier (its example phrases and cue words) and the corpus model, averaged:
 * the pack knows its own groups' words, the model has read eight thousand messages.
 */
function blendGroups(pack: GroupScore[], learned: ReadonlyArray<{ id: GroupScore['id']; score: number }>): GroupScore[] {
  const byId = new Map<GroupScore['id'], number>();
  // Raw probabilities, not scaled to the best: gibberish must stay low for every group.
  for (const g of learned) byId.set(g.id, GROUP_BLEND * g.score);
  for (const g of pack) byId.set(g.id, (byId.get(g.id) ?? 0) + (1 - GROUP_BLEND) * g.score);
  return [...byId.entries()].map(([id, score]) => ({ id, score: Math.min(1, score) })).sort((a, b) => b.score - a.score);
}

/** A harm named, not told: at most this many words ("domestic abuse", "county lines"). */
const NAMED_HARM_WORDS = 3;
/** How far before the harm the word for the material may come ("training on spotting grooming"). */
const MATERIAL_BEFORE = 3;
/** And how far after it ("the cuckooing toolkit", "grooming awareness session"). */
const MATERIAL_AFTER = 2;

/**
 * Frames whose words the model's second reading leaves out: denials, harm told as past, and
 * everyday speech (a practical request worded like a method question, "the quickest way to get a
 * council house"; grief, "I can't stop thinking about it").
 * Not figures of speech: their frames are wide ("{THING} is killing me"), and leaving them out
 * lost a real risk on hold-out v12.
 */
const FRAMES_THE_MODEL_SKIPS = ['negated', 'historic', 'everyday'] as const;

/**
 * Words that join a second worry on at the start of a message ("also my daughter won't go to
 * school", "oh and..."): the model learnt "also" from risk buried after an ordinary request, so
 * at the very start, where it only joins, its second reading leaves them out.
 */
function leadingConnective(tokens: readonly string[]): number {
  const first = tokens.slice(0, 3).join(' ');
  for (const phrase of ['and also', 'oh and also', 'oh and', 'also', 'plus', 'another thing', 'one more thing', 'and']) {
    if (first === phrase || first.startsWith(`${phrase} `)) return phrase.split(' ').length;
  }
  return 0;
}

/** The model's route leads the rules' only when it holds at least this share of the risk. */
const MODEL_ROUTE_SHARE = 0.5;

/** Weight of the learned group scores beside the pack classifier's. */
const GROUP_BLEND = 0.5;

/** The single entry point the rest of the bot uses. */
export function createTriage(pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'>): TriageFn {
  return createTriageEngine(pack).triage;
}

/** The token a character offset of a " a b c " stream falls in. */
function tokenIndexAt(stream: string, offset: number): number {
  let spaces = 0;
  for (let i = 1; i < offset && i < stream.length; i++) if (stream.charCodeAt(i) === 32) spaces++;
  return spaces;
}

/** Where a run of words starts in the tokens, or -1. */
function indexOfWords(tokens: readonly string[], words: readonly string[]): number {
  if (words.length === 0) return -1;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => tokens[i + j] === w)) return i;
  }
  return -1;
}

function test(re: RegExp, n: NormalisedText): boolean {
  re.lastIndex = 0;
  return re.test(n.stemText);
}

function withRiskGroups(groups: GroupScore[], matches: readonly RiskMatch[]): GroupScore[] {
  if (matches.length === 0) return groups;
  const byId = new Map(groups.map((g) => [g.id, g.score]));
  const top = groups[0]?.score ?? 1;
  for (const m of matches) {
    for (const [re, id] of RULE_GROUPS) {
      if (re.test(m.rule)) byId.set(id, Math.max(byId.get(id) ?? 0, Math.min(1, top * 0.9 + 0.1)));
    }
  }
  return [...byId.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/** Everything above the thresholds, and never fewer than three (when there are three). */
function selectGroups(groups: GroupScore[]): GroupScore[] {
  if (groups.length === 0) return groups;
  const best = groups[0].score;
  return groups.filter((g, i) => i < MIN_GROUPS || (g.score >= ABSOLUTE_THRESHOLD && g.score >= best * RELATIVE_THRESHOLD));
}

/** The wanted level, or the nearest more intensive one the pack defines. */
function pickLevel(wanted: NeedLevelId, available: ReadonlySet<NeedLevelId>): NeedLevelId {
  const order: NeedLevelId[] = ['universal', 'targeted', 'specialist'];
  if (available.size === 0 || available.has(wanted)) return wanted;
  for (let i = order.indexOf(wanted); i < order.length; i++) if (available.has(order[i])) return order[i];
  return [...available][0];
}
