import type { PriorityGroupId, RiskRoute } from '../vocabulary';
import riskExamples from './data/risk-examples.json';
import { stem } from './normalise';
import type { RiskDetector } from './risk';
import { HARM_WORDS, RiskModel } from './riskModel';

/** Groups whose phrases describe risk themselves, so they are not "everyday" for the safety net. */
const RISKY_GROUPS: ReadonlySet<PriorityGroupId> = new Set(['domestic-abuse', 'exploitation']);

/**
 * Trains the statistical safety net for a detector: risk phrases per route
 * against everyday worries (the pack's priority-group phrases that no rule
 * flags), and attaches it to the detector.
 */
export function attachSafetyNet(detector: RiskDetector, groups: ReadonlyArray<{ id: PriorityGroupId; examples: readonly string[] }>): RiskModel {
  const everyday = groups
    .filter((g) => !RISKY_GROUPS.has(g.id))
    .flatMap((g) => g.examples)
    .filter((text) => detector.detect(text).length === 0);
  const model = new RiskModel(
    riskExamples as Partial<Record<RiskRoute, string[]>>,
    everyday,
    (text) => detector.normaliser.normalise(text),
    0.97,
    HARM_WORDS,
    stem,
  );
  detector.useModel(model);
  return model;
}
