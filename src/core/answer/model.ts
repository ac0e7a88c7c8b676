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
  weights: { score: 4.0531, lead: 2.8098, missingNames: -1.8249, unknownShare: -1.9548, coverage: 0.7826 },
  bias: -2.1355,
  answerAt: 0.81,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.25,
  weights: { score: 3.7354, lead: 2.907, missingNames: -0.363, unknownShare: -2.5688, coverage: 2.2207 },
  bias: -2.8812,
  answerAt: 0.78,
  suggestAt: 0.16,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
