/**
 * The matcher's tunable weights and the data it is built from (normaliser, paper text, language
 * profile), kept apart from the index itself so that `createBot` can take them as options.
 */
import type { NormalizerData } from '../text/normalize.js';
import type { TextProfile } from '../text/profile.js';
import { DEFAULT_FUZZY_OPTIONS, type FuzzyOptions } from './fuzzy.js';

export interface MatcherOptions {
  /** Weight of recall (share of the question matched) against precision in the F-measure. */
  readonly recallBeta: number;
  /** Multiplier for matches found only in the answer text and quotes. */
  readonly answerFieldWeight: number;
  /**
   * Multiplier for matches found only in the full text of the paragraphs an entry cites: a word the
   * paper uses counts a little even where no phrasing, answer or quote has it.
   */
  readonly paragraphFieldWeight: number;
  /** Weight of a matched pair of neighbouring words relative to a single word. */
  readonly pairWeight: number;
  /** Weight of the weaker of (best phrasing, whole entry) in the entry's score. */
  readonly blend: number;
  /** Share of the maximum IDF that a word unknown to the index weighs in the question. */
  readonly unknownWeight: number;
  /** An unknown name or acronym (not an English word) weighs this many times an unknown word. */
  readonly unknownNameFactor: number;
  /** Each corrected typo multiplies the scores by min(1, its similarity x this): small typos cost nothing. */
  readonly fuzzyPenalty: number;
  /** Options for typo correction. */
  readonly fuzzy: FuzzyOptions;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  recallBeta: 1,
  answerFieldWeight: 0.8,
  paragraphFieldWeight: 0.3,
  unknownWeight: 0.6,
  unknownNameFactor: 1.5,
  blend: 0.3,
  pairWeight: 0.15,
  fuzzyPenalty: 1.2,
  fuzzy: DEFAULT_FUZZY_OPTIONS,
};

/** The normaliser's data, and the paper's text, where proper nouns are learned (see properNouns.ts). */
export interface MatcherData extends NormalizerData {
  readonly paragraphs?: readonly { readonly id?: string; readonly text: string }[];
  /**
   * Names that never rule an entry out: the paper's own author, publisher and series ("according
   * to Andrieu" does not make an entry that never names him about something else).
   */
  readonly neutralNames?: readonly string[];
  /** More text to learn proper nouns from, not indexed (the English paper, for another language's index). */
  readonly nameTexts?: readonly string[];
  /** Folding, stemming and word lists of the language indexed (default English). */
  readonly profile?: TextProfile;
  /** Index the citations' quotes with the answer (default true; false where quotes are in another language). */
  readonly indexQuotes?: boolean;
}
