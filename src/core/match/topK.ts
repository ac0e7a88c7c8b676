/**
 * The best few of many scores without sorting them all: a search touches most entries (common
 * words such as "china" are in most of them) and needs only the first `DESIGN.rivalDepth`, and
 * sorting every matched entry was the largest single cost of a search.
 */

/**
 * The indices of the `k` highest positive values of `scores`, best first, ties to the lower index:
 * exactly the first `k` of a full sort by (score descending, index ascending), in O(n·k).
 */
export function topK(scores: Float64Array, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] ?? 0;
    if (s <= 0) continue;
    if (top.length === k && s <= (scores[top[k - 1] ?? 0] ?? 0)) continue;
    // Scanning in index order, an equal score already kept has the lower index: it stays ahead.
    let at = top.length;
    while (at > 0 && s > (scores[top[at - 1] ?? 0] ?? 0)) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
