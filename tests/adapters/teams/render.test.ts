import { beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../../../src/core/conversation/commands.js';
import { MAX_CLAIM_ABSTRACT, MAX_CLAIM_NAME, MAX_CLAIMS } from '../../../src/adapters/teams/citations.js';
import { renderAnswer, renderHelp, renderSource, renderTopics, teamsEcho, teamsText, type Reply } from '../../../src/adapters/teams/render.js';
import { renderWelcome } from '../../../src/adapters/teams/welcome.js';
import { createBot, type Bot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import type { Answer, Citation } from '../../../src/core/types.js';

let bot: Bot;
beforeAll(() => {
  bot = createBot({ knowledge: loadKnowledge('knowledge') });
});

const entry = (id: string): Answer => {
  const a = bot.answerEntry(id);
  if (!a) throw new Error(`no entry ${id}`);
  return a;
};
const json = (reply: Reply): string => JSON.stringify(reply);
const cardOf = (reply: Reply) => {
  const [first] = reply.attachments ?? [];
  if (!first) throw new Error('no card');
  return first.content;
};
/** Every object in the card with its `type`, depth first. */
function nodes(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (typeof value === 'object' && value !== null) {
    const obj = Object.fromEntries(Object.entries(value));
    if (typeof obj['type'] === 'string') out.push(obj);
    Object.values(obj).forEach((v) => nodes(v, out));
  }
  return out;
}
const submits = (reply: Reply) => nodes(cardOf(reply)).filter((n) => n['type'] === 'Action.Submit').map((n) => n['data']);

const decline = (question: string): Answer => ({
  question,
  decision: 'decline',
  confidence: 0.1,
  text: "Sorry, I can't find that in the paper. Ask for \"topics\" to see what I can answer.",
  citations: [],
  related: [],
  suggestions: [],
});
const citation = (i: number, size: number): Citation => ({
  paragraphId: `p-${i}-${'x'.repeat(40)}`,
  sectionId: `s-${i}`,
  section: `Section ${i} ${'long title '.repeat(size / 10)}`,
  location: `Section '${'long title '.repeat(size / 10)}', paragraph ${i} of 40`,
  position: `Paragraph ${i} of 40 ${'x'.repeat(40)}`,
  quote: `quote ${i} ${'words '.repeat(size / 6)}`,
  url: 'https://www.robert-schuman.eu/en/european-issues/742',
});
const huge: Answer = {
  question: 'q'.repeat(5000),
  decision: 'answer',
  confidence: 1,
  text: 'An answer. '.repeat(5000),
  entry: { id: 'huge', question: 'A very long stored question? '.repeat(50), topic: 'about' },
  citations: Array.from({ length: 40 }, (_, i) => citation(i + 1, 5000)),
  related: Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, question: 'Related question '.repeat(60) })),
  suggestions: [],
};

