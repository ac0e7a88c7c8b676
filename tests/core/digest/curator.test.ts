import { describe, expect, it } from 'vitest';
import { buildCuratorReport, jaccard } from '../../../src/core/digest/curator.js';
import type { FeedbackRecord, LoggedQuestion } from '../../../src/core/store.js';
import { tinyKnowledge } from './fakes.js';

const at = new Date('2024-03-01T10:00:00Z');
const q = (question: string, decision: LoggedQuestion['decision'], entryId?: string): LoggedQuestion => ({ at, platform: 'slack', question, decision, confidence: 0.2, ...(entryId ? { entryId } : {}) });
const click = (entryId: string, helpful: boolean): FeedbackRecord => ({ at, platform: 'slack', userHash: 'h', entryId, helpful });

function report(questions: LoggedQuestion[], feedback: FeedbackRecord[] = []) {
  return buildCuratorReport({ knowledge: tinyKnowledge(5), questions, feedback, since: new Date('2024-02-23T00:00:00Z'), until: new Date('2024-03-02T00:00:00Z') });
}

describe('the curator report', () => {
  it('groups near-duplicate unanswered questions and counts them, most frequent first', () => {
    const r = report([
      q('What is the weather in Beijing?', 'decline'),
      q('what is the weather in beijing', 'decline'),
      q('Weather in Beijing today?', 'decline'),
      q('Who is the president of Peru?', 'decline'),
      q('Who wrote it?', 'answer', 'e1'),
    ]);
    expect(r.unanswered.map((g) => [g.example, g.count])).toEqual([
      ['What is the weather in Beijing?', 3],
      ['Who is the president of Peru?', 1],
    ]);
    expect(r.unanswered[0]?.variants).toEqual(['What is the weather in Beijing?', 'what is the weather in beijing', 'Weather in Beijing today?']);
    expect(r.unanswered[0]?.hint).toMatch(/add an entry to knowledge\/qa\//);
  });

  it('suggests adding the wording as an alternate when one entry was offered for most of a group', () => {
    const r = report([q('Question e2 please', 'suggest', 'e2'), q('question e2 please!', 'suggest', 'e2'), q('question e2, please', 'decline')]);
    expect(r.unanswered).toHaveLength(1);
    expect(r.unanswered[0]).toMatchObject({ count: 3, declined: 1, suggested: 2, suggestedEntry: { id: 'e2', file: 'qa/tiny.yaml' } });
    expect(r.unanswered[0]?.hint).toBe('If e2 answers it, add "Question e2 please" to its alternates in qa/tiny.yaml; otherwise add a new entry.');
  });

  it('lists entries with Not helpful clicks and the most asked entries, with totals', () => {
    const r = report(
      [q('a', 'answer', 'e1'), q('b', 'answer', 'e1'), q('c', 'answer', 'e3'), q('hi', 'smalltalk'), q('x', 'decline')],
      [click('e3', false), click('e3', false), click('e3', true), click('e1', true), click('gone', false)],
    );
    expect(r.totals).toEqual({ questions: 5, answered: 3, suggested: 0, declined: 1, smalltalk: 1 });
    expect(r.notHelpful.map((e) => [e.id, e.notHelpful, e.helpful])).toEqual([['e3', 2, 1], ['gone', 1, 0]]);
    expect(r.notHelpful[0]?.hint).toMatch(/Reread e3 in qa\/tiny\.yaml/);
    expect(r.mostAsked.map((e) => [e.id, e.count, e.question])).toEqual([['e1', 2, 'Question e1?'], ['e3', 1, 'Question e3?']]);
  });

  it('measures similarity as token Jaccard', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'd']))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
