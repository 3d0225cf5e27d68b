// natural ships typings only for its root entry, which we must not import (it
// drags in database drivers). These shims describe the few sub-modules we use.

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
  export function LevenshteinDistance(a: string, b: string): number;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
  export = JaroWinklerDistance;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    classifier: {
      classFeatures: Record<string, Record<string, number>>;
      classTotals: Record<string, number>;
      totalExamples: number;
      smoothing: number;
    };
    docs: Array<{ label: string; text: string[] }>;
    features: Record<string, number>;
    addDocument(text: string | string[], label: string): void;
    train(): void;
    textToFeatures(observation: string | string[]): unknown;
    getClassifications(observation: string | string[]): Array<{ label: string; value: number }>;
    classify(observation: string | string[]): string;
  }
  export = BayesClassifier;
}
