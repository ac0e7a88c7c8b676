import { describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { createConversations } from '../../../src/core/conversation/conversations.js';
import { memoryContextStore, pickedSuggestion, type ContextStore } from '../../../src/core/conversation/followUp.js';
import { swapActors } from '../../../src/core/conversation/turnAround.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { fakeClock, recordingLogger } from '../digest/fakes.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });
const setup = (contexts: ContextStore = memoryContextStore()) => {
  const clock = fakeClock('2026-12-01T12:00:00Z');
  const recorded: string[] = [];
  const logger = recordingLogger();
  const conversations = createConversations({ bot, contexts, clock, logger, record: (q) => recorded.push(typeof q === 'string' ? q : q.text) });
  const say = (text: string, conversation = 'c1') => conversations.reply({ text, conversation });
  return { clock, recorded, logger, say };
};

describe('follow-up questions', () => {
  it('reads "when?" with the previous question', async () => {
    const { say } = setup();
    expect((await say('has xi talked to zelensky since the invasion?')).answer.entry?.id).toBe('xi-zelensky-call');
    const when = await say('when?');
    expect(when.followUp).toBe(true);
    expect(when.answer.entry?.id).toBe('xi-zelensky-call');
    expect(when.answer.text).toMatch(/26 April/);
  });

  it('never answers a bare "what year?" alone with an entry far from the conversation', async () => {
    const { say } = setup();
    expect((await say('What treaty underpins the political and geostrategic interests between Russia and China?')).answer.entry?.id).toBe('treaty-good-neighbourliness-2001');
    expect(bot.ask('what year?').entry?.id).toBe('paper-date');
    const year = await say('what year?');
    expect(year.followUp).toBe(true);
    expect(year.answer.entry?.id).toBe('treaty-good-neighbourliness-2001');
  });

  it('after a "did you mean", offers it again for a follow-up it cannot place, rather than any entry', async () => {
    const { say } = setup();
    const first = await say("How did the 1950 Soviet-Chinese treaty treat the newly founded People's Republic?");
    expect(first.answer.decision).toBe('suggest');
    expect(bot.ask('why did it get better').decision).toBe('answer');
    const why = await say('why did it get better');
    expect(why.answer.decision).toBe('suggest');
    expect(why.answer.suggestions.map((e) => e.id)).toEqual(first.answer.suggestions.map((e) => e.id));
  });

  it('after a "did you mean", answers a follow-up that, read with the question asked, lands on one of the suggestions', async () => {
    const { say } = setup();
    const first = await say('What was the atmosphere between the Soviet Union and the newly founded PRC at the start of the 1950s?', 'w');
    expect(first.answer.decision).toBe('suggest');
    expect(first.answer.suggestions.length).toBeGreaterThan(1);
    expect(first.answer.suggestions.map((e) => e.id)).toContain('socialist-fraternity-stalin-mao');
    expect(bot.ask('when?').entry?.id).not.toBe('socialist-fraternity-stalin-mao');
    const when = await say('when?', 'w');
    expect(when.followUp).toBe(true);
    expect(when.answer.entry?.id).toBe('socialist-fraternity-stalin-mao');
  });

  it('moves to the neighbouring entry the follow-up asks about instead of repeating the last one', async () => {
    const { say } = setup();
    expect((await say('By how much did European exports to China rise by 2022?', 'x')).answer.entry?.id).toBe('eu-exports-to-china-growth');
    expect((await say("and china's exports to the eu?", 'x')).answer.entry?.id).toBe('china-exports-to-eu-growth');
    expect((await say("Has the Sino-Russian relationship gone beyond an 'axis of convenience'?", 'y')).answer.entry?.id).toBe('beyond-axis-of-convenience');
    const term = await say('whose term is that', 'y');
    expect(term.followUp).toBe(true);
    expect(term.answer.entry?.id).toBe('bobo-lo-axis-of-convenience');
  });

  it('answers a short question of its own on its own, rather than moving to a neighbour of the last entry', async () => {
    const { say } = setup();
    expect((await say('How does the author describe the relationship between Putin and Xi personally?', 'n')).answer.entry?.id).toBe('putin-xi-personal-chemistry');
    // Its own words (trade, meet, official, target): not "officially describe their partnership", the last entry's neighbour.
    const trade = await say('Did Sino-Russian trade meet its official target?', 'n');
    expect(trade.answer.entry?.id).toBe('trade-official-target');
    expect(trade.followUp).toBe(false);
  });

  it('turns the last question around for "and the other way round?" and "and china to russia?"', async () => {
    const { say } = setup();
    expect((await say('By how much did European exports to China rise by 2022?', 'r')).answer.entry?.id).toBe('eu-exports-to-china-growth');
    const reverse = await say('and the other way round?', 'r');
    expect(reverse.followUp).toBe(true);
    expect(reverse.answer.entry?.id).toBe('china-exports-to-eu-growth');
    expect((await say('what does russia mainly sell to china', 's')).answer.entry?.id).toBe('russian-exports-raw-materials');
    expect((await say('and china to russia?', 's')).answer.entry?.id).toBe('chinese-exports-manufactured-goods');
  });

  it('never answers "and the other way round?" alone when the last question has nothing to turn around', async () => {
    const { say } = setup();
    expect((await say('when was the paper published?', 'o')).answer.entry?.id).toBe('paper-date');
    expect(bot.ask('and the other way round?').decision).toBe('answer');
    expect((await say('and the other way round?', 'o')).answer.decision).not.toBe('answer');
  });

  it('swaps the first two actors form for form, and leaves "us" alone', () => {
    expect(swapActors("Is China Russia's leading trading partner?")).toBe("Is Russia China's leading trading partner?");
    expect(swapActors('by how much did eu exports to china grow')).toBe('by how much did China exports to Europe grow');
    expect(swapActors('Did Moscow warn Beijing? Tell us')).toBe('Did Beijing warn Moscow? Tell us');
    expect(swapActors('What does China want?')).toBeUndefined();
  });

  it('answers "and then?" with the entry that comes next in the paper', async () => {
    const { say } = setup();
    expect((await say("how were relations between stalin's ussr and mao's china in the early 1950s", 'h')).answer.entry?.id).toBe('socialist-fraternity-stalin-mao');
    const then = await say('and then?', 'h');
    expect(then.followUp).toBe(true);
    expect(then.answer.entry?.id).toBe('relations-sour-1960-1980');
    const next = await say('and after that?', 'h');
    expect(next.answer.entry?.id).toBe('gorbachev-deng-improvement');
  });

  it('declines an unrelated question after a French answer, in English, without offering the last entry', async () => {
    const { say } = setup();
    expect((await say('Qui est l’auteur de cette note ?', 'm')).answer.language).toBe('fr');
    const mars = await say('What is the weather like on Mars tomorrow?', 'm');
    expect(mars.answer.decision).toBe('decline');
    expect(mars.answer.language).toBe('en');
    expect(mars.followUp).toBe(false);
  });

  it('answers "tell me more" with the entry the curator named as more', async () => {
    const { say } = setup();
    await say('How much was trade between Russia and China worth in 2023?');
    const more = await say('tell me more');
    expect(more.followUp).toBe(true);
    expect(more.answer.decision).toBe('answer');
    expect(more.answer.entry?.id).toBe(bot.knowledge.entries.find((e) => e.id === 'trade-value-2023')?.more);
    expect(more.answer.entry?.id).toBe('trade-asymmetry');
  });

  it('answers "why?" with the entry its curator named as the reason, and "tell me more" with the one named as more', async () => {
    const { say } = setup();
    expect((await say("Is China's attitude to the war in Ukraine clear-cut?")).answer.entry?.id).toBe('china-ambiguous-stance-ukraine');
    const why = await say('why is that?');
    expect(why.followUp).toBe(true);
    expect(why.answer.entry?.id).toBe('china-interest-in-prolonged-war');
    const more = await say('tell me more');
    expect(more.answer.entry?.id).toBe('why-china-stood-by-russia');
    expect(bot.knowledge.entries.find((e) => e.id === 'china-interest-in-prolonged-war')?.related).not.toContain('why-china-stood-by-russia');
  });

  it('weighs a "why" that says something of its own instead of jumping to the named reason', async () => {
    const { say } = setup();
    await say("Is China's attitude to the war in Ukraine clear-cut?");
    const why = await say('why did the paper cite the 2001 treaty?');
    expect(why.answer.entry?.id).not.toBe('china-interest-in-prolonged-war');
  });

  it('picks a "did you mean" entry by its number, or the first one with "yes"', async () => {
    const { say } = setup();
    const offered = (await say('What does the EU think of China?', 'n')).answer.suggestions.map((s) => s.id);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect((await say('2', 'n')).answer.entry?.id).toBe(offered[1]);
    await say('What does the EU think of China?', 'y');
    expect((await say('yes', 'y')).answer.entry?.id).toBe(offered[0]);
    expect(pickedSuggestion('the second one', 3)).toBe(1);
    expect(pickedSuggestion('4', 3)).toBeUndefined();
  });

  it('keeps conversations apart and forgets one after 30 minutes', async () => {
    const { say, clock } = setup();
    await say('How much was trade between Russia and China worth in 2023?', 'a');
    expect((await say('tell me more', 'b')).answer.decision).not.toBe('answer');
    clock.advance(31 * 60_000);
    const late = await say('tell me more', 'a');
    expect(late.followUp).toBe(false);
    expect(late.answer.decision).not.toBe('answer');
  });

  it('answers a complete new question on its own, not through the previous one', async () => {
    const { say } = setup();
    await say('How much was trade between Russia and China worth in 2023?');
    const fresh = await say('Who wrote the paper?');
    expect(fresh.followUp).toBe(false);
    expect(fresh.answer.entry?.id).toBe('paper-author');
  });

  it('answers a question about the paper itself on its own, whatever was asked before', async () => {
    const { say } = setup();
    await say('is russia more dependent on china than china is on russia');
    const author = await say('who is the author');
    expect(author.followUp).toBe(false);
    expect(author.answer.entry?.id).toBe('paper-author');
    await say('has china been reaching out to european leaders lately');
    expect((await say('When was this paper published?')).answer.entry?.id).toBe('paper-date');
  });

  it('never answers "why?", "ok" or "no thanks" from the knowledge set without a previous answer', async () => {
    const { say } = setup();
    for (const text of ['why?', 'ok', 'no thanks', 'is it good?', 'yes', 'more', 'tell me more', '1']) {
      expect((await say(text, `alone:${text}`)).answer.decision, text).not.toBe('answer');
    }
  });

  it('reads "and in 2019?" as the same question of another year, not as a question about 2019 on its own', async () => {
    const { say } = setup();
    expect((await say('how much was russia-china trade worth in 2023?')).answer.entry?.id).toBe('trade-value-2023');
    expect(bot.ask('and in 2019?').decision).toBe('answer');
    const other = await say('and in 2019?');
    expect(other.followUp).toBe(true);
    expect(other.answer.decision).not.toBe('answer');
    expect(other.answer.suggestions.map((e) => e.id)).toContain('trade-value-2023');
  });

  it('reads "who exactly was sanctioned?" as asking about what was just said, not as a question of its own', async () => {
    const { say } = setup();
    expect((await say('did the eu sanction china over the uyghurs?')).answer.entry?.id).toBe('eu-china-uyghur-sanctions');
    expect(bot.ask('who exactly was sanctioned?').entry?.id).toBe('eu-russia-sanctions-packages');
    const who = await say('who exactly was sanctioned?');
    expect(who.answer.decision).not.toBe('answer');
  });

  it('answers without the context, and says so in the log, when the context store fails', async () => {
    const broken: ContextStore = {
      context: () => Promise.reject(new Error('disk gone')),
      saveContext: () => Promise.reject(new Error('disk gone')),
    };
    const { say, logger, recorded } = setup(broken);
    const reply = await say('Who wrote the paper?');
    expect(reply.answer.entry?.id).toBe('paper-author');
    expect(recorded).toEqual(['Who wrote the paper?']);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'conversation context read failed; answering without it',
      'conversation context write failed; answering without it',
    ]);
  });
});

