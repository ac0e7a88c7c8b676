/**
 * Scores a matcher on the development set (tests/eval/dev/*.jsonl). Shared by `npm run eval`
 * (prints the table for the project's matcher and the naive fuse.js baseline) and by the vitest
 * test that enforces the bars, so both always measure the same thing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { z } from 'zod';
import type { Decision, Entry } from '../../src/core/types.js';

export const DEV_DIR = new URL('./dev/', import.meta.url).pathname;

const caseSchema = z.object({ q: z.string(), expect: z.string().min(1), category: z.string().min(1) });
export type EvalCase = z.infer<typeof caseSchema>;

/** What a matcher under evaluation returns for one question. */
export interface Prediction {
  readonly decision: Decision;
  readonly id?: string;
  readonly suggestions?: readonly string[];
}
export type Predictor = (question: string) => Prediction;

/** Every case of the development set; throws naming file and line on a malformed one. */
export function loadDevSet(dir = DEV_DIR): EvalCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          if (line.trim() === '') return [];
          const parsed = caseSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${f}:${i + 1}: ${parsed.error.message}`);
          return [parsed.data];
        }),
    );
}

export interface CategoryScore {
  readonly category: string;
  readonly total: number;
  /** Answerable: answered with the expected entry. Unanswerable: declined (or small talk). */
  readonly correct: number;
  /** Answerable: answered with another entry. Unanswerable: answered at all. */
  readonly wrong: number;
  /** Answerable only: not answered but the right entry is among the suggestions. */
  readonly suggested: number;
  /** Unanswerable only: not answered (declined or only suggested). */
  readonly notAnswered: number;
}

export interface EvalReport {
  readonly categories: readonly CategoryScore[];
  readonly answerable: CategoryScore;
  readonly unanswerable: CategoryScore;
  readonly failures: readonly { case: EvalCase; got: Prediction }[];
}

function score(category: string, rows: readonly { c: EvalCase; p: Prediction }[]): CategoryScore {
  let correct = 0, wrong = 0, suggested = 0, notAnswered = 0;
  for (const { c, p } of rows) {
    if (c.expect === 'decline') {
      if (p.decision !== 'answer') notAnswered++;
      if (p.decision === 'decline' || p.decision === 'smalltalk') correct++;
      if (p.decision === 'answer') wrong++;
    } else if (p.decision === 'answer') {
      if (p.id === c.expect) correct++;
      else wrong++;
    } else if (p.suggestions?.includes(c.expect)) suggested++;
  }
  return { category, total: rows.length, correct, wrong, suggested, notAnswered };
}

/** Runs `predict` over `cases` and scores it per category and overall. */
export function evaluate(cases: readonly EvalCase[], predict: Predictor): EvalReport {
  const rows = cases.map((c) => ({ c, p: predict(c.q) }));
  const categories = [...new Set(cases.map((c) => c.category))].sort();
  const isOk = (r: { c: EvalCase; p: Prediction }): boolean =>
    r.c.expect === 'decline' ? r.p.decision !== 'answer' : r.p.decision === 'answer' && r.p.id === r.c.expect;
  return {
    categories: categories.map((cat) => score(cat, rows.filter((r) => r.c.category === cat))),
    answerable: score('all answerable', rows.filter((r) => r.c.expect !== 'decline')),
    unanswerable: score('all unanswerable', rows.filter((r) => r.c.expect === 'decline')),
    failures: rows.filter((r) => !isOk(r)).map((r) => ({ case: r.c, got: r.p })),
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
