import sharedExamples from '../packs/shared/priority-group-examples.json';
import { RiskDetector, sortByUrgency } from './risk';
import type { RiskMatch } from './types';
import { riskWindows } from './windows';

export type { GroupScore, RiskMatch, TriageContext, TriageFn, TriageResult } from './types';
export { createTriage, createTriageEngine, MAX_TEXT_LENGTH, type TriageEngine } from './triage';
export { RiskDetector, RISK_LEXICON } from './risk';
export { projectRiskRules, readRiskRules, type RiskRule, type RiskRuleSet } from './riskRules';
export type { NormalisedText } from './normalise';
export { MAX_RISK_SCAN, riskWindows } from './windows';

let rulesAlone: RiskDetector | undefined;

/**
 * The rules alone, with the shared phrases' words as known words: for tests, scripts and
 * reviewers. The bot never uses it: each turn's risk is decided once, by the triage engine
 * (rules and model together, see RiskGate.assessTurn).
 */
function rulesAloneDetector(): RiskDetector {
  if (!rulesAlone) {
    const examples = Object.values(sharedExamples as Record<string, string[]>).flat();
    rulesAlone = new RiskDetector(examples.flatMap((e) => e.toLowerCase().split(/[^a-z]+/).filter(Boolean)));
  }
  return rulesAlone;
}

/**
 * What the risk rules alone find, most urgent first; [] when none. A long message is read in
 * bounded windows (see windows.ts), so no input makes this slow.
 */
export function detectRisk(text: string): RiskMatch[] {
  const detector = rulesAloneDetector();
  const windows = riskWindows(text);
  if (windows.length === 1) return detector.detect(text);
  const seen = new Set<string>();
  const matches: RiskMatch[] = [];
  for (const window of windows) {
    for (const match of detector.detect(window)) {
      if (seen.has(match.rule)) continue;
      seen.add(match.rule);
      matches.push(match);
    }
  }
  return sortByUrgency(matches);
}

/** The text as the rules see it: lower case, text speak expanded, misspelt risk words corrected. */
export function normalise(text: string): string {
  return rulesAloneDetector().normaliser.normalise(text).tokens.join(' ');
}
