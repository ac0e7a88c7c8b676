/**
 * The decision model's fitted numbers, one model per language. Written by
 * `npm run calibrate -- --write` from the checked-in training sets (tests/eval/train,
 * tests/eval/<lang>/train); a test refits them and fails when they drift, so nobody edits them by
 * hand. A language without a training set uses English's. What each weight multiplies is
 * documented in features.ts.
 */
import type { Language } from '../lang/languages.js';
import type { DecisionModel } from './features.js';

const ENGLISH: DecisionModel = {
  lengthBoost: 0.15,
  weights: { score: 3.3087, lead: 2.4137, missingNames: -1.9942, unknownShare: -2.3659, coverage: 1.4255 },
  bias: -2.136,
  answerAt: 0.83,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.15,
  weights: { score: 3.7463, lead: 2.2456, missingNames: -0.3692, unknownShare: -2.4452, coverage: 1.796 },
  bias: -2.3979,
  answerAt: 0.76,
  suggestAt: 0.16,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
