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
  weights: { score: 6.0351, lead: 1.6142, missingNames: -2.1657, unknownShare: -1.838, coverage: 2.1654 },
  bias: -4.1961,
  answerAt: 0.66,
  suggestAt: 0.18,
};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = {
  lengthBoost: 0.2,
  weights: { score: 3.9632, lead: 3.8031, missingNames: -0.6387, unknownShare: -3.2517, coverage: 0.6762 },
  bias: -1.5341,
  answerAt: 0.63,
  suggestAt: 0.18,
};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
  en: ENGLISH,
  fr: TRANSLATED,
  de: TRANSLATED,
};
