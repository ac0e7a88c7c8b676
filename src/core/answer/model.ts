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
  weights: { score: 2.9973, lead: 2.5151, missingNames: -2.0655, unknownShare: -2.5529, coverage: 1.645 },
  bias: -2.0415,
  answerAt: 0.83,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.2,
  weights: { score: 3.6778, lead: 1.9196, missingNames: -0.5004, unknownShare: -2.664, coverage: 1.7148 },
  bias: -2.2162,
  answerAt: 0.76,
  suggestAt: 0.19,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
