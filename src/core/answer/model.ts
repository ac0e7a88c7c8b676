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
  weights: { score: 6.0121, lead: 1.9566, missingNames: -2.2295, unknownShare: -1.5672, coverage: 1.6653 },
  bias: -3.9326,
  answerAt: 0.68,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.1,
  weights: { score: 4.3786, lead: 3.8163, missingNames: -0.415, unknownShare: -2.9439, coverage: 0.1073 },
  bias: -1.3032,
  answerAt: 0.74,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
