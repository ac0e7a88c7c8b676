/**
 * Fits the decision model (src/core/answer/features.ts) on the training sets: a logistic
 * regression of "the best candidate is a right answer" on the model's features (Newton's method
 * with a small L2 penalty, so the fit is unique and reproducible), then the answer threshold with
 * the most right answers at a wrong-answer rate of at most `MAX_WRONG_SHARE` of all training
 * questions; the suggestion score is a constant (SUGGEST_AT, below). Used by `npm run calibrate` and by the test that checks
 * the numbers in src/core/answer/model.ts are the ones this prints.
 */
import { createBot } from '../../src/core/bot.js';
import { MODEL_FEATURES, type DecisionModel, type ModelFeatures } from '../../src/core/answer/features.js';
import { DECISION_MODELS } from '../../src/core/answer/model.js';
import type { Language } from '../../src/core/lang/languages.js';
import type { Knowledge } from '../../src/core/types.js';
import { expectedIds, type EvalCase } from './evaluate.js';

/**
 * The wrong-answer budget on the training sets, as a share of all questions: below the 2% the
 * answers issue allows, because train is what the phrasings are curated from (its questions' own
 * wording is indexed), so its wrong-answer rate reads lower than on questions nobody curated from.
 * Chosen on the dev set after the round-5 curation (the one number the dev set was used to pick):
 * at 2% the English dev set got 2.3% of its questions answered wrong (answerAt 0.55), at 1.75%
 * 1.7% (0.71, 92.3% right), at 1.5% 1.3% (0.75, 91.0% right). docs/evaluation.md.
 */
export const MAX_WRONG_SHARE = 0.0175;
/**
 * The matcher score from which "did you mean" offers an entry, in every language. It was fitted on
 * train (the score at which suggestions found the right entry for unanswered answerable questions
 * most often, a suggestion for an unanswerable one counting a quarter against) and came out 0.18
 * for every language until 3639433. Once the phrasings are curated from train's misses, train has
 * too few unanswered answerable questions left (34 of 1,005 in English) and that fit turns
 * suggestions off (0.99), though a quarter of the answerable questions of a fresh set are still
 * only suggested: so it is no longer fitted, and stays at what the uncurated sets gave.
 */
