import { describe, expect, it } from 'vitest';
import { notGivenNotes } from '../../../src/core/answer/notGiven.js';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { MAX_MATCH_CHARS } from '../../../src/core/text/normalize.js';

describe('the "does not say" notes', () => {
  const bot = createBot({ knowledge: loadKnowledge('knowledge') });
  const entry = bot.knowledge.entries.find((e) => e.id === 'xi-zelensky-call');
  if (!entry) throw new Error('no xi-zelensky-call entry');

  it('count as specific only words the entry never uses, however long its phrasings are', () => {
    // A phrasing far past the length a question is read to, using the word the note also asks with.
    const filler = Array.from({ length: 40 }, (_, i) => `when did the leaders meet number ${i}`);
    const long = { ...entry, alternates: [...filler, 'did the two presidents telephone'], notGiven: [{ asks: ['who telephoned whom in what year'], note: 'The paper does not say.' }] };
    expect([long.question, ...long.alternates].join(' ').length).toBeGreaterThan(2 * MAX_MATCH_CHARS);
    const note = notGivenNotes([long], (t) => bot.terms(t)).get(`${entry.id}~not-given-1`);
    expect(note).toBeDefined();
    expect([...(note?.specific ?? [])]).toContain('year');
    expect([...(note?.specific ?? [])]).not.toContain(bot.terms('telephone').values().next().value);
  });

  it('does not answer what two leaders said to each other with the entry that only says they talked', () => {
    const said = bot.ask('What did Xi say to Zelensky during their April call?');
    expect(said.decision).toBe('suggest');
    expect(said.suggestions.map((s) => s.id)).toContain('xi-zelensky-call');
    expect(bot.ask('when did xi and zelensky talk?').entry?.id).toBe('xi-zelensky-call');
  });
});
