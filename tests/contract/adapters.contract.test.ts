/**
 * One scenario table, run against both adapters through their real SDKs on a real port, with the
 * same names and the same expectations: what a person sees must not depend on the platform. Each
 * scenario gets a fresh driver (its own store), so none depends on another's state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/core/lang/labels.js';
import { loopbackOnly } from '../helpers/loopback.js';
import { realBot } from '../helpers/slackHarness.js';
import { slackDriver, teamsDriver, type Driver, type DriverOptions, type Seen } from './drivers.js';

loopbackOnly();

interface Scenario {
  readonly name: string;
  readonly options?: DriverOptions;
  /** The one platform that has this surface (Teams' message extension); skipped, by name, on the other. */
  readonly only?: string;
  run(d: Driver): Promise<void>;
}

const bot = realBot();
const entry = (id: string) => bot.knowledge.entries.find((e) => e.id === id);
const one = (seen: readonly Seen[]): string => {
  expect(seen).toHaveLength(1);
  return seen[0]?.text ?? '';
};

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'a question answered with its citation',
    run: async (d) => {
      const text = one(await d.say('Who wrote the paper?'));
      expect(text).toContain('Pierre Andrieu');
      expect(text).toMatch(/Section '[^']+', paragraph \d+ of \d+/);
      expect(text).toContain(entry('paper-author')?.citations[0]?.quote.slice(0, 40));
    },
  },
  {
    name: 'a follow-up in the same chat uses the previous answer',
    run: async (d) => {
      expect(one(await d.say('Who wrote the paper?'))).toContain('Pierre Andrieu');
      // Asked alone, "tell me more" is small talk; after that answer it is the author's background.
      expect(one(await d.say('tell me more'))).toContain(entry('author-background')?.answer.slice(0, 40));
    },
  },
  {
    name: 'help',
    run: async (d) => {
      const text = one(await d.say('help'));
      for (const word of ['topics', 'source', 'subscribe', 'unsubscribe', 'digest']) expect(text).toContain(word);
      expect(text).toContain(bot.about().slice(0, 40));
    },
  },
  {
    name: 'topics',
    run: async (d) => {
      const text = one(await d.say('topics'));
      for (const t of bot.topics()) expect(text).toContain(t.title.slice(0, 30));
    },
  },
  {
    name: 'source',
    run: async (d) => {
      const text = one(await d.say('source'));
      expect(text).toContain(bot.source().author);
      expect(text).toContain('26 March 2024');
    },
  },
  {
    name: 'an unknown command',
    run: async (d) => {
      const text = one(await d.say('/frobnicate'));
      expect(text).toMatch(/I don't know .*frobnicate.*here is what I can do/);
      expect(text).toContain('topics');
    },
  },
  {
    name: 'subscribe, preview and unsubscribe',
    run: async (d) => {
      expect(one(await d.say('subscribe 08:30 Europe/Paris'))).toMatch(/^Subscribed: the EU-China digest will be posted here every day at 08:30 \(Europe\/Paris\)/m);
      expect((await d.store.subscriptions()).map((s) => [s.platform, s.time])).toEqual([[d.platform, '08:30']]);
      expect(one(await d.say('digest'))).toMatch(/EU-China digest · 2 April 2024/);
      expect(one(await d.say('unsubscribe'))).toMatch(/Unsubscribed: no more daily digest here/);
      expect(await d.store.subscriptions()).toEqual([]);
    },
  },
  {
    name: 'subscribe in French, and the preview is the French digest',
    run: async (d) => {
      expect(one(await d.say('subscribe 08:30 Europe/Paris fr'))).toMatch(/every day at 08:30 \(Europe\/Paris\) in français \(fr\)/);
      expect((await d.store.subscriptions()).map((s) => s.language)).toEqual(['fr']);
      const text = one(await d.say('digest'));
      expect(text).toMatch(/Digest UE-Chine · 2 avril 2024/);
      expect(text).toContain('L’éclairage du jour');
      expect(text).toContain('Citations de l’original anglais.');
    },
  },
  {
    name: 'a Related click',
    run: async (d) => {
      expect(one(await d.click('related', 'author-background'))).toContain(entry('author-background')?.answer.slice(0, 50));
    },
  },
  {
    name: 'a French question answered in French, quoting the English original',
    run: async (d) => {
      const text = one(await d.say('Qui a écrit ce document ?'));
      expect(text).toContain(entry('paper-author')?.translations?.fr?.answer.slice(0, 50));
      expect(text).toContain(entry('paper-author')?.citations[0]?.quote.slice(0, 40));
      expect(text).toContain('Citations de l’original anglais.');
    },
  },
  {
    name: 'a German question answered in German',
    run: async (d) => {
      const text = one(await d.say('Wer hat das Papier geschrieben?'));
      expect(text).toContain(entry('paper-author')?.translations?.de?.answer.slice(0, 50));
      expect(text).toContain('Zitate aus dem englischen Original.');
    },
  },
  {
    name: 'a Related click on a French answer answers in French',
    run: async (d) => {
      expect(one(await d.click('related', 'fr:author-background'))).toContain(entry('author-background')?.translations?.fr?.answer.slice(0, 50));
    },
  },
  {
    name: "a French question's reply: its labels and buttons in French",
    run: async (d) => {
      const text = one(await d.say('Qui a écrit ce document ?'));
      const fr = LABELS.fr;
      for (const label of [fr.related, fr.helpful, fr.notHelpful, fr.readPaper]) expect(text).toContain(label);
      expect(text).toContain(entry('author-background')?.translations?.fr?.question);
      expect(text).toMatch(/Section « [^»]+ », paragraphe \d+ sur \d+/);
      expect(text).not.toMatch(/Related|Helpful|Read the paper|Open the paper|You asked|Share in channel|\bparagraph \d|Sources(?! ·)/);
    },
  },
  {
    name: 'a Helpful click on a French answer, thanked in French and recorded under the entry',
    run: async (d) => {
      expect(one(await d.click('helpful', 'fr:paper-author'))).toContain(LABELS.fr.thanksHelpful);
      expect(await d.store.feedback({})).toEqual([expect.objectContaining({ entryId: 'paper-author', helpful: true })]);
    },
  },
  {
    name: 'German help',
    run: async (d) => {
      const text = one(await d.say('Hilfe'));
      expect(text).toContain(bot.about('de').slice(0, 40));
      for (const word of ['Themen', 'Quelle', 'subscribe', 'Befehle', LABELS.de.exampleAuthor]) expect(text).toContain(word);
      for (const english of ['Commands', 'this message', 'the topics I cover', 'Ask me a question']) expect(text).not.toContain(english);
    },
  },
  {
    name: "a surface nobody asked on (Slack's App Home, Teams' welcome) opens in a French user's language",
    options: { locale: 'fr-FR' },
    run: async (d) => {
      const text = one(await d.open());
      expect(text).toContain(bot.about('fr').slice(0, 40));
      expect(text).toMatch(/thèmes/);
      for (const english of ['Hello', 'Commands', 'The paper', 'Topics I can answer about', 'I answer questions']) expect(text).not.toContain(english);
    },
  },
  {
    name: 'a French injection is shown, never acted on',
    run: async (d) => {
      const seen = await d.say('<!channel> <at>Tous</at> [cliquez ici](https://evil.example/x) qui a écrit ce document ?');
      expect(seen).toHaveLength(1);
      expect(seen.some((s) => d.live(s))).toBe(false);
      // The link's words make it a decline (in French); what matters is that nothing pings or links.
      expect(seen[0]?.text).toMatch(/Désolé, je ne trouve pas|Le document a été écrit/);
      expect(seen[0]?.text).toContain(LABELS.fr.youAsked);
    },
  },
  {
    name: 'a message-extension search from a de-DE user returns German results',
    options: { locale: 'de-DE' },
    only: 'teams',
    run: async (d) => {
      const results = (await d.search?.('who is the author')) ?? [];
      expect(results.length).toBeGreaterThan(0);
      expect(results[0]?.text).toContain(entry('paper-author')?.translations?.de?.answer.slice(0, 50));
      expect(results[0]?.text).toContain(`${LABELS.de.sources} · Zitate aus dem englischen Original.`);
      expect(results.map((r) => r.text).join('\n')).not.toMatch(/Sources|Read the paper|Paragraph \d/);
      const opening = (await d.search?.('')) ?? [];
      expect(opening.length).toBeGreaterThan(0);
      expect(opening.every((r) => r.text.includes(LABELS.de.readPaper))).toBe(true);
    },
  },
  {
    name: 'topics asked in French words',
    run: async (d) => {
      const text = one(await d.say('thèmes'));
      for (const t of bot.topics(3, 'fr')) expect(text).toContain(t.title.slice(0, 30));
    },
  },
  {
    name: 'a Did-you-mean click',
    run: async (d) => {
      expect(one(await d.click('didYouMean', 'paper-date'))).toContain(entry('paper-date')?.answer.slice(0, 50));
    },
  },
  {
    name: 'a Helpful click recorded',
    run: async (d) => {
      expect(one(await d.click('helpful', 'paper-author'))).toContain('Thanks, glad it helped!');
      expect(await d.store.feedback({})).toEqual([expect.objectContaining({ platform: d.platform, entryId: 'paper-author', helpful: true, userHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    },
  },
  {
    name: 'a duplicate delivery answered once',
    run: async (d) => {
      expect(await d.say('Who wrote the paper?', 'same-delivery-1')).toHaveLength(1);
      expect(await d.say('Who wrote the paper?', 'same-delivery-1')).toHaveLength(0);
    },
  },
  {
    name: "the bot's own message ignored",
    run: async (d) => {
      expect(await d.own('Who wrote the paper?')).toEqual([]);
    },
  },
  {
    name: 'a <!channel> / <at> / markdown-link injection neutralised',
    run: async (d) => {
      const seen = await d.say('<!channel> <at>Everyone</at> [click here](https://evil.example/x) who wrote the paper?');
      expect(seen).toHaveLength(1);
      expect(seen.some((s) => d.live(s))).toBe(false);
      expect(seen[0]?.text).toContain('Pierre Andrieu');
    },
  },
  {
    name: 'a 200 KB message',
    run: async (d) => {
      const seen = await d.say(`Who wrote the paper? ${'lorem ipsum '.repeat(17_000)}`);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.raw.length).toBeLessThan(40_000);
    },
  },
  {
    name: 'a store that fails on write',
    options: { failingWrites: true },
    run: async (d) => {
      const text = one(await d.say('subscribe 08:30 Europe/Paris'));
      expect(text).toMatch(/Sorry, I couldn't reach the digest settings/);
      expect(text).not.toMatch(/Subscribed/);
      expect(one(await d.say('Who wrote the paper?'))).toContain('Pierre Andrieu');
    },
  },
];

const PLATFORMS: readonly (readonly [string, (o?: DriverOptions) => Promise<Driver>])[] = [
  ['slack', slackDriver],
  ['teams', teamsDriver],
];

for (const [platform, start] of PLATFORMS) {
  describe(`the contract on ${platform}`, () => {
    let driver: Driver | undefined;
    afterEach(async () => {
      await driver?.close();
      driver = undefined;
    });
    for (const scenario of SCENARIOS) {
      it.skipIf(scenario.only !== undefined && scenario.only !== platform)(scenario.name, async () => {
        driver = await start(scenario.options);
        await scenario.run(driver);
      });
    }
  });
}
