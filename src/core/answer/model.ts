/**
 * The decision model's fitted numbers. Written by `npm run calibrate -- --write` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: 0.05,
  weights: { score: 3.6508, lead: 3.2486, missingNames: -1.8723, unknownShare: -2.6387, coverage: 0.9086 },
  bias: -1.8858,
  answerAt: 0.78,
  suggestAt: 0.21,
};
