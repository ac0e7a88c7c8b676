import { describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });

/** The candidate `id` of the explanation of `q` (read in its own language only). */
function candidate(q: string, id: string) {
  const found = bot.explain(q, { ownIndexOnly: true }).candidates.find((c) => c.ranked.entry.id === id);
  expect(found, `${id} is a candidate for "${q}"`).toBeDefined();
  return found;
}

describe('the kind of question asked, against the kinds an entry answers', () => {
  it.each([
    // Two questions in one: the entry answers one of the kinds asked (a start date, a president).
    ['Fondation Robert Schuman – seit wann gibts die und wer ist Praesident?', 'foundation-president'],
    ['La Fondation Robert Schuman, elle existe depuis quand et qui la préside ?', 'foundation-president'],
    // "seven years of negotiations" is a figure, spelt out.
    ['How many years did it take to negotiate the EU-China investment deal?', 'eu-china-investment-agreement-signed'],
    // A relative "where" asks for no place.
    ['Did Moscow want a proper alliance where each side has to help if the other is attacked?', 'no-formal-alliance-obligations'],
  ])('is no mismatch for "%s" (%s)', (q, id) => {
    expect(candidate(q, id)?.vetoes.typeMismatch).toBe(false);
    expect(bot.ask(q)).toMatchObject({ decision: 'answer', entry: { id } });
  });

  it('still rules out an entry that answers none of the kinds asked', () => {
    expect(candidate('Who presides the Fondation Robert Schuman?', 'foundation-president')?.vetoes.typeMismatch).toBe(false);
    expect(candidate('Where does the Fondation Robert Schuman have its offices, and who presides it?', 'foundation-president')?.vetoes.typeMismatch).toBe(false);
    expect(candidate('Why did Pierre Andrieu write this paper?', 'paper-author')?.vetoes.typeMismatch).toBe(true);
  });
});

describe('a "does not say" note nearly as close as its entry', () => {
  it('is read first when the question uses its specific word', () => {
    const q = 'In what year did the 26 April conversation between Xi and Zelensky take place?';
    const e = bot.explain(q, { ownIndexOnly: true });
    expect(e.reason).toBe('not given: xi-zelensky-call~not-given-1');
    expect(e.answer.text).toMatch(/without giving the year/);
    expect(bot.ask('When did Xi Jinping talk to Zelensky?')).toMatchObject({ decision: 'answer', entry: { id: 'xi-zelensky-call' } });
  });
});

