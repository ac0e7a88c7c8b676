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
  weights: { score: 3.3432, lead: 2.4397, missingNames: -2.1735, unknownShare: -2.1547, coverage: 1.0893 },
  bias: -1.7607,
  answerAt: 0.83,
  suggestAt: 0.26,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.25,
  weights: { score: 2.3217, lead: 3.0193, missingNames: -0.4361, unknownShare: -2.7622, coverage: 0.1999 },
  bias: -0.8318,
  answerAt: 0.9,
  suggestAt: 0.16,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
