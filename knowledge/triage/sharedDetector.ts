import type { RiskDetector } from './risk';

// One detector for the process: detectRisk() uses the one createTriage() built
// when there is one, so a bot that builds its triage at start-up does not pay
// for a second detector on its first message.
let shared: RiskDetector | undefined;

export function offerSharedDetector(detector: RiskDetector): void {
  shared ??= detector;
}

export function sharedDetectorOr(build: () => RiskDetector): RiskDetector {
  shared ??= build();
  return shared;
}
