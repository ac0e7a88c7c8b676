/**
 * The decision model's fitted numbers. Written by `npm run calibrate -- --write` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: 0.15,
  weights: { score: 3.6204, lead: 3.517, missingNames: -2.113, unknownShare: -2.5159, coverage: 0.8317 },
  bias: -1.9804,
  answerAt: 0.71,
  suggestAt: 0.21,
};
