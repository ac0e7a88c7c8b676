import { describe, expect, it } from 'vitest';
import { DECISION_MODELS } from '../../src/core/answer/model.js';
import { LANGUAGES } from '../../src/core/lang/languages.js';
import { fitAll } from './calibrate.js';
import { MAX_WRONG_SHARE } from './fit.js';

describe('the decision models', () => {
  const fits = fitAll();

  it('are exactly what `npm run calibrate` fits on the checked-in training sets', () => {
    // Fails after a change to knowledge/ or a training set: run `npm run calibrate -- --write`.
    for (const language of LANGUAGES) expect(DECISION_MODELS[language], language).toEqual((fits[language] ?? fits.en)?.model);
  });

  it('stay within the wrong-answer budget on the training sets', () => {
    for (const fit of Object.values(fits)) expect(fit.train.wrong / fit.train.total).toBeLessThanOrEqual(MAX_WRONG_SHARE);
  });
});
