import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const knowledge = loadKnowledge('knowledge');
const bot = createBot({ knowledge });
const author = knowledge.entries.find((e) => e.id === 'paper-author');

describe('French and German questions', () => {
  it('answers a French question in French, citing the English original verbatim', () => {
    const a = bot.ask('Qui a écrit ce document ?');
    expect(a).toMatchObject({ decision: 'answer', language: 'fr', entry: { id: 'paper-author', question: author?.translations?.fr?.question } });
    expect(a.text).toBe(author?.translations?.fr?.answer);
    expect(a.citations.map((c) => c.quote)).toEqual(author?.citations.map((c) => c.quote));
  });

  it('answers a German question in German, with or without umlauts', () => {
    for (const q of ['Wer hat das Papier geschrieben?', 'wer ist der verfasser von dem papier']) {
      const a = bot.ask(q);
      expect(a, q).toMatchObject({ decision: 'answer', language: 'de', entry: { id: 'paper-author' } });
      expect(a.text).toBe(author?.translations?.de?.answer);
    }
  });

  it('declines in the asker\'s language, saying what the bot can do', () => {
    const fr = bot.ask('Quel temps fera-t-il à Paris demain ?');
    expect(fr).toMatchObject({ decision: 'decline', language: 'fr' });
    expect(fr.text).toMatch(/^Désolé.*Je réponds aux questions sur « Sino-Russian relations in a geopolitical Europe ».*en français, en allemand ou en anglais/);
    const de = bot.ask('Wer wird morgen Fußballmeister?');
    expect(de).toMatchObject({ decision: 'decline', language: 'de' });
    expect(de.text).toMatch(/^Das finde ich im Papier leider nicht\..*Ich beantworte Fragen zu „Sino-Russian relations/);
  });

  it('takes the platform locale as the hint when the text cannot tell', () => {
    expect(bot.ask({ text: 'ISSN?', locale: 'de-DE' }).language).toBe('de');
    expect(bot.ask({ text: 'ISSN?', locale: 'fr-CA' }).language).toBe('fr');
    expect(bot.ask('ISSN?').language).toBe('en');
  });

  it('replies to small talk in the language it is written in', () => {
    expect(bot.ask('merci beaucoup')).toMatchObject({ decision: 'smalltalk', language: 'fr', text: expect.stringMatching(/^Avec plaisir/) });
    expect(bot.ask('danke schön')).toMatchObject({ decision: 'smalltalk', language: 'de', text: expect.stringMatching(/^Gern geschehen/) });
  });

  it('gives an entry, topics and the about line in a chosen language', () => {
    expect(bot.answerEntry('paper-author', 'de')?.text).toBe(author?.translations?.de?.answer);
    const topics = bot.topics(1, 'fr');
    expect(topics.map((t) => t.title)).toEqual(knowledge.topics.map((t) => t.titles?.fr));
    expect(bot.about('fr')).toMatch(/^Je réponds aux questions sur/);
    expect(bot.languages).toEqual(['en', 'fr', 'de']);
  });

  it('keeps English questions English', () => {
    const a = bot.ask('Who wrote the paper?');
    expect(a).toMatchObject({ decision: 'answer', language: 'en', text: author?.answer });
  });
});

describe('the other languages tried before declining', () => {
  it('keep the entries a follow-up excludes', () => {
    // "ISSN?" tells no language: English first, then the French and German indexes.
    const e = bot.explain('ISSN?', { exclude: ['paper-issn'] });
    expect(e.answer.entry?.id).not.toBe('paper-issn');
    expect(e.answer.suggestions.map((s) => s.id)).not.toContain('paper-issn');
  });
});

describe('which other languages are tried', () => {
  it('tries only English for a text read as French, never German (train: that try answered wrongly)', () => {
    for (const q of ["En quelle année a eu lieu l'appel Xi–Zelensky du 26 avril ?", 'Quel traité sert de base aux relations russo-chinoises, et il date de quand ?']) {
      const e = bot.explain(q);
      expect(e.reason, q).not.toMatch(/matched in de/);
      expect(e.language, q).toBe('fr');
    }
  });

  it('still tries every language when the text gave no language (a short French question defaulted to English)', () => {
    const e = bot.explain('auteur ?');
    expect(e.reason).toMatch(/matched in fr, asked in en/);
    expect(e.answer).toMatchObject({ decision: 'answer', entry: { id: 'paper-author' } });
  });
});
