// The digest's language (issue 11): chosen with `subscribe … fr`, kept in a real SQLite store,
// posted and previewed in it, as the Slack blocks and the Teams card show it. Quotes stay the
// English original, and each rendering says so.
import { afterEach, describe, expect, it } from 'vitest';
import { renderDigest as slackDigest } from '../../../src/adapters/slack/digestBlocks.js';
import { renderDigest as teamsDigest } from '../../../src/adapters/teams/digestCard.js';
import { createDigestCommands } from '../../../src/core/digest/commands.js';
import type { Digest } from '../../../src/core/digest/compose.js';
import { digestLanguage } from '../../../src/core/digest/language.js';
import { renderDigestText } from '../../../src/core/digest/render-text.js';
import { runDue } from '../../../src/core/digest/scheduler.js';
import { realBot } from '../../helpers/slackHarness.js';
import { fakeClock, fakeSink, runnerDeps, tempStore } from './fakes.js';

const bot = realBot();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function setup(language?: 'en' | 'fr' | 'de') {
  const clock = fakeClock('2024-03-01T06:00:00Z');
  const store = tempStore(clock);
  opened.push(store);
  const defaults = { time: '09:00', timeZone: 'UTC', ...(language ? { language } : {}) };
  return { clock, store, commands: createDigestCommands({ bot, store, clock, defaults }) };
}
const target = { platform: 'slack', channel: 'slack:C1', workspace: 'T0TEAM1' };

describe('the digest language', () => {
  it('reads the language as a code or as its name in English, French or German', () => {
    expect(['fr', 'FR', 'french', 'Français', 'francais', 'französisch'].map(digestLanguage)).toEqual(Array(6).fill('fr'));
    expect(['de', 'deutsch', 'German', 'allemand'].map(digestLanguage)).toEqual(Array(4).fill('de'));
    expect(['en', 'English', 'anglais', 'englisch'].map(digestLanguage)).toEqual(Array(4).fill('en'));
    expect(['es', 'Europe/Paris', 'f'].map(digestLanguage)).toEqual([undefined, undefined, undefined]);
  });

  it('subscribes in French, says so, stores it with the workspace, previews and posts in French', async () => {
    const { clock, store, commands } = setup();
    expect((await commands.subscribe(target, '09:00 Europe/Paris fr')).text).toMatch(/^Subscribed: .* at 09:00 \(Europe\/Paris\) in français \(fr\), from today\./);
    expect(await store.subscription('slack:C1')).toMatchObject({ language: 'fr', workspace: 'T0TEAM1' });
    const preview = await commands.preview(target);
    expect(preview.digest?.language).toBe('fr');
    expect(preview.text).toMatch(/^Digest UE-Chine · 1 mars 2024\n/);
    expect(preview.text).toContain('L’éclairage du jour: ');
    expect(preview.text).toContain('Sources: (Citations de l’original anglais.)');
    const sink = fakeSink();
    clock.set('2024-03-01T08:00:00Z'); // 09:00 in Paris
    expect((await runDue(runnerDeps(bot, store, sink).deps, clock.now())).sent).toEqual(['slack:C1']);
    const posted = sink.sent[0]?.digest;
    expect(posted?.language).toBe('fr');
    expect(posted?.insight.language).toBe('fr');
    const entry = bot.knowledge.entries.find((e) => e.id === posted?.insight.entry?.id);
    expect(posted?.insight.text).toBe(entry?.translations?.fr?.answer);
    // Quotes are the paper's English, verbatim.
    for (const c of posted?.insight.citations ?? []) expect(entry?.citations.map((x) => x.quote)).toContain(c.quote);
  });

  it('defaults to DIGEST_LANGUAGE when subscribe names none, and English without it', async () => {
    const german = setup('de');
    expect((await german.commands.subscribe(target, '07:00')).text).toMatch(/in Deutsch \(de\)/);
    expect((await german.commands.preview(target)).text).toMatch(/^EU-China-Digest · 1\. März 2024\n\nErkenntnis des Tages: /);
    const english = setup();
    expect((await english.commands.subscribe(target, '07:00')).text).toMatch(/in English \(en\)/);
    expect((await english.commands.preview(target)).text).toMatch(/^EU-China digest · 1 March 2024\n\nInsight of the day: /);
  });

  it('renders French headings and the entry in French on Slack and Teams, quotes marked as the English original', async () => {
    const { commands } = setup();
    await commands.subscribe(target, 'fr');
    const digest: Digest = { ...((await commands.preview(target)).digest as Digest), yesterday: { questions: 3, unanswered: 1 } };
    const slack = JSON.stringify(slackDigest(digest));
    expect(slack).toContain(`*L’éclairage du jour:* ${digest.insight.entry?.question ?? '-'}`);
    for (const words of ['Digest UE-Chine · 1 mars 2024', 'Citations de l’original anglais.', '*Demandé ici hier:* 3 questions ; 1 sans réponse.']) expect(slack).toContain(words);
    const teams = JSON.stringify(teamsDigest(digest));
    for (const words of ['Digest UE-Chine · 1 mars 2024', 'L’éclairage du jour', 'Sources · Citations de l’original anglais.', 'Demandé ici hier']) expect(teams).toContain(words);
    expect(renderDigestText(digest)).toContain('Demandé ici hier: 3 questions ; 1 sans réponse.');
  });
});
