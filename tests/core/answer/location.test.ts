import { describe, expect, it } from 'vitest';
import { paragraphLocations } from '../../../src/core/answer/location.js';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';

describe('citation locations', () => {
  const knowledge = loadKnowledge('knowledge');
  const locations = paragraphLocations(knowledge);

  it("names the section and the paragraph's position in it, as a reader cites the paper", () => {
    expect(locations.get('eu-3')).toEqual({ label: "Section 'The European Union face to face with Russia and China', paragraph 3 of 6", position: 'Paragraph 3 of 6' });
    expect(locations.get('summary-1')?.label).toBe("Section 'Summary', paragraph 1 of 1");
    expect(locations.get('invasion-7')?.label).toMatch(/, paragraph 7 of 7$/);
  });

  it('labels footnote paragraphs "Footnote N" and leaves them out of a section\'s count', () => {
    expect(locations.get('fn-1')).toEqual({ label: 'Footnote 1', position: 'Footnote 1' });
    const inline = paragraphLocations({
      sections: [{ id: 's', title: 'Ties' }],
      paragraphs: [
        { id: 's-1', sectionId: 's', text: 'a' },
        { id: 'fn-3', sectionId: 's', text: 'note' },
        { id: 's-2', sectionId: 's', text: 'b' },
      ],
    });
    expect([...inline.values()].map((l) => l.label)).toEqual(['Footnote 3', "Section 'Ties', paragraph 1 of 2", "Section 'Ties', paragraph 2 of 2"]);
  });

  it('gives every paragraph of the paper a location', () => {
    expect(knowledge.paragraphs.filter((p) => !locations.has(p.id))).toEqual([]);
  });

  it("puts the location in the answer's citations and keeps the paper's address when PAPER_URL is not set", () => {
    const a = createBot({ knowledge }).answerEntry('eu-china-vs-eu-russia');
    expect(a?.citations[0]).toMatchObject({
      paragraphId: 'eu-3',
      location: "Section 'The European Union face to face with Russia and China', paragraph 3 of 6",
      url: 'https://www.robert-schuman.eu/en',
    });
  });

  it("links each citation to its quote with a text fragment when PAPER_URL is the paper's own page", () => {
    const bot = createBot({ knowledge: loadKnowledge('knowledge', { paperUrl: 'https://example.org/p742' }) });
    expect(bot.answerEntry('eu-china-vs-eu-russia')?.citations.map((c) => c.url)).toEqual([
      'https://example.org/p742#:~:text=The%20state%20of%20relations,and%20China%20is%20different.',
      'https://example.org/p742#:~:text=The%20gulf%20between%20the,Russia%20therefore%20seems%20unbridgeable',
      "https://example.org/p742#:~:text=China%20does%20not%20pose,national%20security%20as%20Russia",
    ]);
  });
});
