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
  weights: { score: 4.4141, lead: 3.0913, missingNames: -1.8609, unknownShare: -1.9364, coverage: 0.5977 },
  bias: -2.2354,
  answerAt: 0.76,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.2,
  weights: { score: 4.0355, lead: 3.1301, missingNames: -0.3644, unknownShare: -2.4669, coverage: 1.9236 },
  bias: -2.8309,
  answerAt: 0.75,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
