import { RiskDetector } from './risk';
import type { RiskMatch } from './types';

export type { GroupScore, RiskMatch, TriageContext, TriageFn, TriageResult } from './types';
export { createTriage, createTriageEngine, MAX_TEXT_LENGTH, type TriageEngine } from './triage';
export { RiskDetector, RISK_LEXICON } from './risk';
export { RISK_RULES, type RiskRule } from './riskRules';
export type { NormalisedText } from './normalise';

let shared: RiskDetector | undefined;

/** The risk detector on its own, built on first use. Most urgent first; [] when none. */
export function detectRisk(text: string): RiskMatch[] {
  shared ??= new RiskDetector();
  return shared.detect(text);
}

/** The text as the rules see it: lower case, text speak expanded, misspelt risk words corrected. */
export function normalise(text: string): string {
  shared ??= new RiskDetector();
  return shared.normaliser.normalise(text).tokens.join(' ');
}
