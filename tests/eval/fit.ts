/**
 * Fits the decision model (src/core/answer/features.ts) on the training sets: a logistic
 * regression of "the best candidate is a right answer" on the model's features (Newton's method
 * with a small L2 penalty, so the fit is unique and reproducible), then the answer threshold with
 * the most right answers at a wrong-answer rate of at most `MAX_WRONG_SHARE` of all training
 * questions, then the suggestion score. Used by `npm run calibrate` and by the test that checks
 * the numbers in src/core/answer/model.ts are the ones this prints.
 */
import { createBot } from '../../src/core/bot.js';
import { suggestionScore } from '../../src/core/answer/decide.js';
import { MODEL_FEATURES, type DecisionModel, type ModelFeatures } from '../../src/core/answer/features.js';
import { DECISION_MODELS } from '../../src/core/answer/model.js';
import type { Language } from '../../src/core/lang/languages.js';
import type { Knowledge } from '../../src/core/types.js';
import { expectedIds, type EvalCase } from './evaluate.js';

/** The wrong-answer budget on the training sets: the 2% the answers issue allows, as a share of all questions. */
export const MAX_WRONG_SHARE = 0.02;
/** Suggestion gains this close to the best (one answerable question) are a tie; see fitAt. */
const SUGGEST_TIE = 1;
/** L2 penalty on the weights (not the bias). */
const L2 = 0.5;
const GRID = Array.from({ length: 95 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);

interface Row {
  readonly c: EvalCase;
  /** Features of the best candidate, when it is not vetoed. */
  readonly x?: ModelFeatures;
  /** The best candidate is an expected entry. */
  readonly y: boolean;
  /** Scores of the candidates that are expected entries / that are not, for the suggestion threshold. */
  readonly rightScores: readonly number[];
  readonly otherScores: readonly number[];
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
    const rightScores = candidates.filter((k) => ids.includes(k.ranked.entry.id)).map(suggestionScore);
    const otherScores = candidates.filter((k) => !ids.includes(k.ranked.entry.id)).map(suggestionScore);
    return vetoed ? { c, y, rightScores, otherScores } : { c, x: first.features, y, rightScores, otherScores };
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
  // Suggestions: among the questions not answered, the score at which "did you mean" finds the
  // right entry for answerable questions most often, counting a suggestion offered for a question
  // the paper does not answer at a quarter (noise, but not a wrong answer). Gains within one
  // question of the best are a tie, and the tie goes to the highest score: as useful, less noise.
  const notAnswered = data.filter((r) => !(r.x && r.y && Math.round(p(r.x) * 1000) / 1000 >= best.answerAt));
  const gains = GRID.map((t) => ({
    t,
    gain: notAnswered.reduce((g, r) => {
      if (expectedIds(r.c).length > 0) return g + (r.rightScores.some((s) => s >= t) ? 1 : 0);
      return g - (r.otherScores.some((s) => s >= t) ? 0.25 : 0);
    }, 0),
  }));
  const bestGain = Math.max(...gains.map((g) => g.gain));
  const suggestAt = gains.filter((g) => g.gain >= bestGain - SUGGEST_TIE).reduce((hi, g) => Math.max(hi, g.t), 0);
  return {
    model: { lengthBoost, weights, bias, answerAt: best.answerAt, suggestAt },
    train: { total: data.length, right: best.right, wrong: best.wrong, answerable },
  };
}
