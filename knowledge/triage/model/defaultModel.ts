import { TriageModel } from './triageModel';

// The trained model files are read once per process: the model is immutable, so every engine
// (one per pack, and the tests' engines) can share it.
let loaded: TriageModel | undefined;

export function defaultModel(): TriageModel {
  loaded ??= TriageModel.load();
  return loaded;
}
