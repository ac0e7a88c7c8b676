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
  lengthBoost: 0.1,
  weights: { score: 3.3549, lead: 2.4288, missingNames: -2.1745, unknownShare: -2.1519, coverage: 1.0964 },
  bias: -1.7701,
  answerAt: 0.82,
  suggestAt: 0.26,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.1,
  weights: { score: 3.5208, lead: 1.8362, missingNames: -0.3276, unknownShare: -2.9481, coverage: 1.241 },
  bias: -1.715,
  answerAt: 0.81,
  suggestAt: 0.16,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
