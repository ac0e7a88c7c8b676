import { afterEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../../src/core/digest/compose.js';
import { renderDigestText } from '../../../src/core/digest/render-text.js';
import type { QuestionRecord } from '../../../src/core/store.js';
import { fakeClock, tempStore, tinyBot } from './fakes.js';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function setup() {
  const store = tempStore(fakeClock('2024-03-01T00:00:00Z'));
  opened.push(store);
  return { store, bot: tinyBot(5) };
}

const asked = (at: string, decision: QuestionRecord['decision'], entryId?: string, channel = 'slack:C1'): QuestionRecord => ({
  at: new Date(at),
  platform: 'slack',
  channel,
  question: `q at ${at}`,
  decision,
  confidence: 0.5,
  ...(entryId ? { entryId } : {}),
});

describe('composeDigest', () => {
  it('gives the entry of the day with its citations, and no "yesterday" without questions', async () => {
    const { store, bot } = setup();
    const d = await composeDigest({ bot, store }, { channel: 'slack:C1', timeZone: 'Europe/Paris', day: '2024-03-05' });
    expect(d.insight.decision).toBe('answer');
    expect(d.insight.citations[0]).toMatchObject({ section: 'Section one', url: 'https://example.org/paper' });
    expect(d.insight.citations[0]?.quote).toBe(`Quote for ${d.insight.entry?.id}`);
    expect(d.yesterday).toBeUndefined();
  });

  it('summarises the channel\'s previous local day: questions, the most asked entry, the unanswered', async () => {
    const { store, bot } = setup();
    for (const r of [
      asked('2024-03-03T22:59:00Z', 'answer', 'e1'), // 23:59 on the 3rd in Paris: not yesterday
      asked('2024-03-03T23:00:00Z', 'answer', 'e2'), // 00:00 on the 4th
      asked('2024-03-04T12:00:00Z', 'answer', 'e2'),
      asked('2024-03-04T13:00:00Z', 'answer', 'e3'),
      asked('2024-03-04T14:00:00Z', 'decline'),
      asked('2024-03-04T15:00:00Z', 'suggest', 'e4'),
      asked('2024-03-04T16:00:00Z', 'smalltalk'),
      asked('2024-03-04T17:00:00Z', 'answer', 'e2', 'slack:OTHER'),
      asked('2024-03-04T23:00:00Z', 'answer', 'e5'), // 00:00 on the 5th: today
    ]) {
      await store.logQuestion(r);
    }
    const d = await composeDigest({ bot, store }, { channel: 'slack:C1', timeZone: 'Europe/Paris', day: '2024-03-05' });
    expect(d.yesterday).toEqual({ questions: 5, unanswered: 2, mostAsked: { id: 'e2', question: 'Question e2?', count: 2 } });
  });

  it('names no "most asked" entry when none was asked twice', async () => {
    const { store, bot } = setup();
    await store.logQuestion(asked('2024-03-04T12:00:00Z', 'answer', 'e1'));
    const d = await composeDigest({ bot, store }, { channel: 'slack:C1', timeZone: 'UTC', day: '2024-03-05' });
    expect(d.yesterday).toEqual({ questions: 1, unanswered: 0 });
  });

  it('renders as text with the title, the entry, numbered sources and yesterday', async () => {
    const { store, bot } = setup();
    await store.logQuestion(asked('2024-03-04T12:00:00Z', 'decline'));
    const d = await composeDigest({ bot, store }, { channel: 'slack:C1', timeZone: 'UTC', day: '2024-03-05' });
    const text = renderDigestText(d);
    expect(text.split('\n')[0]).toBe('EU-China digest · 5 March 2024');
    expect(text).toContain(`Insight of the day: ${d.insight.entry?.question}`);
    expect(text).toMatch(/\[1\] Section 'Section one', paragraph \d of \d: "Quote for e\d"/);
    expect(text).toContain('Asked here yesterday: 1 question; 1 I could not answer.');
  });
});
