/**
 * The follow-up evaluation (tests/eval/followups/*.jsonl): each case is a first question, then a
 * short follow-up asked in the same conversation; the follow-up is right when it is answered with
 * an expected entry (or, for "decline", not answered). Conversations are independent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Bot } from '../../src/core/bot.js';
import { createConversations } from '../../src/core/conversation/conversations.js';
import { memoryContextStore } from '../../src/core/conversation/followUp.js';
import { EVAL_DIR, expectedIds, type CategoryScore, type EvalCase } from './evaluate.js';

const ids = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const caseSchema = z.object({ context: z.string(), contextExpect: ids, followup: z.string(), expect: ids, kind: z.string().min(1) });
export type FollowUpCase = z.infer<typeof caseSchema>;

/** The cases of tests/eval/followups/<name>.jsonl. */
export function loadFollowUps(name: string): FollowUpCase[] {
  return readFileSync(join(EVAL_DIR, 'followups', `${name}.jsonl`), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = caseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`followups/${name}.jsonl:${i + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

/**
 * The other trap: a complete new question asked in a conversation about something else must be
 * answered as on its own. Each short (at most 8 words) answerable question of `questions` is asked
 * after the first question of a follow-up case (the i-th question after case 7i, deterministic),
 * unless that case's entries are among the question's own; kind "new-question".
 */
export function newQuestionCases(contexts: readonly FollowUpCase[], questions: readonly EvalCase[]): FollowUpCase[] {
  const short = questions.filter((q) => q.category === 'answerable' && q.q.split(/\s+/).length <= 8);
  return short.flatMap((q, i) => {
    const c = contexts[(i * 7) % contexts.length];
    if (!c) return [];
    const overlap = expectedIds({ expect: q.expect }).some((id) => expectedIds({ expect: c.contextExpect }).includes(id));
    return overlap ? [] : [{ context: c.context, contextExpect: c.contextExpect, followup: q.q, expect: q.expect, kind: 'new-question' }];
  });
}

export interface FollowUpReport {
  /** Per kind and overall ("all"): right = answered with an expected entry (decline: not answered). */
  readonly kinds: readonly CategoryScore[];
  /** How often the first question itself was answered right (the context the follow-up relies on). */
  readonly contextRight: number;
  readonly failures: readonly { case: FollowUpCase; got: string }[];
}

/** Plays every case as its own conversation through the real conversation service. */
export async function evaluateFollowUps(bot: Bot, cases: readonly FollowUpCase[]): Promise<FollowUpReport> {
  const conversations = createConversations({ bot, contexts: memoryContextStore(), clock: { now: () => new Date('2026-12-01T12:00:00Z') } });
  const rows: { c: FollowUpCase; outcome: 'right' | 'wrong' | 'suggested' | 'declined'; got: string }[] = [];
  let contextRight = 0;
  for (const [i, c] of cases.entries()) {
    const first = await conversations.reply({ text: c.context, conversation: `eval:${i}` });
    if (first.answer.entry && expectedIds({ expect: c.contextExpect }).includes(first.answer.entry.id)) contextRight++;
    const { answer } = await conversations.reply({ text: c.followup, conversation: `eval:${i}` });
    const want = expectedIds(c);
    const got = answer.decision === 'answer' ? (answer.entry?.id ?? '') : `${answer.decision} [${answer.suggestions.map((s) => s.id).join(', ')}]`;
    const answered = answer.decision === 'answer' ? answer.entry?.id : undefined;
    const outcome =
      want.length === 0
        ? answered === undefined ? 'right' : 'wrong'
        : answered !== undefined ? (want.includes(answered) ? 'right' : 'wrong') : answer.suggestions.some((s) => want.includes(s.id)) ? 'suggested' : 'declined';
    rows.push({ c, outcome, got });
  }
  const score = (category: string, rs: typeof rows): CategoryScore => ({
    category,
    total: rs.length,
    right: rs.filter((r) => r.outcome === 'right').length,
    wrong: rs.filter((r) => r.outcome === 'wrong').length,
    suggested: rs.filter((r) => r.outcome === 'suggested').length,
    declined: rs.filter((r) => r.outcome === 'declined').length,
  });
  const kinds = [...new Set(cases.map((c) => c.kind))].sort();
  return {
    kinds: [...kinds.map((k) => score(k, rows.filter((r) => r.c.kind === k))), score('all', rows)],
    contextRight,
    failures: rows.filter((r) => r.outcome !== 'right').map((r) => ({ case: r.c, got: r.got })),
  };
}
