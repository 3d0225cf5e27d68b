import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';

// The Damerau-Levenshtein distance the spelling corrector uses, computed exactly as natural's
// DamerauLevenshteinDistance(source, target) with its default options (unit costs, the
// unrestricted variant, its own bookkeeping of the last matches included), without its
// allocations: natural builds an object for every cell and four more for the candidates of
// each, which made the spelling corrector a fifth of everything a turn allocated under load
// (npm run bench:load). Here the cells are one reused Int32Array. Strings with a character
// outside ASCII (the corrector only sees a-z, so never in practice) go to natural itself.
// test/triage/editDistance.test.ts checks the two agree.

let matrix = new Int32Array(0);
/** Row of the last occurrence of each ASCII character in the source so far (0: none yet). */
const lastRow = new Int32Array(128);

export function damerauLevenshtein(source: string, target: string): number {
  const m = source.length;
  const n = target.length;
  for (let i = 0; i < m; i++) if (source.charCodeAt(i) > 127) return DamerauLevenshteinDistance(source, target);
  for (let j = 0; j < n; j++) if (target.charCodeAt(j) > 127) return DamerauLevenshteinDistance(source, target);

  const width = n + 1;
  if (matrix.length < (m + 1) * width) matrix = new Int32Array((m + 1) * width * 2);
  const d = matrix;
  lastRow.fill(0);
  for (let row = 0; row <= m; row++) d[row * width] = row;
  for (let column = 1; column <= n; column++) d[column] = column;

  for (let row = 1; row <= m; row++) {
    const s = source.charCodeAt(row - 1);
    // natural resets this per row; 0 means "no match in this row yet" (its null).
    let lastColumnMatch = 0;
    for (let column = 1; column <= n; column++) {
      const t = target.charCodeAt(column - 1);
      const insert = d[row * width + column - 1] + 1;
      const remove = d[(row - 1) * width + column] + 1;
      const substitute = d[(row - 1) * width + column - 1] + (s === t ? 0 : 1);
      let best = insert < remove ? insert : remove;
      if (substitute < best) best = substitute;
      const lastRowMatch = lastRow[t];
      if (row > 1 && column > 1 && lastColumnMatch !== 0 && lastRowMatch !== 0) {
        const transpose =
          d[(lastRowMatch - 1) * width + lastColumnMatch - 1] + (row - lastRowMatch - 1) + (column - lastColumnMatch - 1) + 1;
        if (transpose < best) best = transpose;
      }
      d[row * width + column] = best;
      // As natural does, inside the column loop: later columns of this row see this row.
      lastRow[s] = row;
      if (s === t) lastColumnMatch = column;
    }
  }
  return d[m * width + n];
}
