/**
 * `npm run calibrate`: refits the decision model of each language on its training sets
 * (tests/eval/train for English, tests/eval/<lang>/train for French and German) and prints the
 * numbers with their training-set scores; `-- --write` also rewrites src/core/answer/model.ts.
 * Run it after changing the knowledge set or the training sets, then `npm run eval` to see the
 * effect on dev (the gate) and fresh sets.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { DecisionModel } from '../../src/core/answer/features.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { LANGUAGES, type Language } from '../../src/core/lang/languages.js';
import { loadSet, setDir } from './evaluate.js';
import { fitModel, MAX_WRONG_SHARE, type Fit } from './fit.js';

const MODEL_FILE = new URL('../../src/core/answer/model.ts', import.meta.url).pathname;

/**
 * English on its own training sets; French and German together, on theirs (fitted apart, each
 * language would have a budget of one or two wrong answers and a threshold set by chance; pooling
 * English's sets into their weights was tried and answered fewer dev questions right, see
 * docs/evaluation.md). Languages without a training set keep English's model.
 */
export function fitAll(): Partial<Record<Language, Fit>> {
  const knowledge = loadKnowledge('knowledge');
  const sets = (languages: readonly Language[]) => languages.filter((l) => existsSync(setDir(l, 'train'))).map((language) => ({ language, cases: loadSet(setDir(language, 'train')) }));
  const english = sets(['en']);
  const fits: Partial<Record<Language, Fit>> = { en: fitModel(knowledge, english) };
  const translated = sets(['fr', 'de']);
  if (translated.length > 0) {
    const fit = fitModel(knowledge, translated);
    for (const { language } of translated) fits[language] = fit;
  }
  return fits;
}

/** The model as a TypeScript object literal, its lines indented by `indent`. */
const literal = (m: DecisionModel, indent = '  '): string =>
  `{
${indent}  lengthBoost: ${m.lengthBoost},
${indent}  weights: ${JSON.stringify(m.weights).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')},
${indent}  bias: ${m.bias},
${indent}  answerAt: ${m.answerAt},
${indent}  suggestAt: ${m.suggestAt},
${indent}}`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const fits = fitAll();
  const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}%`;
  for (const [language, fit] of Object.entries(fits)) {
    if (language === 'de' && fits.fr === fit) continue;
    const name = language === 'fr' && fits.de === fit ? 'fr+de' : language;
    console.log(`${name}: ${JSON.stringify(fit.model, null, 2)}`);
    console.log(
      `${name} train: ${fit.train.total} questions (${fit.train.answerable} answerable); at answerAt ${fit.model.answerAt}: ` +
        `right ${fit.train.right} (${pct(fit.train.right, fit.train.answerable)} of answerable), ` +
        `wrong ${fit.train.wrong} (${pct(fit.train.wrong, fit.train.total)} of all, budget ${pct(MAX_WRONG_SHARE, 1)})`,
    );
  }
  if (process.argv.includes('--write')) {
    const en = fits.en?.model;
    if (!en) throw new Error('no English training set');
    const translated = fits.fr ?? fits.de;
    const entries = LANGUAGES.map((l) => `  ${l}: ${l === 'en' || !fits[l] ? 'ENGLISH' : 'TRANSLATED'},`).join('\n');
    writeFileSync(
      MODEL_FILE,
      `/**
 * The decision model's fitted numbers, one model per language. Written by
 * \`npm run calibrate -- --write\` from the checked-in training sets (tests/eval/train,
 * tests/eval/<lang>/train); a test refits them and fails when they drift, so nobody edits them by
 * hand. A language without a training set uses English's. What each weight multiplies is
 * documented in features.ts.
 */
import type { Language } from '../lang/languages.js';
import type { DecisionModel } from './features.js';

const ENGLISH: DecisionModel = ${literal(en, '')};

/** French and German, fitted together on their training sets. */
const TRANSLATED: DecisionModel = ${translated ? literal(translated.model, '') : 'ENGLISH'};

export const DECISION_MODELS: Readonly<Record<Language, DecisionModel>> = {
${entries}
};
`,
    );
    console.log(`wrote ${MODEL_FILE}`);
  }
}
