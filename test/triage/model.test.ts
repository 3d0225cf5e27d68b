// The learned part of triage on small data made here: training is deterministic, a model file
// round-trips, the features read misspellings near their word, and the decision is graded.
import { Normaliser } from '../../knowledge/triage/normalise';
import { RISK_LEXICON } from '../../knowledge/triage/risk';
import { decideRisk, RISK_THRESHOLDS } from '../../knowledge/triage/model/decision';
import { explainFeatures, featuresOf } from '../../knowledge/triage/model/features';
import { decodeModel, encodeModel } from '../../knowledge/triage/model/modelFile';
import { trainLinear } from '../../knowledge/triage/model/linearModel';
import { riskOf, trainTriageModel } from '../../knowledge/triage/model/triageModel';
import { defaultModel } from '../../knowledge/triage/model/defaultModel';
import type { RiskMatch } from '../../knowledge/triage/types';

const normaliser = new Normaliser(RISK_LEXICON);
const normalise = (t: string) => normaliser.normalise(t);
const SMALL = { buckets: 1 << 12, minChars: 3, maxChars: 5, charWeight: 0.25 };
const TRAIN = { epochs: 20, learningRate: 0.2, l2: 1e-6, seed: 1 };

const lines = [
  { text: 'i want to kill myself tonight', route: 'crisis' as const, groups: ['mental-health' as const] },
  { text: 'i keep thinking about ending my life', route: 'crisis' as const, groups: ['mental-health' as const] },
  { text: 'my partner hits me and takes my money', route: 'domestic-abuse' as const, groups: ['domestic-abuse' as const] },
  { text: 'he hit me again last night and took my phone', route: 'domestic-abuse' as const, groups: ['domestic-abuse' as const] },
  { text: 'can i get free school meals for my son', route: 'none' as const, groups: ['early-years-funding' as const] },
  { text: 'we are behind on the rent and need help', route: 'none' as const, groups: ['housing' as const] },
  { text: 'my daughter will not go to school', route: 'none' as const, groups: ['school-attendance' as const] },
  { text: 'is there any help with nursery costs', route: 'none' as const, groups: ['early-years-funding' as const] },
];
const options = { features: SMALL, risk: TRAIN, route: TRAIN, groups: TRAIN };

describe('the linear model', () => {
  test('training is deterministic and learns the small corpus', () => {
    const a = trainTriageModel(lines, normalise, options);
    const b = trainTriageModel(lines, normalise, options);
    const risky = a.score(normalise('i want to end my life'));
    expect(riskOf(risky).any).toBeGreaterThan(0.5);
    expect(riskOf(risky).route).toBe('crisis');
    expect(riskOf(a.score(normalise('help with school meals'))).any).toBeLessThan(0.5);
    expect(a.score(normalise('help with the rent'))).toEqual(b.score(normalise('help with the rent')));
  });

  test('a model file round-trips exactly', () => {
    const x = [featuresOf(normalise('my partner hits me'), SMALL), featuresOf(normalise('free school meals'), SMALL)];
    const model = trainLinear('softmax', ['none', 'risk'], SMALL.buckets, [{ x: x[0], y: [1] }, { x: x[1], y: [0] }], TRAIN);
    const back = decodeModel(encodeModel(model, SMALL));
    expect(back.features).toEqual(SMALL);
    for (const v of x) expect(back.model.predict(v)).toEqual(model.predict(v));
    expect(() => decodeModel(Buffer.from('not a model'))).toThrow(/not a model file/);
  });

  test('letter sequences put a misspelling near its word', () => {
    const shared = (a: string, b: string) => {
      const fa = new Set(featuresOf(normalise(a), SMALL).index);
      return featuresOf(normalise(b), SMALL).index.filter((i) => fa.has(i)).length;
    };
    expect(shared('strangled', 'strangld')).toBeGreaterThan(shared('strangled', 'shopping'));
  });

  test('the trained model names the words behind a risk', () => {
    const model = defaultModel();
    const n = normalise('i have taken all my tablets and want to die');
    expect(riskOf(model.score(n)).any).toBeGreaterThan(RISK_THRESHOLDS.high);
    expect(explainFeatures(n, model.riskContributions(n), 4).length).toBeGreaterThan(0);
  });
});

describe('the graded decision', () => {
  const rule: RiskMatch = { route: 'domestic-abuse', rule: 'domestic-abuse.named', matched: 'abusive' };
  const none = () => [];
  test.each([
    ['confident model', 0.9, none, {}, 'high'],
    ['unsure model', 0.35, none, {}, 'possible'],
    ['model says no', 0.1, none, {}, undefined],
    ['a rule on a statement, a little model support', 0.08, () => [rule], { words: 12 }, 'high'],
    ['a rule on a long statement the model is sure is safe', 0.01, () => [rule], { words: 20 }, undefined],
    ['a rule on a short statement the model thinks safe', 0.01, () => [rule], { words: 5 }, 'high'],
    ['a rule on a question about a topic', 0.2, () => [rule], { words: 6, aboutATopic: () => true }, undefined],
    ['a short reply to the bot\'s question the model is unsure of', 0.35, none, { words: 4, answering: true }, undefined],
    ['a short reply to the bot\'s question the model leans to (who and how old): asked, not interrupted', 0.8, none, { words: 4, answering: true }, 'possible'],
    ['a short reply to the bot\'s question the model is sure of', 0.95, none, { words: 4, answering: true }, 'high'],
    ['the same reply after a risk signal: the model counts as usual', 0.6, none, { words: 4, answering: true, prior: true }, 'high'],
    ['a short reply to the bot\'s question that a rule reads', 0.35, () => [rule], { words: 4, answering: true }, 'high'],
    ['a long reply to the bot\'s question the model is unsure of', 0.35, none, { words: 20, answering: true }, 'possible'],
    // "foodbank I've used twice, they said there's a limit on vouchers": 11 words typed, 13 normalised.
    ['a reply short as typed, longer once normalised: still a short reply', 0.73, none, { words: 13, typedWords: 11, answering: true }, 'possible'],
    // "he'd kill me if he knew I was on here. how do I hide this from my history?" (hold-out v27): 15 words.
    ['a reply of 15 words the model is unsure of: the check-in', 0.37, none, { words: 17, typedWords: 15, answering: true }, 'possible'],
  ] as const)('%s', (_name, any, rules, opts, expected) => {
    const { prior, ...options } = opts as typeof opts & { prior?: boolean };
    expect(decideRisk(any, rules, prior ? 1 : 0, options).confidence).toBe(expected);
  });

  test('after a risk signal the thresholds are lower, but a bare "carry on" score is not enough', () => {
    expect(decideRisk(0.21, none, 0).confidence).toBeUndefined();
    expect(decideRisk(0.21, none, 0.6).confidence).toBe('possible');
    // A bare "carry on", "hello" or "15" scores up to about 0.17.
    expect(decideRisk(0.18, none, 0.6).confidence).toBeUndefined();
    // A short reply to the bot's question counts the model's "possible" again.
    expect(decideRisk(0.35, none, 0.6, { words: 4, answering: true }).confidence).toBe('possible');
  });
});
