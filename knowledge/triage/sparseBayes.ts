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
