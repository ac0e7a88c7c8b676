/**
 * The decision model's fitted numbers. Written by `npm run calibrate -- --write` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: 0.1,
  weights: { score: 3.4096, lead: 1.9876, missingNames: -1.9385, unknownShare: -2.3514, coverage: 1.8026 },
  bias: -2.2509,
  answerAt: 0.79,
  suggestAt: 0.26,
};
