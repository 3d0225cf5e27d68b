import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { damerauLevenshtein } from '../../knowledge/triage/editDistance';
import { FuzzyCorrector } from '../../knowledge/triage/fuzzy';

// The spelling corrector's edit distance is computed without natural's per-cell objects; it
// must give exactly natural's answers, its quirks included (small alphabets bring them out).

describe('damerauLevenshtein', () => {
  test('agrees with natural on 40,000 random pairs over small and full alphabets', () => {
    let seed = 12345;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (const alphabet of ['ab', 'abc', 'abcd', 'abcdefghijklmnopqrstuvwxyz']) {
      const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      for (let i = 0; i < 10_000; i++) {
        const a = word(Math.floor(rnd() * 10));
        const b = word(Math.floor(rnd() * 10));
        const ours = damerauLevenshtein(a, b);
        if (ours !== DamerauLevenshteinDistance(a, b)) throw new Error(`"${a}" / "${b}": ${ours}, natural ${DamerauLevenshteinDistance(a, b)}`);
      }
    }
  });

  test('the usual cases, and longer strings after shorter ones (the matrix grows)', () => {
    expect(damerauLevenshtein('suicidle', 'suicide')).toBe(1);
    // natural's unrestricted variant says 0 here (its bookkeeping of repeated letters); so do we.
    expect(damerauLevenshtein('kil', 'kill')).toBe(DamerauLevenshteinDistance('kil', 'kill'));
    expect(damerauLevenshtein('ca', 'ac')).toBe(DamerauLevenshteinDistance('ca', 'ac'));
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('abc', '')).toBe(3);
    const long = 'overdosedoverdosed';
    expect(damerauLevenshtein(long, `${long}x`)).toBe(DamerauLevenshteinDistance(long, `${long}x`));
    expect(damerauLevenshtein('café', 'cafe')).toBe(DamerauLevenshteinDistance('café', 'cafe'));
  });

  test('the corrector still corrects the same words', () => {
    const fuzzy = new FuzzyCorrector(['suicide', 'suicidal', 'overdose', 'overdosed', 'kill', 'killed', 'strangled', 'bruises']);
    expect(fuzzy.correct('suicdal')).toBe('suicidal');
    expect(fuzzy.correct('overdosd')).toBe('overdosed');
    expect(fuzzy.correct('strangeld')).toBe('strangled');
    expect(fuzzy.correct('bruisse')).toBe('bruises');
    expect(fuzzy.correct('kil')).toBe('kill');
    expect(fuzzy.correct('bills')).toBeUndefined();
  });
});
