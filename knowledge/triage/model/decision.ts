import type { RiskConfidence, RiskMatch } from '../types';

// Where the model's "any risk" probability and the risk rules turn into an answer. High: the
// risk reply with contacts at once. Possible: a short, kind check-in that shows the contacts
// and asks.
// Set by 5-fold cross-validation on the corpus (docs/triage.md), never by a hold-out set.
export const RISK_THRESHOLDS = { high: 0.5, possible: 0.3 } as const;
/**
 * After a risk signal earlier in the conversation, the thresholds are lower. Not lower than
 * this: the model gives about 0.2 to a bare "hello" or "carry on".
 */
export const AFTER_RISK = { high: 0.4, possible: 0.25 } as const;

export interface RiskDecision {
  confidence?: RiskConfidence;
  /** The rules that fired, when they were read (empty otherwise). */
  rules: RiskMatch[];
}

/**
 * Decides from the model's probability of any risk and the rules that fired. A named harm
 * said plainly ("my partner is abusive") is enough on its own: the model reads short
 * statements as too little to go on. A rule firing on a question about a topic ("what is
 * county lines", "training on grooming") is information, not a case: the model decides.
 */
export function decideRisk(any: number, rules: () => RiskMatch[], priorRisk = 0, options: { aboutATopic?: () => boolean } = {}): RiskDecision {
  const t = priorRisk >= RISK_THRESHOLDS.possible ? AFTER_RISK : RISK_THRESHOLDS;
  const fired = rules();
  if (fired.length > 0 && (any >= t.possible || !options.aboutATopic?.())) return { confidence: 'high', rules: fired };
  if (any >= t.high) return { confidence: 'high', rules: fired };
  if (any >= t.possible) return { confidence: 'possible', rules: fired };
  return { rules: [] };
}
