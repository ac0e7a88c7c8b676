import { describe, expect, it } from 'vitest';
import { DECISION_MODEL } from '../../src/core/answer/model.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { loadSet } from './evaluate.js';
import { fitModel, MAX_WRONG_SHARE } from './fit.js';

describe('the decision model', () => {
  const fit = fitModel(loadKnowledge('knowledge'), loadSet('train'));

  it('is exactly what `npm run calibrate` fits on the checked-in training sets', () => {
    // Fails after a change to knowledge/ or tests/eval/train: run `npm run calibrate -- --write`.
    expect(DECISION_MODEL).toEqual(fit.model);
  });

  it('stays within the wrong-answer budget on the training sets', () => {
    expect(fit.train.wrong / fit.train.total).toBeLessThanOrEqual(MAX_WRONG_SHARE);
  });
});
