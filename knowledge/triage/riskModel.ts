import { createSparseBayes, trainSparse } from './sparseBayes';
import type { RiskRoute } from '../vocabulary';
import type { NormalisedText } from './normalise';

/**
 * A statistical safety net behind the risk rules: natural's naive Bayes
 * classifier trained on risk phrases per route (data/risk-examples.json) against
 * everyday worries (the priority-group phrases). It only ever adds an
 * escalation the rules missed, and only when it is very sure, so it raises
 * recall on phrasing nobody wrote a rule for without hiding anything.
 */
export interface ModelVerdict {
  route: RiskRoute;
  probability: number;
  /** The words that pushed hardest toward the route, for the audit trail. */
  evidence: string[];
}

const NONE = 'none';

/**
 * Stems of words that carry harm. The model may only escalate when one of them
 * is in the window and leans toward the route it picked: naive Bayes on a few
 * hundred phrases otherwise leans on words like "i", "want" and "now".
 */
export const HARM_WORDS = `kill die dying dead death suicide suicidal harm hurt hurting cut cutting burn burning overdose pills tablets
  knife knives gun weapon stab stabbed hit hits hitting punch punched kick kicked beat beats beaten slap slapped strangle strangled
  choke choked abuse abused abusive rape raped touch touched touches groom groomed nudes naked terrified unsafe danger bleeding blood
  breathing unconscious collapsed jump bridge ledge neglect neglected exploit exploited trafficked forced violent violence threaten
  threatened threatens controlling isolates stalk stalking steal stealing stole stolen goodbye disappear exist existing pointless burden
  hopeless urge urges wrists scars bruises bruise lap trapped hiding ambulance`.split(/\s+/).filter(Boolean);
const WINDOW = 12;

function features(stems: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    out.push(stems[i]);
    if (i > 0) out.push(stems[i - 1] + '_' + stems[i]);
  }
  return out;
}

export class RiskModel {
  private readonly bayes = createSparseBayes();
  private readonly trained: boolean;
  private readonly harmStems: Set<string>;

  constructor(
    riskExamples: Readonly<Partial<Record<RiskRoute, readonly string[]>>>,
    everydayExamples: readonly string[],
    normalise: (text: string) => NormalisedText,
    private readonly threshold = 0.97,
    harmWords: readonly string[] = HARM_WORDS,
    stem: (w: string) => string = (w) => w,
  ) {
    this.harmStems = new Set(harmWords.map(stem));
    let risk = 0;
    for (const [route, phrases] of Object.entries(riskExamples)) {
      for (const phrase of phrases ?? []) {
        const f = features(normalise(phrase).stems);
        if (f.length > 0) {
          this.bayes.addDocument(f, route);
          risk++;
        }
      }
    }
    let everyday = 0;
    for (const phrase of everydayExamples) {
      const f = features(normalise(phrase).stems);
      if (f.length > 0) {
        this.bayes.addDocument(f, NONE);
        everyday++;
      }
    }
    this.trained = risk > 0 && everyday > 0;
    if (this.trained) trainSparse(this.bayes);
  }

  /** The most likely risk route when the model is very sure, else undefined. */
  judge(n: NormalisedText, ignore: ReadonlySet<number> = new Set()): ModelVerdict | undefined {
    if (!this.trained || n.stems.length === 0) return undefined;
    // Words inside a figurative or historic frame ("my back is killing me") say nothing about risk.
    const stems = n.stems.map((s, i) => (ignore.has(i) ? '' : s));
    let best: ModelVerdict | undefined;
    // Windows over the message, so risk in the middle of a long message counts.
    for (let start = 0; start < stems.length; start += WINDOW / 2) {
      const window = stems.slice(start, start + WINDOW).filter(Boolean);
      // No harm word, no escalation: skip the classifier (most windows of everyday text).
      if (!window.some((x) => this.harmStems.has(x))) {
        if (start + WINDOW >= stems.length) break;
        continue;
      }
      const f = features(window).filter((x) => this.bayes.features[x] !== undefined);
      if (f.length < 2) continue;
      const raw = this.bayes.getClassifications(f);
      const total = raw.reduce((s, c) => s + c.value, 0);
      if (!(total > 0)) continue;
      const top = raw[0];
      if (top.label === NONE) continue;
      const probability = top.value / total;
      if (probability < this.threshold || (best !== undefined && probability <= best.probability)) continue;
      const harm = [...new Set(f.filter((x) => this.harmStems.has(x) && this.ratio(x, top.label) > 1))];
      // One harm word ("jump") is not enough unless the model is all but certain.
      if (harm.length === 0 || (harm.length === 1 && probability < 0.995)) continue;
      best = { route: top.label as RiskRoute, probability, evidence: this.evidence(harm, top.label) };
      if (start + WINDOW >= stems.length) break;
    }
    return best;
  }

  /** Log of how much more often a feature appears in the route's phrases than in everyday ones. */
  private ratio(x: string, label: string): number {
    const { classFeatures, classTotals, smoothing } = this.bayes.classifier;
    return Math.log(((classFeatures[label]?.[x] ?? smoothing) / classTotals[label]) / ((classFeatures[NONE]?.[x] ?? smoothing) / classTotals[NONE]));
  }

  private evidence(f: readonly string[], label: string): string[] {
    return [...new Set(f)].sort((a, b) => this.ratio(b, label) - this.ratio(a, label)).slice(0, 3);
  }
}
