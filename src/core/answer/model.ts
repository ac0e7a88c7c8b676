/**
 * The decision model's fitted numbers. Written by `npm run calibrate -- --write` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: 0.15,
  weights: { score: 3.0093, lead: 2.8944, missingNames: -2.1536, unknownShare: -2.6792, coverage: 1.2543 },
  bias: -1.8331,
  answerAt: 0.77,
  suggestAt: 0.25,
};
