import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { evaluate, expectedIds, loadDevSet } from './evaluate.js';

// The bars: 95% of answerable questions answered with the right entry and 95% of
// unanswerable ones not answered. Measured: 95.0% (210 of 221, so one more miss fails) and 98.7%.
const BARS = { answerable: 0.95, unanswerable: 0.95 };

describe('the development set', () => {
  const bot = createBot({ knowledge: loadKnowledge('knowledge') });
  const cases = loadDevSet();
  const report = evaluate(cases, (q) => {
    const a = bot.ask(q);
    return { decision: a.decision, id: a.entry?.id, suggestions: a.suggestions.map((s) => s.id) };
  });

  it('has at least 200 questions, 40 of them unanswerable', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(report.unanswerable.total).toBeGreaterThanOrEqual(40);
  });

  it('expects only entries that exist', () => {
    const ids = new Set(bot.knowledge.entries.map((e) => e.id));
    expect(cases.flatMap((c) => expectedIds(c)).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives a wrong answer to at most 3% of answerable questions', () => {
    expect(report.answerable.wrong / report.answerable.total).toBeLessThanOrEqual(0.03);
  });

  it('does not answer unanswerable questions', () => {
    expect(report.unanswerable.right / report.unanswerable.total).toBeGreaterThanOrEqual(BARS.unanswerable);
  });

  it('answers answerable questions with the right entry', () => {
    expect(report.answerable.right / report.answerable.total).toBeGreaterThanOrEqual(BARS.answerable);
  });
});
