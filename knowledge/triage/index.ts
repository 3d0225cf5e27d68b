import sharedExamples from '../packs/shared/priority-group-examples.json';
import { RiskDetector, sortByUrgency } from './risk';
import { sharedDetectorOr } from './sharedDetector';
import type { RiskMatch } from './types';
import { riskWindows } from './windows';

export type { GroupScore, RiskMatch, TriageContext, TriageFn, TriageResult } from './types';
export { createTriage, createTriageEngine, MAX_TEXT_LENGTH, type TriageEngine } from './triage';
export { RiskDetector, RISK_LEXICON } from './risk';
export { RISK_RULES, type RiskRule } from './riskRules';
export type { NormalisedText } from './normalise';
export { MAX_RISK_SCAN, riskWindows } from './windows';

/** The shared detector: the one createTriage built, or the rules alone with the shared phrases' words as known words. */
function sharedDetector(): RiskDetector {
  return sharedDetectorOr(() => {
    const examples = Object.values(sharedExamples as Record<string, string[]>).flat();
    return new RiskDetector(examples.flatMap((e) => e.toLowerCase().split(/[^a-z]+/).filter(Boolean)));
  });
}

/**
 * The risk detector on its own, built on first use. Most urgent first; [] when none. A long
 * message is read in bounded windows (see windows.ts), so no input makes this slow.
 */
export function detectRisk(text: string): RiskMatch[] {
  const detector = sharedDetector();
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
  return sharedDetector().normaliser.normalise(text).tokens.join(' ');
}
