/**
 * Typo tolerance for single query words, with fuse.js's Bitap search over the index vocabulary.
 * Running fuse.js over whole questions costs tens of milliseconds per query; here it only sees
 * words the exact index does not know, bucketed by first letter and cached, which keeps a typo'd
 * question well under a millisecond.
 */
import Fuse from 'fuse.js';
import { remembered } from '../text/remembered.js';

export interface FuzzyOptions {
  /** Words shorter than this are never corrected (too many near neighbours). */
  readonly minLength: number;
  /** fuse.js threshold: 0 exact only, 1 anything. */
  readonly threshold: number;
  /** Remembered corrections, including misses. */
  readonly cacheSize: number;
  /** Edits allowed (Damerau) by word length: one edit from 4 letters, two from `twoEditsFrom`. */
  readonly twoEditsFrom: number;
}

export const DEFAULT_FUZZY_OPTIONS: FuzzyOptions = { minLength: 4, threshold: 0.35, cacheSize: 5000, twoEditsFrom: 8 };

export interface Correction {
  readonly term: string;
  /** 1 for identical, down to 1 - threshold. */
  readonly similarity: number;
}

/** Corrects unknown words to the closest vocabulary term, or undefined when none is close. */
export class FuzzyVocabulary {
  /** fuse.js per first letter, each made on the first word it must correct (most letters never are). */
  private readonly buckets = new Map<string, Fuse<string>>();
  /** `search`, remembered: the same typo comes back in question after question. */
  private readonly cached: (word: string) => Correction | undefined;
  private readonly vocabulary: ReadonlySet<string>;
  /** Vocabulary by its letters with doubled letters single ("borrell" -> "borel"); made on the first search. */
  private bySqueezed: Map<string, string> | undefined;
  /** The vocabulary by first letter, in vocabulary order; made on the first search. */
  private byLetter: Map<string, string[]> | undefined;

  constructor(
    vocabulary: Iterable<string>,
    private readonly options: FuzzyOptions = DEFAULT_FUZZY_OPTIONS,
  ) {
    // Only the set is made here: start-up restores a prebuilt index and need not pay for typo
    // correction before the first typo.
    this.vocabulary = new Set(vocabulary);
    this.cached = remembered((word) => this.search(word), options.cacheSize);
  }

  private squeezed(word: string): string | undefined {
    if (!this.bySqueezed) {
      this.bySqueezed = new Map();
      for (const term of this.vocabulary) if (!this.bySqueezed.has(squeeze(term))) this.bySqueezed.set(squeeze(term), term);
    }
    return this.bySqueezed.get(squeeze(word));
  }

  private bucket(letter: string): Fuse<string> | undefined {
    const made = this.buckets.get(letter);
    if (made) return made;
    if (!this.byLetter) {
      this.byLetter = new Map();
      for (const term of this.vocabulary) {
        if (term.length < this.options.minLength - 1 || !/^[a-z]/.test(term)) continue;
        const list = this.byLetter.get(term.charAt(0)) ?? [];
        list.push(term);
        this.byLetter.set(term.charAt(0), list);
      }
    }
    const terms = this.byLetter.get(letter);
    if (!terms) return undefined;
    const fuse = new Fuse(terms, { includeScore: true, threshold: this.options.threshold, ignoreLocation: true });
    this.buckets.set(letter, fuse);
    return fuse;
  }

  /** The best correction for `word`, cached; undefined when nothing is within the threshold. */
  correct(word: string): Correction | undefined {
    if (word.length < this.options.minLength || !/^[a-z]+$/.test(word)) return undefined;
    return this.cached(word);
  }

  private search(word: string): Correction | undefined {
    // fuse.js ranks candidates; an edit-distance bound then rejects look-alikes such as
    // "robot" -> "root" or "nato" -> "nation" that Bitap scores as close. Bitap counts a swap of
    // two letters as two errors, so short swapped words ("raod") are looked up directly.
    const allowed = word.length >= this.options.twoEditsFrom ? 2 : 1;
    const candidates = (this.bucket(word.charAt(0))?.search(word, { limit: 5 }) ?? []).map((r) => r.item);
    candidates.push(...swaps(word).filter((w) => this.vocabulary.has(w)));
    // A letter typed once instead of twice, or twice instead of once ("borel", "comission"), is
    // allowed one edit more.
    const undoubled = this.squeezed(word);
    let best: Correction | undefined;
    const consider = (item: string, limit: number): void => {
      const d = editDistance(word, item, limit);
      if (d > limit) return;
      const similarity = 1 - d / Math.max(word.length, item.length);
      if (!best || similarity > best.similarity) best = { term: item, similarity };
    };
    for (const item of candidates) consider(item, allowed);
    if (undoubled) consider(undoubled, allowed + 1);
    return best;
  }
}

/** Runs of one letter as one letter: "borrell" -> "borel". */
function squeeze(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** `word` with each pair of neighbouring letters swapped in turn. */
function swaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) {
    if (word[i] !== word[i - 1]) out.push(word.slice(0, i - 1) + word.charAt(i) + word.charAt(i - 1) + word.slice(i + 1));
  }
  return out;
}

/** Optimal-string-alignment distance (a swap counts once), or `limit + 1` once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}
