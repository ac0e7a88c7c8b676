/**
 * Typo tolerance for single query words, with fuse.js's Bitap search over the index vocabulary.
 * Running fuse.js over whole questions costs tens of milliseconds per query; here it only sees
 * words the exact index does not know, bucketed by first letter and cached, which keeps a typo'd
 * question well under a millisecond.
 */
import Fuse from 'fuse.js';

export interface FuzzyOptions {
  /** Words shorter than this are never corrected (too many near neighbours). */
  readonly minLength: number;
  /** fuse.js threshold: 0 exact only, 1 anything. */
  readonly threshold: number;
  /** Remembered corrections, including misses. */
  readonly cacheSize: number;
}

export const DEFAULT_FUZZY_OPTIONS: FuzzyOptions = { minLength: 4, threshold: 0.3, cacheSize: 5000 };

export interface Correction {
  readonly term: string;
  /** 1 for identical, down to 1 - threshold. */
  readonly similarity: number;
}

/** Corrects unknown words to the closest vocabulary term, or undefined when none is close. */
export class FuzzyVocabulary {
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Correction | null>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly options: FuzzyOptions = DEFAULT_FUZZY_OPTIONS,
  ) {
    const byLetter = new Map<string, string[]>();
    for (const term of vocabulary) {
      if (term.length < options.minLength - 1 || !/^[a-z]/.test(term)) continue;
      const key = term.charAt(0);
      const list = byLetter.get(key) ?? [];
      list.push(term);
      byLetter.set(key, list);
    }
    for (const [letter, terms] of byLetter) {
      this.buckets.set(letter, new Fuse(terms, { includeScore: true, threshold: options.threshold, ignoreLocation: true }));
    }
  }

  /** The best correction for `word`, cached; undefined when nothing is within the threshold. */
  correct(word: string): Correction | undefined {
    if (word.length < this.options.minLength || !/^[a-z]+$/.test(word)) return undefined;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.search(word);
    if (this.cache.size >= this.options.cacheSize) this.cache.clear();
    this.cache.set(word, found ?? null);
    return found;
  }

  private search(word: string): Correction | undefined {
    const fuse = this.buckets.get(word.charAt(0));
    if (!fuse) return undefined;
    const hit = fuse.search(word, { limit: 3 }).find((r) => Math.abs(r.item.length - word.length) <= 2);
    if (!hit) return undefined;
    return { term: hit.item, similarity: 1 - (hit.score ?? 1) };
  }
}
