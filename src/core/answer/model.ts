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
  weights: { score: 5.8863, lead: 1.816, missingNames: -2.2409, unknownShare: -1.6852, coverage: 2.0784 },
  bias: -4.1141,
  answerAt: 0.66,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.15,
  weights: { score: 4.3482, lead: 3.5058, missingNames: -0.4673, unknownShare: -3.6866, coverage: 1.1027 },
  bias: -1.7186,
  answerAt: 0.52,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
