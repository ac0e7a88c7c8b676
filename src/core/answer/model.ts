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
  weights: { score: 4.5189, lead: 2.9433, missingNames: -2.3812, unknownShare: -1.7991, coverage: 0.8858 },
  bias: -2.4388,
  answerAt: 0.74,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.1,
  weights: { score: 4.0888, lead: 3.7533, missingNames: -0.3496, unknownShare: -2.7952, coverage: 1.294 },
  bias: -2.1123,
  answerAt: 0.7,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
