// A small seeded pseudo-random generator for tests that must reproduce (the fuzz test): the
// same seed gives the same sequence on every machine. mulberry32: 32 bits of state, fast,
// and plenty for choosing inputs; never use it for anything secret.
import { seededRandom } from '../../knowledge/triage/model/hashing';

/** A function returning numbers in [0, 1), fully determined by `seed`: the training's own generator. */
export const mulberry32 = seededRandom;

/** A seed from text ("fuzz-1", a number written as text...): FNV-1a, 32 bits. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][1];
  }

  /** A length from 0 to `max`, usually small: sizes spread over orders of magnitude. */
  size(max: number): number {
    return Math.min(max, Math.floor(Math.pow(max + 1, this.next())) - 1 + (this.chance(0.05) ? max : 0));
  }

  /** A new generator whose sequence depends on this one's (for a worker of its own). */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296));
  }
}
