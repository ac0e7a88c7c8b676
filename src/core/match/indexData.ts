/**
 * The matcher's index as plain data: what `new Matcher` computes from the entries and the paper
 * (tokenising, stemming and weighting every phrasing, answer, quote and cited paragraph), in a form
 * that JSON keeps exactly. `npm run build` writes it ahead of time (indexCache.ts); a matcher
 * restored from it searches exactly as the one it was taken from, because every map and set keeps
 * its insertion order (the order in which ties are broken).
 */

export interface Phrase {
  readonly entryIndex: number;
  /** Sum of IDF over the phrase's distinct tokens. */
  readonly weight: number;
}

/** The matcher's own collections, filled by building or by `restoreIndex`. */
export interface IndexState {
  readonly phrases: Phrase[];
  readonly postings: Map<string, number[]>;
  readonly bagPostings: Map<string, number[]>;
  readonly paragraphPostings: Map<string, number[]>;
  readonly idf: Map<string, number>;
  readonly known: Set<string>;
  readonly entryBags: Set<string>[];
  readonly properNouns: Set<string>;
}

/** The JSON form of an `IndexState`: phrases as [entry index, weight], maps as [key, value] lists. */
export interface MatcherIndex {
  readonly phrases: readonly (readonly [number, number])[];
  readonly postings: readonly (readonly [string, readonly number[]])[];
  readonly bagPostings: readonly (readonly [string, readonly number[]])[];
  readonly paragraphPostings: readonly (readonly [string, readonly number[]])[];
  readonly idf: readonly (readonly [string, number])[];
  readonly known: readonly string[];
  readonly entryBags: readonly (readonly string[])[];
  readonly properNouns: readonly string[];
}

export function snapshotIndex(state: IndexState): MatcherIndex {
  return {
    phrases: state.phrases.map((p) => [p.entryIndex, p.weight] as const),
    postings: [...state.postings],
    bagPostings: [...state.bagPostings],
    paragraphPostings: [...state.paragraphPostings],
    idf: [...state.idf],
    known: [...state.known],
    entryBags: state.entryBags.map((bag) => [...bag]),
    properNouns: [...state.properNouns],
  };
}

/**
 * Fills an empty matcher's collections from `index`. The posting lists are taken as they are, not
 * copied: a matcher never changes its lists once built, so an index may be shared.
 */
export function restoreIndex(index: MatcherIndex, state: IndexState): void {
  for (const [entryIndex, weight] of index.phrases) state.phrases.push({ entryIndex, weight });
  for (const [term, list] of index.postings) state.postings.set(term, list as number[]);
  for (const [term, list] of index.bagPostings) state.bagPostings.set(term, list as number[]);
  for (const [term, list] of index.paragraphPostings) state.paragraphPostings.set(term, list as number[]);
  for (const [term, idf] of index.idf) state.idf.set(term, idf);
  for (const w of index.known) state.known.add(w);
  for (const bag of index.entryBags) state.entryBags.push(new Set(bag));
  for (const w of index.properNouns) state.properNouns.add(w);
}
