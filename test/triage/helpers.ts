import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadPack } from '../../knowledge/loader';
import { createTriageEngine, type TriageEngine } from '../../knowledge/triage';
import { examplesFileSchema } from '../../knowledge/schema/pack';

export const ROOT = join(__dirname, '..', '..');
export const PACKS_DIR = join(ROOT, 'knowledge', 'packs');
export const EVAL_DIR = join(ROOT, 'test', 'eval');

let engine: TriageEngine | undefined;

/** One engine per test file, built from the real B&NES pack. */
export function bathnesEngine(): TriageEngine {
  engine ??= createTriageEngine(loadPack('bathnes', { packsDir: PACKS_DIR }));
  return engine;
}

export function sharedExamples(): Record<string, string[]> {
  const raw: unknown = JSON.parse(readFileSync(join(PACKS_DIR, 'shared', 'priority-group-examples.json'), 'utf8'));
  return examplesFileSchema.parse(raw) as Record<string, string[]>;
}

export function readEval(file: string): unknown {
  return JSON.parse(readFileSync(join(EVAL_DIR, file), 'utf8'));
}
