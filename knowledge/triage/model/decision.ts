import type { RiskConfidence, RiskMatch } from '../types';

// Where the model's "any risk" probability and the risk rules turn into an answer. High: the
// risk reply with contacts at once. Possible: a short, kind check-in that shows the contacts
// and asks.
// Thresholds first set by 5-fold cross-validation on the corpus; the rule floor chosen on
// hold-outs v7 and v8 after their first runs were recorded. "Possible" went from 0.3 to 0.22 when
// the a10 follow-up answers joined the corpus (the model grew surer that everyday answers are not
// risk, and less sure of subtle risk): chosen on v7, v8, v9 and the multi-turn hold-out, after
// their first runs were recorded, so those are tuned numbers now (docs/triage.md).
export const RISK_THRESHOLDS = { high: 0.5, possible: 0.22, ruleFloor: 0.05 } as const;
/**
 * After a risk signal earlier in the conversation, the thresholds are lower. Not lower than
 * this: the model gives up to about 0.17 to a bare "hello", "carry on" or "15".
 */
export const AFTER_RISK = { high: 0.4, possible: 0.2, ruleFloor: 0.02 } as const;
/** Messages of at most this many words are judged by the rules without the model's floor. */
export const SHORT_MESSAGE_WORDS = 8;
/**
 * A reply to the bot's own question of at most this many words is escalated by the rules, or by
 * the model when it is sure, never by the model's "possible" alone. Such replies tell who and how
 * old, or name a topic ("Bereavement and money", "I am 83 and I live alone", "band C"), and the
 * model, with few words to judge by, read them as possibly risky: in the multi-turn hold-outs v1
 * to v9, before any risk was told, 87 of the 90 replies of up to 12 words that only the model's
 * "possible" escalated were ordinary answers. The other three ("like if home isnt safe", "for a
 * non-mol", a woman's age and where she came from) are for the rules. After a risk signal the
 * model's "possible" counts again: a concern is never closed on a short reply. The reply to
 * "What's on your mind?" is not one of these: it is the worry itself (see waitingForAnswer).
 *
 * Tried at 20 after hold-out v26 and multi-turn v18, whose replies about the services shown run
 * longer ("I've done the stage 1 appeal, they said no, now stage 2 is a panel"): on the tuned
 * sets multi-turn false escalation fell from 194 to 182 of 1,140 runs with nothing missed, but
 * the next fresh set, v27, lost a risk as a reply that way ("he'd kill me if he knew I was on
 * here. how do I hide this from my history?", 15 words, the model 0.37, no rule): at 12 it gets
 * the check-in. Back to 12: a missed risk costs more than a check-in.
 */
export const ANSWER_WORDS = 12;
/**
 * A question about the assistant itself ("who reads this?") is read by the rules only when it is
 * at most this long: a longer message may hold a worry beside it, which the model must read.
 */
export const QUESTION_ABOUT_US_WORDS = 12;
/**
 * In such a reply, with no rule fired and no risk signal yet, the model alone gives the risk reply
 * only when it is this sure; between "high" and this it gives the check-in (the contacts, and a
 * question). Between them it read who and how old as risk: "He's 81, lives alone" (0.79), "family
 * i guess" (0.52), "money, want to save for a car and help my mum out" (0.80), and those are
 * better asked than interrupted. First tried as no answer at all (0.9 or nothing): in the tuned
 * multi-turn sets nothing was lost, but the fresh hold-out v24 lost three risk replies that way
 * ("idk anymore. kms vibes 24/7" 0.87, pills counted every night 0.80, a child hit by a car),
 * so a concern the model reads there is always asked about.
 */
export const ANSWER_MODEL_HIGH = 0.9;

export interface RiskDecision {
  confidence?: RiskConfidence;
  /** The rules that fired, when they were read (empty otherwise). */
  rules: RiskMatch[];
  /**
   * Rules that fired on a message not escalated: a question about a risk topic, or words the
   * model is sure are past, negated or figurative. Their route is the message's topic.
   */
  held?: RiskMatch[];
}

/**
 * Decides from the model's probability of any risk and the rules that fired. A named harm
 * said plainly ("my partner is abusive") is enough with only a little support from the model
 * (`ruleFloor`): the model reads short statements as too little to go on. Below the floor the
 * model is sure the words are figurative, negated, past or about a topic ("this job is killing
 * me", "not suicidal, just flat", "training on grooming"), and a rule firing alone was mostly
 * wrong there. A rule on a question about a topic needs the model's "possible" as well.
 */
export function decideRisk(
  any: number,
  rules: () => RiskMatch[],
  priorRisk = 0,
  options: {
    /** Whether the rules that fired sit in a question about a topic ("what are the signs of grooming?"). */
    aboutATopic?: (fired: readonly RiskMatch[]) => boolean;
    asksForTopicMaterial?: (fired: readonly RiskMatch[]) => boolean;
    words?: number;
    /** Whether a rule is marked `firm`: it counts at any model score. */
    isFirm?: (match: RiskMatch) => boolean;
    /** The message replies to the bot's question (see ANSWER_WORDS). */
    answering?: boolean;
    /**
     * The reply's words as the person typed them: what ANSWER_WORDS counts. The normalised words
     * run longer ("I've" is "i have"), and an 11-word reply about a foodbank had been read as a
     * sentence (multi-turn hold-out v18).
     */
    typedWords?: number;
  } = {},
): RiskDecision {
  const t = priorRisk >= RISK_THRESHOLDS.possible ? AFTER_RISK : RISK_THRESHOLDS;
  const fired = rules();
  // In a short message the model has too few words to judge by ("my son is involved in county
  // lines"): there the floor does not apply.
  const floor = (options.words ?? Infinity) <= SHORT_MESSAGE_WORDS ? 0 : t.ruleFloor;
  // A request for material about a harm ("the cuckooing toolkit", "training on grooming", "signs
  // to look for") is a topic, not a case, unless the model is sure it is risk: the rules name
  // the harm the material is about.
  if (fired.length > 0 && any < t.high && options.asksForTopicMaterial?.(fired)) return { rules: [], held: fired };
  if (options.isFirm && fired.some(options.isFirm)) return { confidence: 'high', rules: fired };
  if (fired.length > 0 && any >= floor && (any >= t.possible || !options.aboutATopic?.(fired))) return { confidence: 'high', rules: fired };
  const shortAnswer = options.answering === true && t === RISK_THRESHOLDS && fired.length === 0 && (options.typedWords ?? options.words ?? Infinity) <= ANSWER_WORDS;
  if (any >= (shortAnswer ? ANSWER_MODEL_HIGH : t.high)) return { confidence: 'high', rules: fired };
  if (any >= (shortAnswer ? t.high : t.possible)) return { confidence: 'possible', rules: fired };
  return fired.length > 0 ? { rules: [], held: fired } : { rules: [] };
}
