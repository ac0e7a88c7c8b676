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
  weights: { score: 4.3424, lead: 2.8529, missingNames: -2.3863, unknownShare: -1.7696, coverage: 1.2651 },
  bias: -2.789,
  answerAt: 0.77,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.05,
  weights: { score: 4.1641, lead: 3.805, missingNames: -0.278, unknownShare: -2.8419, coverage: 1.1897 },
  bias: -1.9906,
  answerAt: 0.69,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
