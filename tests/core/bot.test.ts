import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });

describe('the bot', () => {
  it('answers a plain question with its entry and a verbatim citation', () => {
    const a = bot.ask('Who wrote the paper?');
    expect(a.decision).toBe('answer');
    expect(a.entry?.id).toBe('paper-author');
    const paragraph = bot.knowledge.paragraphs.find((p) => p.id === a.citations[0]?.paragraphId);
    expect(paragraph?.text).toContain(a.citations[0]?.quote);
    expect(a.citations[0]).toMatchObject({ section: 'About the author', url: 'https://www.robert-schuman.eu/en' });
  });

  it('answers the 2023 trade figure with the figure as printed', () => {
    const a = bot.ask('How much was Russia-China trade worth in 2023?');
    expect(a.decision).toBe('answer');
    expect(`${a.text} ${a.citations.map((c) => c.quote).join(' ')}`).toContain('$240 billion');
  });

  it('does not answer with an entry that never mentions a year, person or country of the question', () => {
    // The paper gives the 2022 deficit; 2019 is another question. It may suggest, never answer.
    const year = bot.ask('How big was the EU trade deficit with China in 2019?');
    expect(year.decision).not.toBe('answer');
    expect(year.suggestions.map((s) => s.id)).toContain('eu-china-trade-deficit');
    expect(bot.ask('What was in the 14th sanctions package?').decision).not.toBe('answer');
    expect(bot.ask("Who is China's ambassador to the EU?").decision).not.toBe('answer');
    // "India" is in the dictionary (india ink) but English writes it with a capital: a name.
    expect(bot.ask("What is India's position on the war in Ukraine?").decision).not.toBe('answer');
  });

  it('does not answer with an entry that never answers that kind of question', () => {
    // The paper says what the April 2022 summit failed to do, not where it was held.
    const where = bot.ask('Where was the April 2022 EU-China summit held?');
    expect(where.decision).not.toBe('answer');
    expect(where.confidence).toBeLessThanOrEqual(0.5);
    expect(bot.ask('What happened at the April 2022 EU-China summit?').entry?.id).toBe('eu-china-summit-april-2022');
  });

  it('answers "what is this paper about?" with the main argument, though all its words are stop words', () => {
    expect(bot.ask('What is this paper about?').entry?.id).toBe('main-argument');
  });

  it('suggests rather than answers a question made only of the words every entry uses', () => {
    const vague = bot.ask('What does the EU think of China?');
    expect(vague.decision).toBe('suggest');
    expect(vague.suggestions.length).toBeGreaterThan(0);
  });

  it('answers a question about a footnote ("footnote" is not a stop word)', () => {
    expect(bot.ask('What does footnote 1 say?').entry?.id).toBe('treaty-2001-less-binding');
  });

  it('never answers short social replies from the knowledge set ("no" is not "n°", "good" not "goods")', () => {
    for (const text of ['no thanks', 'is it good?', 'why?', 'ok', 'yes', 'more', 'tell me more']) {
      expect(bot.ask(text).decision, text).toBe('smalltalk');
    }
  });

  it('says what the paper does not give, with what it does say, as a suggestion', () => {
    const a = bot.ask('How long is the Russia-China border?');
    expect(a.decision).toBe('suggest');
    expect(a.text).toMatch(/^The paper does not give the length of the Russia-China border/);
    expect(a.suggestions.map((s) => s.id)).toEqual(['eu-russia-border-length']);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('explains its decision: candidates with features, vetoes and probabilities', () => {
    const e = bot.explain('How big was the EU trade deficit with China in 2019?');
    expect(e.answer.decision).not.toBe('answer');
    expect(e.reason).toMatch(/missingFigure/);
    const first = e.candidates[0];
    expect(first?.vetoes.missingFigure).toBe(true);
    expect(first?.probability).toBeGreaterThanOrEqual(0);
    expect(first?.probability).toBeLessThanOrEqual(1);
  });

  it('declines a question about the weather', () => {
    const a = bot.ask("What's the weather in Paris tomorrow?");
    expect(a.decision).toBe('decline');
    expect(a.entry).toBeUndefined();
    expect(a.text).toMatch(/topics/);
  });

  it('declines a country the paper never mentions', () => {
    expect(bot.ask('What does the paper say about India?').decision).toBe('decline');
  });

  it.each(['hi', 'Hello there!', 'thanks', 'thank you so much', 'help', 'what can you do?'])('treats "%s" as small talk, never an entry', (q) => {
    const a = bot.ask(q);
    expect(a.decision).toBe('smalltalk');
    expect(a.entry).toBeUndefined();
  });

  it('answers the question behind a greeting', () => {
    expect(bot.ask('hey, who wrote the paper?').entry?.id).toBe('paper-author');
  });

  it('offers at most 3 suggestions when unsure', () => {
    for (const q of ['china', 'trade', 'eu', 'russia war']) {
      const a = bot.ask(q);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
      if (a.decision === 'suggest') expect(a.suggestions.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['emoji only', '🚀🇨🇳🇷🇺'],
    ['control characters', '\u0000\u0007who\u001b[31m wrote\u0008 it'],
    ['100 KB of text', 'china russia trade '.repeat(6000)],
  ])('handles %s input safely', (_name, q) => {
    const a = bot.ask(q);
    expect(['answer', 'suggest', 'decline', 'smalltalk']).toContain(a.decision);
    expect(a.question.length).toBeLessThanOrEqual(2000);
    expect([...a.question].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('never throws and keeps confidence in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        const a = bot.ask(s);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(a.decision === 'answer').toBe(a.entry !== undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('answers an entry by id for buttons and returns undefined for an unknown id', () => {
    expect(bot.answerEntry('paper-issn')?.text).toContain('2402-614X');
    expect(bot.answerEntry('nope')).toBeUndefined();
  });

  it('lists every topic with examples', () => {
    const topics = bot.topics();
    expect(topics.map((t) => t.id)).toEqual(bot.knowledge.topics.map((t) => t.id));
    for (const t of topics) expect(t.examples.length).toBeGreaterThan(0);
  });
});
