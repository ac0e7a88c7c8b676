import { beforeAll, describe, expect, it } from 'vitest';
import { digestCard, renderDigest } from '../../../src/adapters/teams/digestCard.js';
import { createBot, type Bot } from '../../../src/core/bot.js';
import type { Digest } from '../../../src/core/digest/compose.js';
import { activityText, renderDigestText } from '../../../src/core/digest/render-text.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import type { Answer } from '../../../src/core/types.js';

let bot: Bot;
beforeAll(() => {
  bot = createBot({ knowledge: loadKnowledge('knowledge') });
});

const insight = (id: string): Answer => {
  const a = bot.answerEntry(id);
  if (!a) throw new Error(`no entry ${id}`);
  return a;
};
const digest = (extra: Partial<Digest> = {}): Digest => ({ channel: 'teams:19:abc@thread.tacv2', day: '2024-03-31', language: 'en', insight: insight('is-it-an-alliance'), ...extra });
const yesterday = { questions: 5, unanswered: 2, mostAsked: { id: 'paper-author', question: 'Who wrote the paper?', count: 3 } };

/** The texts a person reads in the card, in order (TextBlock texts and TextRun runs joined per block). */
function lines(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = Object.fromEntries(Object.entries(v));
    if (o['type'] === 'TextBlock' && typeof o['text'] === 'string') out.push(o['text']);
    else if (o['type'] === 'RichTextBlock' && Array.isArray(o['inlines'])) out.push(o['inlines'].map((r: unknown) => (typeof r === 'object' && r !== null && 'text' in r ? String(r.text) : '')).join(''));
    else Object.values(o).forEach(walk);
  };
  walk(value);
  return out;
}

describe('the digest card', () => {
  it('is an Adaptive Card 1.5 with the insight, its numbered sources and a link to the paper', () => {
    const d = digest();
    const card = digestCard(d);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', actions: [{ type: 'Action.OpenUrl', title: 'Read the paper', url: bot.source().url }] });
    const text = lines(card);
    expect(text.slice(0, 4)).toEqual(['EU-China digest · 31 March 2024', 'Insight of the day', 'Are Russia and China allies?', d.insight.text]);
    d.insight.citations.forEach((c, i) => {
      expect(text).toContain(`[${i + 1}] ${c.location}`);
      expect(text).toContain(`“${c.quote}”`);
    });
    expect(JSON.stringify(card)).toContain(`"selectAction":{"type":"Action.OpenUrl","title":"Open the paper","url":"${bot.source().url}"}`);
    expect(text).not.toContain('Asked here yesterday');
  });

  it('says what was asked here yesterday in the same words as the text digest', () => {
    const d = digest({ yesterday });
    const text = lines(digestCard(d));
    expect(text.slice(-2)).toEqual(['Asked here yesterday', activityText(yesterday)]);
    expect(renderDigestText(d)).toContain(`Asked here yesterday: ${activityText(yesterday)}`);
    expect(activityText(yesterday)).toBe('5 questions; most asked: "Who wrote the paper?" (3 times); 2 I could not answer.');
  });

  it('carries everything the text digest says', () => {
    const d = digest({ yesterday });
    const card = JSON.stringify(digestCard(d));
    for (const c of d.insight.citations) expect(card).toContain(JSON.stringify(c.quote).slice(1, -1));
    expect(card).toContain(JSON.stringify(d.insight.text).slice(1, -1));
  });

  it('offers Helpful / Not helpful for the entry, and no Related buttons', () => {
    const card = JSON.stringify(digestCard(digest()));
    expect(card).toContain('{"action":"feedback","entryId":"is-it-an-alliance","helpful":true}');
    expect(card).toContain('{"action":"feedback","entryId":"is-it-an-alliance","helpful":false}');
    expect(card).not.toContain('"action":"entry"');
  });

  it('is a card-only message whose notification text is the title', () => {
    const reply = renderDigest(digest());
    expect(reply).toMatchObject({ type: 'message', summary: 'EU-China digest · 31 March 2024', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    expect(reply.text).toBeUndefined();
  });

  it('stays far below the Teams message size limit for the longest entry, and neutralises its text', () => {
    const long: Answer = {
      ...insight('is-it-an-alliance'),
      text: 'An <at>answer</at>. '.repeat(5000),
      citations: Array.from({ length: 40 }, (_, i) => ({ paragraphId: `p${i}`, sectionId: 's', section: 'S '.repeat(500), location: 'L '.repeat(500), position: 'P '.repeat(100), quote: 'q '.repeat(2000), url: bot.source().url })),
    };
    const d = digest({ insight: long, yesterday: { ...yesterday, mostAsked: { ...yesterday.mostAsked, question: 'Who? '.repeat(1000) } } });
    const size = Buffer.byteLength(JSON.stringify(renderDigest(d)));
    expect(size).toBeLessThan(20_000);
    expect(JSON.stringify(digestCard(d))).not.toContain('<at>');
  });
});
