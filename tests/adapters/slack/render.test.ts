import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/slack/blocks.js';
import { homeView } from '../../../src/adapters/slack/listeners.js';
import { escapeMrkdwn, safeMrkdwn, splitText, truncate } from '../../../src/adapters/slack/mrkdwn.js';
import { renderAnswer } from '../../../src/adapters/slack/render.js';
import { renderHelp, renderSource, renderTopics } from '../../../src/adapters/slack/views.js';
import { helpText } from '../../../src/core/conversation/commands.js';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import type { Answer } from '../../../src/core/types.js';
import { buttonValues, elements, expectWithinLimits, strings } from '../../helpers/slackBlocks.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });
const PAPER_URL = bot.source().url;

describe('renderAnswer', () => {
  it('renders an answer with its text, one citation line per citation, related and feedback buttons', () => {
    const message = renderAnswer(bot.ask('Who wrote the paper?'));
    const all = strings(message.blocks).join('\n');
    expect(message.text).toContain('Pierre Andrieu');
    expect(all).toContain('About the author');
    expect(all).toContain('“Pierre Andrieu, Former Ambassador of France, International Relations lecturer”');
    expect(all).toContain(`<${PAPER_URL}|Read the paper>`);
    expect(buttonValues(message.blocks)).toEqual([
      { action_id: 'related_0', value: 'author-background' },
      { action_id: 'related_1', value: 'author-book' },
      { action_id: 'feedback_helpful', value: 'paper-author' },
      { action_id: 'feedback_not_helpful', value: 'paper-author' },
    ]);
    expectWithinLimits(message.blocks);
  });

  it("shows each citation's location in the paper, never its internal paragraph id", () => {
    const message = renderAnswer(bot.ask('How do EU-China relations differ from EU-Russia relations?'));
    const lines = strings(message.blocks).filter((t) => t.startsWith(':page_facing_up:'));
    expect(lines[0]).toBe(
      `:page_facing_up: *Section 'The European Union face to face with Russia and China', paragraph 3 of 6*: “The state of relations between the European Union and China is different.” <${PAPER_URL}|Read the paper>`,
    );
    expect(lines.join('\n')).not.toMatch(/¶|eu-3|dialogue-3/);
  });

  it("links each citation to its quote with a text fragment when PAPER_URL is the paper's own page", () => {
    const deep = createBot({ knowledge: loadKnowledge('knowledge', { paperUrl: 'https://example.org/p742' }) });
    const answer = deep.answerEntry('eu-china-vs-eu-russia');
    if (!answer) throw new Error('no entry eu-china-vs-eu-russia');
    const message = renderAnswer(answer);
    expect(message.blocks).toContainEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `:page_facing_up: *Section 'Euro-Chinese dialogue remains difficult', paragraph 3 of 3*: “China does not pose the same threat to Europeans' national security as Russia” <https://example.org/p742#:~:text=China%20does%20not%20pose,national%20security%20as%20Russia|Read the paper>`, verbatim: true }],
    });
    expectWithinLimits(message.blocks);
  });

  it('adds a Share in channel button carrying the entry for ephemeral replies', () => {
    const message = renderAnswer(bot.ask('Who wrote the paper?'), { share: { kind: 'entry', id: 'paper-author' } });
    expect(buttonValues(message.blocks)).toContainEqual({ action_id: 'share', value: 'entry:paper-author' });
  });

  it('offers Did-you-mean buttons for a suggestion', () => {
    const suggest: Answer = {
      question: 'author book?',
      decision: 'suggest',
      confidence: 0.4,
      text: "I'm not sure I understood. Did you mean one of these?",
      citations: [],
      related: [],
      suggestions: [
        { id: 'author-book', question: 'Has the author written a book on Russia-China relations?' },
        { id: 'paper-author', question: 'Who wrote the paper?' },
      ],
    };
    expect(buttonValues(renderAnswer(suggest).blocks)).toEqual([
      { action_id: 'did_you_mean_0', value: 'author-book' },
      { action_id: 'did_you_mean_1', value: 'paper-author' },
    ]);
  });

  it('declines kindly and says how to list the topics', () => {
    const message = renderAnswer(bot.ask('What is the recipe for a good ratatouille with aubergines?'));
    const all = strings(message.blocks).join('\n');
    expect(all).toContain('/eu-china topics');
    expect(buttonValues(message.blocks)).toEqual([]);
  });

  it('escapes a question that tries to ping or link: <!channel>, <@U…>, forged links, bare @here', () => {
    const question = '<!channel> <@U0OTHER01> see <https://evil.example|https://www.robert-schuman.eu> & @here <!everyone>';
    const message = renderAnswer({ ...bot.ask('Who wrote the paper?'), question });
    const all = strings(message.blocks);
    expect(all.join('\n')).toContain('&lt;!channel&gt; &lt;@U0OTHER01&gt; see &lt;https://evil.example|https://www.robert-schuman.eu&gt; &amp;');
    for (const s of all) {
      expect(s).not.toMatch(/<[!@#]/);
      expect(s).not.toMatch(/<https:\/\/evil/);
      expect(s).not.toMatch(/@here/);
    }
    for (const t of elements(message.blocks, 'mrkdwn')) expect(t['verbatim']).toBe(true);
  });

  it("shows the asker's question as inert plain text: no bold, italic, code or fake *Answer:*", () => {
    const question = '*Answer:* _yes_ ~no~ `code` ```block``` > quote';
    const message = renderAnswer({ ...bot.ask('Who wrote the paper?'), question });
    const plainTexts = elements(message.blocks, 'plain_text').map((t) => t['text']);
    expect(plainTexts).toContain('*Answer:* _yes_ ~no~ `code` ```block``` &gt; quote');
    for (const t of elements(message.blocks, 'mrkdwn')) expect(String(t['text'])).not.toMatch(/Answer:|_yes_|`code`/);
  });

  it('strips bidi overrides and zero-width characters from the question it echoes', () => {
    const question = 'who\u202Ewrote\u2066 the\u200B pa\u200Dper\uFEFF?\u061C';
    const message = renderAnswer({ ...bot.ask('Who wrote the paper?'), question });
    const echoed = strings(message.blocks).filter((s) => s.includes('who'));
    expect(echoed).toContain('whowrote the paper?');
    for (const s of strings(message.blocks)) expect(s).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/u);
  });

  it('stays within Block Kit limits for huge answers, many citations and long questions', () => {
    const long = 'word '.repeat(4000);
    const answer: Answer = {
      question: '<b>&'.repeat(2000),
      decision: 'answer',
      confidence: 1,
      text: `${'<&>'.repeat(3000)} ${long}`,
      entry: { id: 'x'.repeat(3000), question: 'q', topic: 't' },
      citations: Array.from({ length: 40 }, (_, i) => ({ paragraphId: `p${i}`, sectionId: 's', section: 'S'.repeat(500), location: 'L'.repeat(500), position: 'P'.repeat(100), quote: '"'.repeat(5000), url: PAPER_URL })),
      related: Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`.repeat(500), question: 'Q'.repeat(300) })),
      suggestions: [],
    };
    const message = renderAnswer(answer, { share: { kind: 'ask', text: answer.question } });
    expectWithinLimits(message.blocks);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('never throws, never leaks markup and stays within limits, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), fc.string({ maxLength: 400 }), (question, quote) => {
        const base = bot.ask('Who wrote the paper?');
        const cited = base.citations.map((c) => ({ ...c, quote }));
        const message = renderAnswer({ ...base, question, citations: cited }, { share: { kind: 'ask', text: question } });
        expectWithinLimits(message.blocks);
        const shown = elements(message.blocks, 'mrkdwn').map((t) => String(t['text']).replaceAll(`<${PAPER_URL}|Read the paper>`, ''));
        for (const s of shown) expect(s).not.toMatch(/<[^&]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('static views', () => {
  it('lists the commands in help, the daily digest ones included', () => {
    const all = strings(renderHelp(helpText(bot.about(), true)).blocks).join('\n');
    for (const command of ['topics', 'source', 'help', 'subscribe [HH:MM] [time zone] [en|fr|de]', 'unsubscribe', 'digest']) expect(all).toContain(`\`/eu-china ${command}\``);
    expect(all).toContain('/eu-china subscribe 08:30 Europe/Paris');
  });

  it('lists every topic with example questions', () => {
    const message = renderTopics(bot.topics(), { share: true });
    const all = strings(message.blocks).join('\n');
    for (const t of bot.topics()) expect(all).toContain(escapeMrkdwn(t.title));
    expect(buttonValues(message.blocks)).toEqual([{ action_id: 'share', value: 'view:topics' }]);
    expectWithinLimits(message.blocks);
  });

  it('describes the source with its author, date and link', () => {
    const all = strings(renderSource(bot.source()).blocks).join('\n');
    expect(all).toContain(bot.source().author);
    expect(all).toContain('26 March 2024');
    expect(all).toContain(`<${PAPER_URL}|Read the paper>`);
  });

  it('builds an App Home tab with help, topics and the paper', () => {
    const view = homeView({ help: () => helpText(bot.about(), true), topics: (n) => bot.topics(n), source: () => bot.source() });
    expect(view.type).toBe('home');
    const all = strings(view.blocks).join('\n');
    expect(all).toContain('/eu-china topics');
    expect(all).toContain(escapeMrkdwn(bot.topics()[0]?.title ?? ''));
    expectWithinLimits(view.blocks, LIMITS.homeBlocks);
  });
});

describe('mrkdwn helpers', () => {
  it('escapes the three characters Slack reserves and defuses broadcast words', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(safeMrkdwn('hi @channel and @Here')).toBe('hi @\u2060channel and @\u2060Here');
  });

  it('truncates without leaving half an entity', () => {
    expect(truncate('ab &amp; cd', 6)).toBe('ab …');
    expect(truncate('short', 10)).toBe('short');
  });

  it('splits long text at word boundaries within the limit', () => {
    const pieces = splitText('lorem ipsum '.repeat(1000), 3000, 5);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
  });
});