describe('renderAnswer', () => {
  it('puts the answer with [n] markers in the text and a Teams citation entity beside it', () => {
    const reply = renderAnswer(entry('paper-author'));
    expect(reply.text).toBe('The paper was written by Pierre Andrieu, a former Ambassador of France and International Relations lecturer. [1] [2]');
    const [entity] = reply.entities ?? [];
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org' });
    expect(entity?.citation.map((c) => [c.position, c.appearance.name, c.appearance.abstract])).toEqual([
      [1, 'About the author', '“Pierre Andrieu, Former Ambassador of France, International Relations lecturer”'],
      [2, 'Publication details', '“Pierre ANDRIEU”'],
    ]);
  });

  it('names where each claim sits in the paper, and links it to its quote when PAPER_URL is the paper page', () => {
    const deep = createBot({ knowledge: loadKnowledge('knowledge', { paperUrl: 'https://example.org/p742' }) }).answerEntry('eu-china-vs-eu-russia');
    if (!deep) throw new Error('no entry eu-china-vs-eu-russia');
    const reply = renderAnswer(deep);
    expect(reply.entities?.[0]?.citation[0]).toEqual({
      '@type': 'Claim',
      position: 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: 'The European Union face to face with Russia and China',
        abstract: '“The state of relations between the European Union and China is different.”',
        url: 'https://example.org/p742#:~:text=The%20state%20of%20relations,and%20China%20is%20different.',
        keywords: ['Paragraph 3 of 6'],
      },
    });
    const texts = nodes(cardOf(reply)).filter((n) => n['type'] === 'TextRun').map((n) => n['text']);
    expect(texts).toContain("Section 'The European Union face to face with Russia and China', paragraph 3 of 6");
    expect(JSON.stringify(reply)).not.toMatch(/¶|"eu-3"/);
    expect(JSON.stringify(reply)).not.toMatch(/AIGenerated|additionalType/); // curated quotes: no "AI generated" label
  });

  it('lists the sources with section, verbatim quote and link in an Adaptive Card 1.5', () => {
    const reply = renderAnswer(entry('paper-author'));
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const texts = nodes(card).filter((n) => n['type'] === 'TextRun').map((n) => n['text']);
    expect(texts).toEqual(expect.arrayContaining(["Section 'About the author', paragraph 1 of 1", '“Pierre Andrieu, Former Ambassador of France, International Relations lecturer”']));
    expect(nodes(card).filter((n) => n['type'] === 'Action.OpenUrl').map((n) => n['url'])).toContain(entry('paper-author').citations[0]?.url);
  });

  it('offers Related buttons that answer the related entry, and Helpful / Not helpful buttons', () => {
    expect(submits(renderAnswer(entry('paper-author')))).toEqual([
      { action: 'entry', entryId: 'author-background' },
      { action: 'entry', entryId: 'author-book' },
      { action: 'feedback', entryId: 'paper-author', helpful: true },
      { action: 'feedback', entryId: 'paper-author', helpful: false },
    ]);
  });

  it('offers "did you mean" buttons for a suggestion', () => {
    const suggest: Answer = { ...entry('paper-author'), decision: 'suggest', entry: undefined, citations: [], related: [], text: 'Did you mean one of these?', suggestions: [{ id: 'paper-date', question: 'When was the paper published?' }, { id: 'paper-title', question: 'What is the title of the paper?' }] };
    const reply = renderAnswer(suggest);
    expect(reply.text).toBeUndefined();
    expect(reply.entities).toBeUndefined();
    expect(submits(reply)).toEqual([{ action: 'entry', entryId: 'paper-date' }, { action: 'entry', entryId: 'paper-title' }]);
  });

  it('declines in friendly words with Topics and Help buttons', () => {
    const reply = renderAnswer(decline('What will the weather be in Lyon tomorrow?'));
    expect(json(reply)).toContain("Sorry, I can't find that in the paper.");
    expect(submits(reply)).toEqual([{ action: 'command', command: 'topics' }, { action: 'command', command: 'help' }]);
  });

  it('neutralises the user text it echoes: no markup, no forged mention, no markdown', () => {
    const nasty = '<at>Chief Executive</at> **urgent** [click](https://evil.example) <script>alert(1)</script>\u0007\u202e';
    const reply = renderAnswer(decline(nasty));
    const text = json(reply);
    expect(text).not.toMatch(/<at>|<script|\\u0007|\\u202e/);
    const card = cardOf(reply);
    const echoed = nodes(card).filter((n) => typeof n['text'] === 'string' && String(n['text']).includes('urgent'));
    expect(echoed.map((n) => n['type'])).toEqual(['TextRun']); // TextRuns are never parsed as markdown
  });

  it('keeps every entry, and an absurdly large answer, well under the 28 KB message limit', () => {
    for (const e of bot.knowledge.entries) expect(json(renderAnswer(entry(e.id))).length).toBeLessThan(12_000);
    expect(json(renderAnswer(huge)).length).toBeLessThan(20_000);
  });

  it("respects Teams' citation limits: 20 claims, short names and abstracts, markers matching claims", () => {
    const reply = renderAnswer(huge);
    const claims = reply.entities?.[0]?.citation ?? [];
    expect(claims).toHaveLength(MAX_CLAIMS);
    for (const c of claims) {
      expect(Array.from(c.appearance.name).length).toBeLessThanOrEqual(MAX_CLAIM_NAME);
      expect(Array.from(c.appearance.abstract).length).toBeLessThanOrEqual(MAX_CLAIM_ABSTRACT);
      expect(c.appearance.keywords.every((k) => Array.from(k).length <= 28)).toBe(true);
    }
    const markers = [...(reply.text ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers).toEqual(claims.map((c) => c.position));
  });
});

describe('command and welcome cards', () => {
  it('help shows the core help text and the commands', () => {
    const text = json(renderHelp(helpText(bot.about(), false)));
    expect(text).toContain('Ask me a question in plain words');
    expect(text).toContain('**topics**');
  });

  it('topics lists every topic with example questions as buttons', () => {
    const reply = renderTopics(bot.topics(2));
    expect(json(reply)).toContain('About the paper, its author and publisher');
    expect(submits(reply)).toContainEqual({ action: 'entry', entryId: 'paper-author' });
  });

  it('source gives the paper details and a link', () => {
    const text = json(renderSource(bot.source()));
    expect(text).toContain('Schuman Paper');
    expect(text).toContain('Read the paper');
  });

  it('welcome says what the bot does and how to ask in each scope', () => {
    expect(json(renderWelcome(bot.about(), 'personal'))).toContain('Just type a question');
    expect(json(renderWelcome(bot.about(), 'channel'))).toContain('@mention me');
  });

  it('every card is Adaptive Card 1.5', () => {
    const replies = [renderHelp(helpText('x', true)), renderTopics(bot.topics()), renderSource(bot.source()), renderWelcome('x', 'groupChat'), renderAnswer(huge)];
    expect(replies.map((r) => cardOf(r).version)).toEqual(['1.5', '1.5', '1.5', '1.5', '1.5']);
  });
});

describe('teamsText', () => {
  it('escapes HTML and markdown so knowledge text shows as written', () => {
    expect(teamsText('a <b> & *c* _d_ [e]')).toBe('a &lt;b&gt; &amp; \\*c\\* \\_d\\_ \\[e\\]');
  });
});

describe('teamsEcho', () => {
  it('leaves no user URL live in message markdown and strips bidi and zero-width characters', () => {
    const echoed = teamsEcho('Unknown time zone "https://evil.example/x\u202Eexe\u200B www.evil.example evil.example mailto:a@b.example **b**"');
    expect(echoed).not.toMatch(/https?:\/\//);
    expect(echoed).not.toMatch(/www\.|evil\.example|b\.example|mailto:/);
    expect(echoed).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
    expect(echoed).toContain('evil[.]example');
    expect(echoed).toContain('\\*\\*b\\*\\*');
  });

  it('leaves time zones, times and abbreviations as written', () => {
    expect(teamsEcho('Invalid time "25:00". Use HH:MM, e.g. subscribe 08:30 Europe/Paris')).toBe('Invalid time "25:00". Use HH:MM, e.g. subscribe 08:30 Europe/Paris');
  });
});
