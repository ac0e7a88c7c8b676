import { describe, expect, it } from 'vitest';
import { DECISION_MODELS } from '../../src/core/answer/model.js';
import { LANGUAGES } from '../../src/core/lang/languages.js';
import { fitAll } from './calibrate.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { loadSet, setDir } from './evaluate.js';
import { fitModel, MAX_WRONG_SHARE } from './fit.js';

describe('the decision models', () => {
  const fits = fitAll();

  it('are exactly what `npm run calibrate` fits on the checked-in training sets', () => {
    // Fails after a change to knowledge/ or a training set: run `npm run calibrate -- --write`.
    for (const language of LANGUAGES) expect(DECISION_MODELS[language], language).toEqual((fits[language] ?? fits.en)?.model);
  });

  it('do not depend on the models they replace (refitting is a fixed point, whatever was there before)', () => {
    // A model that answers almost nothing sends every French question to the other indexes when
    // they are allowed: the fit must read each language in its own index only.
    const shy = { ...DECISION_MODELS.fr, answerAt: 0.99 };
    const knowledge = loadKnowledge('knowledge');
    const sets = [{ language: 'fr' as const, cases: loadSet(setDir('fr', 'train')).slice(0, 120) }];
    const usual = fitModel(knowledge, sets);
    expect(fitModel(knowledge, sets, { ...DECISION_MODELS, fr: shy })).toEqual(usual);
  });

  it('stay within the wrong-answer budget on the training sets', () => {
    for (const fit of Object.values(fits)) expect(fit.train.wrong / fit.train.total).toBeLessThanOrEqual(MAX_WRONG_SHARE);
  });
});
