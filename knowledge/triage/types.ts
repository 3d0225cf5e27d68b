import type { AgeBand, Audience, NeedLevelId, PriorityGroupId, RiskRoute, Route, TopicSignal } from '../vocabulary';

/** One rule or phrase that fired, so a reviewer can audit why the bot escalated. */
export interface RiskMatch {
  route: RiskRoute;
  /** Stable id of the rule, e.g. "crisis.suicidal-intent". */
  rule: string;
  /** The part of the (normalised) message that matched. */
  matched: string;
}

export interface GroupScore {
  id: PriorityGroupId;
  /** 0..1, higher is more likely; scores are comparable within one result. */
  score: number;
}

/** What the dialogs know besides the text; every field is optional. */
export interface TriageContext {
  audience?: Audience;
  ageBand?: AgeBand;
  /**
   * The highest risk score seen earlier in this conversation (0..1). After any risk signal,
   * later messages escalate at a lower threshold: a concern is never closed on one message.
   */
  priorRisk?: number;
  /**
   * A child was speaking when risk was told earlier in this conversation ("my stepdad hits me,
   * I'm 12"): a later "he did it again" is the same child's, on the children's route.
   */
  childSpeaking?: boolean;
  /**
   * The message is in another language (the language model is sure of it): the model, which
   * read only English, does not judge it; the rules and the risk phrases of that language do.
   */
  language?: string;
  /**
   * The text is a button label the bot itself offered: the rules read it (a label can still name
   * a harm), the model does not, since its words are the bot's, not the person's.
   */
  rulesOnly?: boolean;
  /**
   * The message replies to a question the bot asked (a dialog is waiting for its answer, other
   * than the one asking for the worry itself). In a short reply the rules decide, and the model
   * only when it is sure (see decideRisk).
   */
  answering?: boolean;
}

export interface TriageResult {
  /** What the message says beyond its groups that decides a service (a picture being shared): ids, never words. */
  signals?: TopicSignal[];
  /** The most urgent risk route, or early-help / information when no risk is indicated. */
  route: Route;
  /** Every risk rule that fired, most urgent first. Empty when no risk is indicated. */
  riskMatches: RiskMatch[];
  /** Best first; may hold several groups when the text says several things. */
  priorityGroups: GroupScore[];
  needLevel: NeedLevelId;
  /** On a risk route: "high" gives the risk reply at once; "possible" checks in first, with the contacts shown. */
  confidence?: RiskConfidence;
  /** The learned model's probability that the message carries any risk (0..1). */
  riskScore?: number;
  /**
   * Off a risk route: the risk route a message is about without indicating risk now (training
   * on grooming, abuse that is over, "how do I talk to my son about knives"). The reply then
   * says who to contact if it is happening now.
   */
  topic?: RiskRoute;
  /** On a risk route: a child is speaking (said in the message, or known from the conversation). */
  childSpeaking?: boolean;
  /**
   * On a risk route: an adult is writing (a parent, a practitioner, an adult's own age), so the
   * lines only children may use (Childline) are not offered as theirs.
   */
  adultSpeaking?: boolean;
  /**
   * The message named a risk in another language the bot has a notice for ("pl" for "Chcę się
   * zabić"): the reply adds that notice.
   */
  language?: string;
}

export type RiskConfidence = 'high' | 'possible';

/** The single entry point the rest of the bot uses. */
export type TriageFn = (text: string, context?: TriageContext) => TriageResult;
