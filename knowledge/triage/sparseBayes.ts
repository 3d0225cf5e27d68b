import BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier');

/**
 * natural's BayesClassifier, fed sparse features. natural's wrapper turns every
 * document into a dense vector the size of the whole vocabulary, which makes
 * training and scoring slow; its underlying classifier accepts sparse
 * observations, but then forgets to count documents per class. This sets
 * both right, so training and scoring stay linear in the text and the class
 * probabilities are normalised by class size as naive Bayes needs.
 */
export function createSparseBayes(): BayesClassifier {
  const bayes = new BayesClassifier();
  bayes.textToFeatures = (observation: string | string[]) =>
    Object.assign({}, typeof observation === 'string' ? [observation] : observation);
  return bayes;
}

export function trainSparse(bayes: BayesClassifier): void {
  bayes.train();
  const totals: Record<string, number> = {};
  for (const doc of bayes.docs) totals[doc.label] = (totals[doc.label] ?? 0) + 1;
  // Same smoothing as the dense path: one extra per class and overall.
  for (const label of Object.keys(bayes.classifier.classFeatures)) bayes.classifier.classTotals[label] = 1 + (totals[label] ?? 0);
  bayes.classifier.totalExamples = 1 + bayes.docs.length;
  // The training documents are not needed to classify; letting them go keeps the heap small.
  bayes.docs = [];
}

/** Scores sparse features against every class: the same posterior as natural's, from a table. */
export interface SparseScorer {
  /** Whether training saw the feature in any class. */
  knows(feature: string): boolean;
  /** Each class's p(C) * p(features | C), as natural's getClassifications gives it, in class order. */
  classify(features: readonly string[]): Array<{ label: string; value: number }>;
}

/**
 * natural's scoring walks every class's feature object with for...in and takes a logarithm for
 * each feature and class on every call; the group classifier made it the largest part of a
 * turn's triage. The logarithms depend only on the trained counts, so they are worked out once
 * here, one row per feature; a call adds rows.
 */
export function compileSparse(bayes: BayesClassifier): SparseScorer {
  const { classFeatures, classTotals, totalExamples, smoothing } = bayes.classifier;
  const labels = Object.keys(classFeatures);
  const unseen = Float64Array.from(labels, (label) => Math.log(smoothing / classTotals[label]));
  const prior = Float64Array.from(labels, (label) => classTotals[label] / totalExamples);
  const rows = new Map<string, Float64Array>();
  for (const feature of Object.keys(bayes.features)) {
    rows.set(
      feature,
      Float64Array.from(labels, (label, i) => {
        const count = classFeatures[label][feature];
        return count ? Math.log(count / classTotals[label]) : unseen[i];
      }),
    );
  }
  return {
    knows: (feature) => rows.has(feature),
    classify(features) {
      const sums = new Float64Array(labels.length);
      for (const feature of features) {
        const row = rows.get(feature);
        for (let i = 0; i < labels.length; i++) sums[i] += row ? row[i] : unseen[i];
      }
      return labels.map((label, i) => ({ label, value: prior[i] * Math.exp(sums[i]) }));
    },
  };
}
