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
  lengthBoost: 0.25,
  weights: { score: 5.4456, lead: 1.3252, missingNames: -2.5713, unknownShare: -2.1815, coverage: 2.6186 },
  bias: -4.1564,
  answerAt: 0.71,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.3,
  weights: { score: 3.4665, lead: 3.1114, missingNames: -0.8039, unknownShare: -3.6625, coverage: 1.4463 },
  bias: -1.4029,
  answerAt: 0.56,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