const SUGGEST_AT = 0.18;
/** L2 penalty on the weights (not the bias). */
const L2 = 0.5;
const GRID = Array.from({ length: 95 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);

interface Row {
  readonly c: EvalCase;
  /** Features of the best candidate, when it is not vetoed. */
  readonly x?: ModelFeatures;
  /** The best candidate is an expected entry. */
  readonly y: boolean;
}

export interface Fit {
  readonly model: DecisionModel;
  /** Training-set figures at the chosen thresholds. */
  readonly train: { readonly total: number; readonly right: number; readonly wrong: number; readonly answerable: number };
}

/** Training cases of one or more languages, each read in its own language's index. */
export type LanguageCases = readonly { readonly language: Language; readonly cases: readonly EvalCase[] }[];

function rows(knowledge: Knowledge, sets: LanguageCases, lengthBoost: number, start: StartModels): Row[] {
  const models = Object.fromEntries(sets.map((s) => [s.language, { ...start[s.language], lengthBoost }]));
  const bot = createBot({ knowledge, models });
  const all = sets.flatMap((s) => s.cases.map((c) => ({ c, language: s.language })));
  return all.map(({ c, language }) => {
    const ids = expectedIds(c);
    // Each model is fitted on its languages' own indexes: no fallback to another language here,
    // which would make the rows depend on the model being replaced (whether the first reading answered).
    const { candidates } = bot.explain(c.q, { language, ownIndexOnly: true });
    const first = candidates[0];
    const vetoed = !first || Object.values(first.vetoes).some(Boolean);
    const y = first !== undefined && ids.includes(first.ranked.entry.id);
    return vetoed ? { c, y } : { c, x: first.features, y };
  });
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const vector = (f: ModelFeatures): number[] => [1, ...MODEL_FEATURES.map((k) => f[k])];

const at = (m: readonly (readonly number[])[], r: number, c: number): number => m[r]?.[c] ?? 0;

/** Solves A x = b by Gauss-Jordan elimination with partial pivoting (A is small and positive definite). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(at(m, r, col)) > Math.abs(at(m, pivot, col))) pivot = r;
    [m[col], m[pivot]] = [m[pivot] ?? [], m[col] ?? []];
    for (let r = 0; r < n; r++) if (r !== col) eliminate(m, r, col);
  }
  return m.map((_, i) => at(m, i, n) / at(m, i, i));
}

/** Subtracts the multiple of row `col` that zeroes column `col` of row `r`. */
function eliminate(m: number[][], r: number, col: number): void {
  const row = m[r] ?? [];
  const factor = at(m, r, col) / at(m, col, col);
  for (let k = col; k < row.length; k++) row[k] = (row[k] ?? 0) - factor * at(m, col, k);
}

/** Penalised logistic regression by Newton's method; returns [bias, ...weights]. */
function logistic(xs: readonly number[][], ys: readonly boolean[]): number[] {
  const d = (xs[0] ?? []).length;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = w.map((wi, j) => (j === 0 ? 0 : L2 * wi));
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j): number => (i === j && i > 0 ? L2 : 0)));
    xs.forEach((x, n) => {
      const p = sigmoid(x.reduce((s, xi, j) => s + xi * (w[j] ?? 0), 0));
      const r = p - (ys[n] ? 1 : 0);
      for (let i = 0; i < d; i++) {
        grad[i] = (grad[i] ?? 0) + r * (x[i] ?? 0);
        const hi = hess[i] ?? [];
        for (let j = 0; j < d; j++) hi[j] = (hi[j] ?? 0) + p * (1 - p) * (x[i] ?? 0) * (x[j] ?? 0);
      }
    });
    const step = solve(hess, grad);
    w = w.map((wi, j) => wi - (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
}

/**
 * The fit with each feature's weight kept to the sign its meaning requires (`SIGNS`): a feature
 * whose weight comes out the wrong way is confounded in a small training set, and is dropped
 * (weight 0) and the rest refitted, rather than let it reward what should count against.
 */
function signConstrained(xs: readonly number[][], ys: readonly boolean[]): number[] {
  const dropped = new Set<number>();
  for (;;) {
    const keep = (x: readonly number[]): number[] => x.filter((_, j) => !dropped.has(j));
    const fitted = logistic(xs.map(keep), ys);
    const full: number[] = [];
    let k = 0;
    for (let j = 0; j < (xs[0] ?? []).length; j++) full.push(dropped.has(j) ? 0 : (fitted[k++] ?? 0));
    const wrong = MODEL_FEATURES.findIndex((f, i) => SIGNS[f] * (full[i + 1] ?? 0) < 0);
    if (wrong < 0) return full;
    dropped.add(wrong + 1);
  }
}

/** The sign each weight must have: +1 helps an answer, -1 counts against it. */
const SIGNS: Readonly<Record<(typeof MODEL_FEATURES)[number], 1 | -1>> = {
  score: 1,
  lead: 1,
  missingNames: -1,
  unknownShare: -1,
  coverage: 1,
};

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** The length boosts tried; the one with the most right answers within the budget is kept. */
const BOOSTS = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/**
 * The models the rows are read with. Only the length boost they carry matters (it is set per try):
 * the fit does not depend on the weights or thresholds it replaces, which a test checks.
 */
export type StartModels = Readonly<Record<Language, DecisionModel>>;

/** Fits every number of `DecisionModel` on `sets` (the training sets of one or more languages). */
export function fitModel(knowledge: Knowledge, sets: LanguageCases, start: StartModels = DECISION_MODELS): Fit {
  let best: Fit | undefined;
  for (const lengthBoost of BOOSTS) {
    const fit = fitAt(knowledge, sets, lengthBoost, start);
    if (!best || fit.train.right > best.train.right) best = fit;
  }
  if (!best) throw new Error('no length boost to try');
  return best;
}

function fitAt(knowledge: Knowledge, sets: LanguageCases, lengthBoost: number, start: StartModels): Fit {
  const data = rows(knowledge, sets, lengthBoost, start);
  const usable = data.filter((r): r is Row & { x: ModelFeatures } => r.x !== undefined);
  const w = signConstrained(usable.map((r) => vector(r.x)), usable.map((r) => r.y)).map(round4);
  const weights = Object.fromEntries(MODEL_FEATURES.map((k, i) => [k, w[i + 1] ?? 0])) as Record<(typeof MODEL_FEATURES)[number], number>;
  const bias = w[0] ?? 0;
  const p = (x: ModelFeatures): number => sigmoid(vector(x).reduce((s, xi, j) => s + xi * (w[j] ?? 0), 0));
  // Rounded as the bot rounds its probabilities, so the threshold means the same thing there.
  const probs = usable.map((r) => ({ y: r.y, p: Math.round(p(r.x) * 1000) / 1000 }));
  const answerable = data.filter((r) => expectedIds(r.c).length > 0).length;
  let best = { answerAt: 0.99, right: -1, wrong: 0 };
  for (const t of GRID) {
    const right = probs.filter((r) => r.p >= t && r.y).length;
    const wrong = probs.filter((r) => r.p >= t && !r.y).length;
    if (wrong <= MAX_WRONG_SHARE * data.length && right > best.right) best = { answerAt: t, right, wrong };
  }
  return {
    model: { lengthBoost, weights, bias, answerAt: best.answerAt, suggestAt: SUGGEST_AT },
    train: { total: data.length, right: best.right, wrong: best.wrong, answerable },
  };
}