describe('the platform locale in a conversation', () => {
  it('stays the language hint, with or without a previous answer', async () => {
    const clock = fakeClock('2026-12-01T12:00:00Z');
    const conversations = createConversations({ bot, contexts: memoryContextStore(), clock });
    const ask = (text: string) => conversations.reply({ text, conversation: 'c-fr', locale: 'fr-FR' });
    expect((await ask('ISSN?')).answer.language).toBe('fr');
    expect((await ask('ISSN?')).answer.language).toBe('fr');
  });
});

describe('French and German follow-ups', () => {
  const entryText = (id: string, language: 'fr' | 'de') => bot.knowledge.entries.find((e) => e.id === id)?.translations?.[language];

  it('answer "dis-m\'en plus" and "erzähl mehr" with the curated more entry, in the conversation\'s language', async () => {
    const { say } = setup();
    const first = { fr: 'Quelle était la valeur du commerce entre la Russie et la Chine en 2023 ?', de: 'Wie hoch war der Handel zwischen Russland und China 2023?' };
    for (const [text, conversation] of [["dis-m'en plus", 'fr'], ['Dites-m’en plus, s’il vous plaît', 'fr'], ['erzähl mehr', 'de'], ['Erzählen Sie mir mehr', 'de']] as const) {
      expect((await say(first[conversation], text)).answer.entry?.id).toBe('trade-value-2023');
      const more = await say(text, text);
      expect(more.followUp, text).toBe(true);
      expect(more.answer.language, text).toBe(conversation);
      expect(more.answer.entry?.id, text).toBe('trade-asymmetry');
      expect(more.answer.text, text).toBe(entryText(more.answer.entry?.id ?? '', conversation)?.answer);
    }
  });

  it('read "pourquoi ?", "quand ?" and "wann?" with the previous question', async () => {
    const { say } = setup();
    expect((await say('La Chine a-t-elle condamné l’invasion de l’Ukraine ?', 'why')).answer.entry?.id).toBe('why-china-stood-by-russia');
    const why = await say('pourquoi ?', 'why');
    expect([why.followUp, why.answer.entry?.id, why.answer.language]).toEqual([true, 'why-china-stood-by-russia', 'fr']);
    await say('Xi a-t-il parlé à Zelensky depuis l’invasion ?', 'quand');
    const when = await say('quand ?', 'quand');
    expect([when.followUp, when.answer.entry?.id, when.answer.language]).toEqual([true, 'xi-zelensky-call', 'fr']);
    expect(when.answer.text).toMatch(/26 avril/);
    await say('Hat Xi seit der Invasion mit Selenskyj gesprochen?', 'wann');
    const wann = await say('wann?', 'wann');
    expect([wann.followUp, wann.answer.entry?.id, wann.answer.language]).toEqual([true, 'xi-zelensky-call', 'de']);
    expect(wann.answer.text).toMatch(/26\. April/);
  });

  it('read "et l\'UE ?" and "und die EU?" as a new subject, never the previous entry, in the conversation\'s language', async () => {
    const { say } = setup();
    await say('Xi a-t-il parlé à Zelensky depuis l’invasion ?', 'fr');
    await say('Hat Xi seit der Invasion mit Selenskyj gesprochen?', 'de');
    for (const [text, conversation] of [["et l'UE ?", 'fr'], ['und die EU?', 'de']] as const) {
      const reply = await say(text, conversation);
      expect(reply.answer.language, text).toBe(conversation);
      expect(reply.answer.entry?.id, text).not.toBe('xi-zelensky-call');
      expect(reply.answer.decision, text).not.toBe('decline');
    }
  });

  it('answer "1", "le deuxième" or "die erste" after a French or German "did you mean" in that language', async () => {
    const { say } = setup();
    const offered = (await say('Que pense l’UE de la Chine ?', 'n')).answer;
    expect([offered.decision, offered.language]).toEqual(['suggest', 'fr']);
    const picked = await say('1', 'n');
    expect([picked.answer.entry?.id, picked.answer.language]).toEqual([offered.suggestions[0]?.id, 'fr']);
    expect(pickedSuggestion('le deuxième', 3)).toBe(1);
    expect(pickedSuggestion('la troisième', 3)).toBe(2);
    expect(pickedSuggestion('die erste', 3)).toBe(0);
    expect(pickedSuggestion('Nummer 2', 3)).toBe(1);
    expect(pickedSuggestion('oui', 3)).toBe(0);
    expect(pickedSuggestion('ja bitte', 3)).toBe(0);
  });

  it('asks what the follow-up asks: "when was the last one?" after a count is not answered with the count', async () => {
    const { say } = setup();
    expect((await say('How many times have Putin and Xi met, according to the paper?')).answer.entry?.id).toBe('putin-xi-meetings');
    const when = await say('when was the last one?');
    expect(when.answer.decision).not.toBe('answer');
  });
});
