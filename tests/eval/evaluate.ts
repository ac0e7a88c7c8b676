/**
 * Scores the bot on the evaluation sets under tests/eval/: `train` (what the vocabulary, the
 * alternates and the decision model are fitted on), `dev` (the regression gate) and `fresh` (written
 * by people who saw only the paper, scored before and after a change, never tuned on while fresh).
 * Shared by `npm run eval`, `npm run calibrate` and the tests, so all of them measure the same thing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { z } from 'zod';
import type { Decision, Entry } from '../../src/core/types.js';

export const EVAL_DIR = new URL('./', import.meta.url).pathname;
export const DEV_DIR = join(EVAL_DIR, 'dev');
export type SetKind = 'train' | 'dev' | 'fresh';
export const SET_KINDS: readonly SetKind[] = ['train', 'dev', 'fresh'];

/** English sets live in tests/eval/<kind>/, French and German ones in tests/eval/<lang>/<kind>/. */
export const EVAL_LANGUAGES = ['en', 'fr', 'de'] as const;

export function setDir(lang: string, kind: SetKind): string {
  return lang === 'en' ? join(EVAL_DIR, kind) : join(EVAL_DIR, lang, kind);
}

/** What the paper does not answer: `decline` (anything but an answer is right). */
export const DECLINE = 'decline';

const caseSchema = z.object({
  q: z.string(),
  /** An entry id, several acceptable ids, or "decline". */
  expect: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  category: z.string().min(1),
});
export type EvalCase = z.infer<typeof caseSchema> & { readonly file: string };

/** The acceptable entry ids of a case (empty for `decline`). */
export function expectedIds(c: Pick<EvalCase, 'expect'>): string[] {
  const ids = Array.isArray(c.expect) ? c.expect : [c.expect];
  return ids.filter((id) => id !== DECLINE);
}

/** What a matcher under evaluation returns for one question. */
export interface Prediction {
  readonly decision: Decision;
  readonly id?: string;
  readonly suggestions?: readonly string[];
}
export type Predictor = (question: string) => Prediction;

/** Every case of the .jsonl files in `dir` (a set kind or a path); throws naming file and line on a malformed one. */
export function loadSet(dir: SetKind | string): EvalCase[] {
  const path = (SET_KINDS as readonly string[]).includes(dir) ? join(EVAL_DIR, dir) : dir;
  return readdirSync(path)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(path, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          if (line.trim() === '') return [];
          const parsed = caseSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${f}:${i + 1}: ${parsed.error.message}`);
          return [{ ...parsed.data, file: f }];
        }),
    );
}

/** The development set (the regression gate). */
export function loadDevSet(dir = DEV_DIR): EvalCase[] {
  return loadSet(dir);
}

export interface CategoryScore {
  readonly category: string;
  readonly total: number;
  /** Answerable: answered with an expected entry. Unanswerable: not answered (declined or only suggested). */
  readonly right: number;
  /** Answered with an entry that is not expected (for unanswerable questions: answered at all). */
  readonly wrong: number;
  /** Answerable only: not answered, but an expected entry is among the suggestions. */
  readonly suggested: number;
  /** Answerable only: not answered and no expected entry suggested. */
  readonly declined: number;
}

export interface EvalReport {
  readonly categories: readonly CategoryScore[];
  readonly answerable: CategoryScore;
  readonly unanswerable: CategoryScore;
  readonly all: { readonly total: number; readonly wrong: number };
  readonly failures: readonly { case: EvalCase; got: Prediction }[];
}

/** Whether the bot's prediction is right for the case (see `CategoryScore.right`). */
export function isRight(c: EvalCase, p: Prediction): boolean {
  const ids = expectedIds(c);
  if (ids.length === 0) return p.decision !== 'answer';
  return p.decision === 'answer' && p.id !== undefined && ids.includes(p.id);
}

function score(category: string, rows: readonly { c: EvalCase; p: Prediction }[]): CategoryScore {
  let right = 0, wrong = 0, suggested = 0, declined = 0;
  for (const { c, p } of rows) {
    const ids = expectedIds(c);
    if (isRight(c, p)) right++;
    else if (p.decision === 'answer') wrong++;
    else if (ids.some((id) => p.suggestions?.includes(id))) suggested++;
    else declined++;
  }
  return { category, total: rows.length, right, wrong, suggested, declined };
}

/** Runs `predict` over `cases` and scores it per category and overall. */
export function evaluate(cases: readonly EvalCase[], predict: Predictor): EvalReport {
  const rows = cases.map((c) => ({ c, p: predict(c.q) }));
  const categories = [...new Set(cases.map((c) => c.category))].sort();
  const answerable = rows.filter((r) => expectedIds(r.c).length > 0);
  const unanswerable = rows.filter((r) => expectedIds(r.c).length === 0);
  return {
    categories: categories.map((cat) => score(cat, rows.filter((r) => r.c.category === cat))),
    answerable: score('all answerable', answerable),
    unanswerable: score('all unanswerable', unanswerable),
    all: { total: rows.length, wrong: rows.filter((r) => !isRight(r.c, r.p) && r.p.decision === 'answer').length },
    failures: rows.filter((r) => !isRight(r.c, r.p)).map((r) => ({ case: r.c, got: r.p })),
  };
}

/** The naive baseline: fuse.js with default options over question + alternates, first hit taken. */
export function naiveBaseline(entries: readonly Entry[]): Predictor {
  const fuse = new Fuse(entries, { keys: ['question', 'alternates'] });
  return (q) => {
    const hit = fuse.search(q.slice(0, 2000), { limit: 1 })[0];
    return hit ? { decision: 'answer', id: hit.item.id } : { decision: 'decline' };
  };
}
