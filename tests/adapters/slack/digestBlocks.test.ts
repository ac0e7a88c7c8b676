import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/slack/blocks.js';
import { renderDigest } from '../../../src/adapters/slack/digestBlocks.js';
import { createBot } from '../../../src/core/bot.js';
import type { Digest } from '../../../src/core/digest/compose.js';
import { renderDigestText } from '../../../src/core/digest/render-text.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import type { Answer } from '../../../src/core/types.js';
import { buttonValues, elements, expectWithinLimits, strings } from '../../helpers/slackBlocks.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });
const PAPER_URL = bot.source().url;
const LINK = `<${PAPER_URL}|Read the paper>`;

function entryAnswer(id: string): Answer {
  const answer = bot.answerEntry(id);
  if (!answer) throw new Error(`no entry ${id}`);
  return answer;
}

const digest = (overrides: Partial<Digest> = {}): Digest => ({ channel: 'slack:C0GENERAL01', day: '2024-03-31', language: 'en', insight: entryAnswer('paper-author'), ...overrides });
const YESTERDAY = { questions: 5, mostAsked: { id: 'paper-author', question: 'Who wrote the paper?', count: 3 }, unanswered: 2 } as const;

/** The mrkdwn a person reads, the paper link taken out (it is the one link the bot makes). */
const mrkdwnWithoutLink = (message: ReturnType<typeof renderDigest>): string[] =>
  elements(message.blocks, 'mrkdwn').map((t) => String(t['text']).replaceAll(LINK, ''));

describe('renderDigest (Slack Block Kit)', () => {
  it('says what renderDigestText says: title, the insight with its cited passage and link, yesterday', () => {
    const d = digest({ yesterday: YESTERDAY });
    const message = renderDigest(d);
    const [first] = message.blocks;
    expect(first).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'EU-China digest · 31 March 2024' } });
    const all = strings(message.blocks).join('\n');
    expect(all).toContain('*Insight of the day:* Who wrote the paper?');
    expect(all).toContain('Pierre Andrieu');
    expect(all).toContain(`*${entryAnswer('paper-author').citations[0]?.location ?? ''}*`);
    expect(all).toContain("Section 'About the author'");
    expect(all).toContain('“Pierre Andrieu, Former Ambassador of France, International Relations lecturer”');
    expect(all).toContain(LINK);
    expect(all).toContain('*Asked here yesterday:* 5 questions; most asked: "Who wrote the paper?" (3 times); 2 I could not answer.');
    // The same sentences as the plain-text digest.
    const text = renderDigestText(d);
    expect(text).toContain('Insight of the day: Who wrote the paper?');
    expect(text).toContain('Asked here yesterday: 5 questions; most asked: "Who wrote the paper?" (3 times); 2 I could not answer.');
    expect(message.text).toBe('EU-China digest · 31 March 2024: Insight of the day: Who wrote the paper?');
  });

  it('puts the citations in context blocks and offers Related and Helpful / Not helpful buttons', () => {
    const message = renderDigest(digest());
    const citations = message.blocks.filter((b) => b.type === 'context' && strings(b).some((s) => s.includes(LINK)));
    expect(citations.length).toBe(entryAnswer('paper-author').citations.length);
    expect(buttonValues(message.blocks)).toEqual([
      { action_id: 'related_0', value: 'author-background' },
      { action_id: 'related_1', value: 'author-book' },
      { action_id: 'feedback_helpful', value: 'paper-author' },
      { action_id: 'feedback_not_helpful', value: 'paper-author' },
    ]);
  });

  it('leaves "Asked here yesterday" out when nobody asked anything', () => {
    const message = renderDigest(digest());
    expect(strings(message.blocks).join('\n')).not.toContain('Asked here yesterday');
    expect(message.blocks.some((b) => b.type === 'divider')).toBe(false);
  });

  it('shows a note above a preview', () => {
    const [note] = renderDigest(digest(), { note: '_Preview_' }).blocks;
    expect(note).toMatchObject({ type: 'context', elements: [{ type: 'mrkdwn', text: '_Preview_' }] });
  });

  it('escapes every text it did not write: nothing pings, links or breaks out of mrkdwn', () => {
    const evil = '<!channel> <@U0OTHER01> <https://evil.example|paper> & @here';
    const base = entryAnswer('paper-author');
    const insight: Answer = {
      ...base,
      text: evil,
      entry: base.entry ? { ...base.entry, question: evil } : undefined,
      citations: base.citations.map((c) => ({ ...c, section: evil, quote: evil })),
    };
    const message = renderDigest(digest({ insight, yesterday: { ...YESTERDAY, mostAsked: { ...YESTERDAY.mostAsked, question: evil } } }));
    const shown = mrkdwnWithoutLink(message);
    expect(shown.join('\n')).toContain('&lt;!channel&gt; &lt;@U0OTHER01&gt; &lt;https://evil.example|paper&gt; &amp; @\u2060here');
    for (const s of shown) expect(s).not.toMatch(/<[!@#h]|@here/);
    expect(message.text).not.toMatch(/<[!@h]|@here/);
    for (const t of elements(message.blocks, 'mrkdwn')) expect(t['verbatim']).toBe(true);
  });

  it('stays within Block Kit limits for a huge answer, many citations and related entries', () => {
    const base = entryAnswer('paper-author');
    const insight: Answer = {
      ...base,
      question: 'Q'.repeat(5000),
      text: `${'<&>'.repeat(3000)} ${'word '.repeat(6000)}`,
      entry: { id: 'x'.repeat(3000), question: '<'.repeat(4000), topic: 't' },
      citations: Array.from({ length: 40 }, (_, i) => ({ paragraphId: `p${i}`, sectionId: 's', section: 'S'.repeat(500), location: 'L'.repeat(500), position: 'P'.repeat(100), quote: '&'.repeat(5000), url: PAPER_URL })),
      related: Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`.repeat(500), question: 'R'.repeat(300) })),
    };
    const message = renderDigest(digest({ insight, yesterday: { questions: 1e9, unanswered: 1e9, mostAsked: { id: 'x', question: '>'.repeat(5000), count: 1e9 } } }));
    expectWithinLimits(message.blocks);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('never throws, never leaks markup and stays within limits, whatever the texts (property)', () => {
    const base = entryAnswer('paper-author');
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), fc.string({ maxLength: 600 }), fc.string({ maxLength: 600 }), (text, quote, asked) => {
        const insight: Answer = { ...base, text, citations: base.citations.map((c) => ({ ...c, quote, section: quote })) };
        const message = renderDigest(digest({ insight, yesterday: { ...YESTERDAY, mostAsked: { ...YESTERDAY.mostAsked, question: asked } } }));
        expectWithinLimits(message.blocks);
        for (const s of mrkdwnWithoutLink(message)) expect(s).not.toMatch(/<[^&]/);
      }),
      { numRuns: 200 },
    );
  });
});
