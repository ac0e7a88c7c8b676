/**
 * Same-root words the Porter stemmer keeps apart ("strategic" / "strategy"): two words count as
 * one root when they share a start of at least MIN_ROOT letters (see `Matcher.sameRoot`).
 */

/** Shortest shared start for two words to count as one root. */
export const MIN_ROOT = 7;

/** Length of the common start of `a` and `b`. */
export function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
