import { createTriageEngine, detectRisk } from '../../knowledge/triage';
import { RiskDetector } from '../../knowledge/triage/risk';
import { HARM_WORDS, RiskModel } from '../../knowledge/triage/riskModel';
import { stem } from '../../knowledge/triage/normalise';

describe('statistical safety net (natural BayesClassifier)', () => {
  const detector = new RiskDetector();
  const normalise = (t: string) => detector.normaliser.normalise(t);
  const model = new RiskModel(
    {
      crisis: ['i want to hurt myself badly', 'i keep cutting my arms', 'i want to die', 'i have urges to hurt myself', 'thinking about suicide'],
      'domestic-abuse': ['he hits me', 'my partner beats me', 'he strangled me', 'she slaps me', 'he threatens me every day'],
    },
    ['my son will not go to school', 'we are behind on rent', 'my baby will not sleep', 'i feel lonely', 'my mum died', 'i lost my job',
      'my daughter is being bullied', 'we argue a lot', 'i need help with childcare', 'my teenager is always on his phone'],
    normalise,
    0.9,
    HARM_WORDS,
    stem,
  );

  it('names a route, a probability and the harm words that decided it', () => {
    const verdict = model.judge(normalise('lately i have urges to hurt myself'));
    expect(verdict?.route).toBe('crisis');
    expect(verdict!.probability).toBeGreaterThanOrEqual(0.9);
    expect(verdict!.evidence.length).toBeGreaterThan(0);
    expect(verdict!.evidence.every((w) => HARM_WORDS.map(stem).includes(w))).toBe(true);
  });

  it('stays quiet on everyday worries and on a single harmless word', () => {
    expect(model.judge(normalise('my son will not go to school and we are behind on rent'))).toBeUndefined();
    expect(model.judge(normalise('we are going to jump on the trampoline'))).toBeUndefined();
  });

  it('ignores words inside figurative frames', () => {
    const n = normalise('he hits me');
    expect(model.judge(n, new Set([0, 1, 2]))).toBeUndefined();
  });

  it('is wired into createTriage and detectRisk, and only adds escalations the rules missed', () => {
    const engine = createTriageEngine({
      priorityGroups: [{ id: 'housing', strategyWording: 'h', plainName: 'h', summary: 'h', appliesTo: ['adults'], source: 'seed:test', examples: ['we are being evicted'] }],
      needLevels: [],
    });
    // A rule fires here, so no model match is added.
    const rules = engine.triage('i want to kill myself').riskMatches.map((m) => m.rule);
    expect(rules.some((r) => r.startsWith('model.'))).toBe(false);
    expect(detectRisk('we are going to jump on the trampoline')).toEqual([]);
  });
});
