/**
 * The answer / suggest / decline decision as one model: a handful of named signals about the best
 * candidate entry, combined in one place (`probability`, a logistic model whose weights are fitted
 * by `npm run calibrate`) into an estimate that answering with it is right. Three vetoes rule a
 * candidate out as the answer whatever its probability (it may still be suggested): they encode
 * what the paper cannot say, which no amount of word overlap fixes.
 */
import type { ScoredEntry } from '../match/matcher.js';

/** The signals of the logistic model; each a number, most in [0, 1]. */
export interface ModelFeatures {
  /**
   * The candidate's matcher score, x(1 + lengthBoost per content word beyond 5), capped at 1:
   * long, chatty questions dilute every score (most of their words are context, not the question).
   */
  readonly score: number;
  /** Its lead over the best rival about another passage, both scores boosted alike. */
  readonly lead: number;
  /** Names (countries, people, bodies) of the question that the candidate never mentions. */
  readonly missingNames: number;
  /** Share of the question's weight in words the knowledge set does not know at all. */
  readonly unknownShare: number;
  /** Share of the weight of the question's known words that the candidate mentions anywhere. */
  readonly coverage: number;
}
export type ModelFeature = keyof ModelFeatures;
export const MODEL_FEATURES: readonly ModelFeature[] = ['score', 'lead', 'missingNames', 'unknownShare', 'coverage'];

/** Rules that keep a candidate from being the answer (it may still be suggested). */
export interface Vetoes {
  /** The question has a year or figure the candidate never mentions ("trade in 2019" vs the 2023 figure). */
  readonly missingFigure: boolean;
  /** A who / which / where question about a name the candidate never mentions ("China's ambassador"). */
  readonly missingName: boolean;
  /** The question asks when / where / who / how many / why / will and the candidate never answers that kind. */
  readonly typeMismatch: boolean;
  /** Every known word of the question is one nearly every entry uses ("what does the EU think of China"). */
  readonly vague: boolean;
  /** The candidate is a curated "the paper does not say" note (notGiven.ts). */
  readonly notGiven: boolean;
}

export interface DecisionModel {
  /** Score boost per content word beyond `DESIGN.shortQuestionWords` (see `ModelFeatures.score`). */
  readonly lengthBoost: number;
  readonly weights: Readonly<Record<ModelFeature, number>>;
  readonly bias: number;
  /** Answer when the probability is at least this (chosen for at most 1.75% wrong answers on train, MAX_WRONG_SHARE in tests/eval/fit.ts). */
  readonly answerAt: number;
  /** Offer an entry as "did you mean" when its score, discounted by the question's unknown share, is at least this (a constant, SUGGEST_AT in tests/eval/fit.ts). */
  readonly suggestAt: number;
}

/** Fixed design constants (not fitted): where a rule, not data, decides. */
export const DESIGN = {
  /** Minimum sum of IDF over the question's known words; below it the question is vague. */
  minInformation: 1,
  /**
   * The same in French and German, whose indexes hold no quotes or paragraphs (those are English):
   * their common words ("UE", "Chine") are rarer there, so each carries more IDF. "Que pense l'UE de
   * la Chine ?" sums 1.07 where "what does the EU think of China?" sums 0.63.
   */
  minInformationTranslated: 1.2,
  /** How many ranked entries are searched for the best rival. */
  rivalDepth: 8,
  /** How many "did you mean" entries at most. */
  maxSuggestions: 3,
  /** An entry's own applicable "does not say" note scoring at least this share of its score is read first (decide.ts). */
  noteNear: 0.75,
  /** Questions up to this many content words get no length boost. */
  shortQuestionWords: 5,
} as const;

export interface Candidate {
  readonly ranked: ScoredEntry;
  readonly features: ModelFeatures;
  readonly vetoes: Vetoes;
  /** The model's estimate that this entry is the right answer, in [0, 1]. */
  readonly probability: number;
}

/** The model's signals for `top` among `ranked`, for a question of `words` content words. */
export function modelFeatures(top: ScoredEntry, ranked: readonly ScoredEntry[], words: number, unknownShare: number, lengthBoost: number): ModelFeatures {
  const boost = 1 + lengthBoost * Math.max(0, words - DESIGN.shortQuestionWords);
  const score = Math.min(1, top.score * boost);
  const rival = Math.min(1, (rivalOf(top, ranked)?.score ?? 0) * boost);
  return { score, lead: score - rival, missingNames: top.missingNames, unknownShare, coverage: top.coverage };
}

/** The logistic combination of the features: the estimate that answering is right. */
export function probability(f: ModelFeatures, model: DecisionModel): number {
  const z = MODEL_FEATURES.reduce((sum, k) => sum + model.weights[k] * f[k], model.bias);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The best-ranked entry about something else: not related to `top` and citing none of its
 * paragraphs. Two entries on the same passage competing closely is not doubt about what the
 * question is about; a close entry on another passage is.
 */
export function rivalOf(top: ScoredEntry, ranked: readonly ScoredEntry[]): ScoredEntry | undefined {
  const paragraphs = new Set(top.entry.citations.map((c) => c.paragraphId));
  return ranked.find(
    (r) =>
      r.entry.id !== top.entry.id &&
      !top.entry.related.includes(r.entry.id) &&
      !r.entry.related.includes(top.entry.id) &&
      !r.entry.citations.some((c) => paragraphs.has(c.paragraphId)),
  );
}
