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
  weights: { score: 3.0093, lead: 2.8944, missingNames: -2.1536, unknownShare: -2.6792, coverage: 1.2543 },
  bias: -1.8331,
  answerAt: 0.77,
  suggestAt: 0.26,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.3,
  weights: { score: 2.4243, lead: 2.6136, missingNames: -0.4464, unknownShare: -3.1952, coverage: 0.01 },
  bias: -0.5087,
  answerAt: 0.9,
  suggestAt: 0.15,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
