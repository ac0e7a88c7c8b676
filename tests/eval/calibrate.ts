/**
 * `npm run calibrate`: refits the decision model on the training sets (tests/eval/train) and
 * prints its numbers with their training-set scores; `-- --write` also rewrites
 * src/core/answer/model.ts. Run it after changing the knowledge set or the training sets, then
 * `npm run eval` to see the effect on dev (the gate) and fresh sets.
 */
import { writeFileSync } from 'node:fs';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { loadSet } from './evaluate.js';
import { fitModel, MAX_WRONG_SHARE } from './fit.js';

const MODEL_FILE = new URL('../../src/core/answer/model.ts', import.meta.url).pathname;

const cases = loadSet('train');
const fit = fitModel(loadKnowledge('knowledge'), cases);
const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}%`;
console.log(JSON.stringify(fit.model, null, 2));
console.log(
  `train: ${fit.train.total} questions (${fit.train.answerable} answerable); at answerAt ${fit.model.answerAt}: ` +
    `right ${fit.train.right} (${pct(fit.train.right, fit.train.answerable)} of answerable), ` +
    `wrong ${fit.train.wrong} (${pct(fit.train.wrong, fit.train.total)} of all, budget ${pct(MAX_WRONG_SHARE, 1)})`,
);
if (process.argv.includes('--write')) {
  const m = fit.model;
  writeFileSync(
    MODEL_FILE,
    `/**
 * The decision model's fitted numbers. Written by \`npm run calibrate -- --write\` from the
 * checked-in training sets (tests/eval/train); a test refits them and fails when they drift, so
 * nobody edits them by hand. What each weight multiplies is documented in features.ts.
 */
import type { DecisionModel } from './features.js';

export const DECISION_MODEL: DecisionModel = {
  lengthBoost: ${m.lengthBoost},
  weights: ${JSON.stringify(m.weights).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')},
  bias: ${m.bias},
  answerAt: ${m.answerAt},
  suggestAt: ${m.suggestAt},
};
`,
  );
  console.log(`wrote ${MODEL_FILE}`);
}
