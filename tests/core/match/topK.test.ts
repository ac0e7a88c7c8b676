import { describe, expect, it } from 'vitest';
import { topK } from '../../../src/core/match/topK.js';

/** What search did before: every positive score sorted by (score desc, index asc), the first k kept. */
const bySort = (scores: Float64Array, k: number): number[] =>
  [...scores]
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k)
    .map((s) => s.index);

describe('topK', () => {
  it('equals a full sort cut to k, ties to the lower index, over many random score arrays', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 500; round++) {
      const n = Math.floor(random() * 60);
      // Few distinct values, so ties are common; zeros are never ranked.
      const scores = Float64Array.from({ length: n }, () => Math.floor(random() * 6) / 5);
      for (const k of [0, 1, 2, 5, 8, 100]) expect(topK(scores, k), `round ${round}, k ${k}`).toEqual(bySort(scores, k));
    }
  });

  it('keeps only positive scores', () => {
    expect(topK(Float64Array.from([0, 0.5, 0, 0.5, 1]), 5)).toEqual([4, 1, 3]);
    expect(topK(new Float64Array(3), 2)).toEqual([]);
  });
});
