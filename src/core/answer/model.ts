/**
 * The decision model's fitted numbers. Written by `npm run calibrate -- --write` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: 0.05,
  weights: { score: 3.5622, lead: 2.9222, missingNames: -1.8464, unknownShare: -2.6955, coverage: 0.9518 },
  bias: -1.7917,
  answerAt: 0.79,
  suggestAt: 0.21,
};
