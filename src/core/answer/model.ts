/**
 * The decision model's fitted numbers. Written by `npm run calibrate -- --write` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: 0.1,
  weights: { score: 3.456, lead: 2.0819, missingNames: -1.941, unknownShare: -2.2805, coverage: 1.8052 },
  bias: -2.3442,
  answerAt: 0.78,
  suggestAt: 0.27,
};
