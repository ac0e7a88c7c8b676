/**
 * The digest through Teams, end to end: typed commands POSTed to the real HTTP server and
 * CloudAdapter, a real SQLite store in a temp dir, `runDue` at injected instants posting through
 * the adapter's digest sink to a fake connector on 127.0.0.1. nock refuses every other address,
 * so a token or metadata request would fail the test instead of going out.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { teamsChannelKey } from '../../../src/adapters/teams/app.js';
import { parseReference } from '../../../src/adapters/teams/conversationRefs.js';
import { createBot } from '../../../src/core/bot.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { CHANNEL, cardsOf, PERSONAL, startDigestHarness, textOf, type DigestHarness } from '../../helpers/teamsDigest.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
let h: DigestHarness;
afterEach(async () => {
  await h.close();
});

// 2024-03-31 is the day Paris moves to summer time: 09:00 there is 07:00 UTC.
const DUE = '2024-03-31T07:00:00Z';
const PERSONAL_KEY = teamsChannelKey(PERSONAL);
const CHANNEL_KEY = teamsChannelKey(CHANNEL);

const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error('nothing there');
  return item;
};

/** The card of a digest: title, the insight with a numbered, quoted and linked source. */
function expectDigestCard(cards: string): void {
  expect(cards).toContain('application/vnd.microsoft.card.adaptive');
  expect(cards).toContain('"version":"1.5"');
  expect(cards).toContain('EU-China digest · 31 March 2024');
  expect(cards).toContain('Insight of the day');
  expect(cards).toMatch(/"text":"\[1\] "/);
  expect(cards).toMatch(/"text":"“[^"]+”"/);
  expect(cards).toContain(`"url":"${bot.source().url}"`);
}

describe('Teams digest commands and delivery (real SQLite store, real CloudAdapter, fake connector)', () => {
  it('tells the user a subscribe failed, and confirms nothing, when the database file was deleted', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    for (const f of [h.store.file, `${h.store.file}-wal`, `${h.store.file}-shm`]) rmSync(f, { force: true });
    const replies = await h.personal('subscribe 09:00 Europe/Paris');
    // The one error policy of the core (it was Teams' generic turn failure): the same apology as Slack.
    expect(replies.map(textOf)).toEqual([expect.stringMatching(/Sorry, I couldn.t reach the digest settings/)]);
    expect(h.logger.entries).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ code: 'store_unavailable' }) }));
  });

  it('subscribes a personal chat by command, keeps its reference, posts one digest card when due and none again', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    const ack = only(await h.personal('subscribe 09:00 Europe/Paris'));
    expect(textOf(ack)).toMatch(/^Subscribed: the EU-China digest will be posted here every day at 09:00 \(Europe\/Paris\) in English \(en\), from today\./);
    expect(await h.store.subscription(PERSONAL_KEY)).toMatchObject({ platform: 'teams', time: '09:00', timeZone: 'Europe/Paris' });
    const stored = parseReference((await h.store.conversationRef(PERSONAL)) ?? '');
    expect(stored).toMatchObject({ ok: true, reference: { serviceUrl: h.connector.url, conversation: { id: PERSONAL }, bot: { id: '28:8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' } } });

    expect(await h.runDue('2024-03-31T06:59:00Z')).toEqual({ sent: [], failed: [], unsubscribed: [] });
    const before = h.connector.requests.length;
    expect(await h.runDue(DUE)).toEqual({ sent: [PERSONAL_KEY], failed: [], unsubscribed: [] });
    const posted = only(h.connector.requests.slice(before));
    expect(posted.conversationId).toBe(PERSONAL);
    expect(posted.replyToId).toBeUndefined();
    expect(posted.activity['summary']).toBe('EU-China digest · 31 March 2024');
    expectDigestCard(cardsOf(posted));

    expect(await h.runDue('2024-03-31T07:05:00Z')).toEqual({ sent: [], failed: [], unsubscribed: [] });
    expect(h.connector.requests).toHaveLength(before + 1);
    expect(await h.store.digestRecord(PERSONAL_KEY, '2024-03-31')).toMatchObject({ status: 'sent' });
  });

  it("subscribes a channel from a thread and posts a new channel post with yesterday's questions", async () => {
    h = await startDigestHarness(bot, '2024-03-30T10:00:00Z');
    await h.channel('Who wrote the paper?');
    await h.channel('Who is the author of the paper?');
    await h.channel('What is the best recipe for apple pie?');
    h.clock.set('2024-03-31T06:00:00Z');
    const ack = only(await h.channel('subscribe Europe/Paris 09:00'));
    expect(ack.replyToId).toMatch(/^\d+$/); // the acknowledgement stays in the thread
    expect(textOf(ack)).toMatch(/^Subscribed: .* 09:00 \(Europe\/Paris\)/);
    expect((await h.store.subscriptions()).map((s) => s.channel)).toEqual([CHANNEL_KEY]);

    const before = h.connector.requests.length;
    expect((await h.runDue(DUE)).sent).toEqual([CHANNEL_KEY]);
    const posted = only(h.connector.requests.slice(before));
    expect(posted.conversationId).toBe(CHANNEL); // the channel, not the thread it subscribed from
    expect(posted.replyToId).toBeUndefined();
    const cards = cardsOf(posted);
    expectDigestCard(cards);
    expect(cards).toContain('Asked here yesterday');
    expect(cards).toMatch(/3 questions; most asked: \\"Who wrote the paper\?\\" \(2 times\); 1 I could not answer\./);
  });

  it("previews today's digest as a card in the thread, and unsubscribes", async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    const preview = only(await h.channel('digest'));
    expect(preview.conversationId).toMatch(new RegExp(`^${CHANNEL};messageid=`));
    expect(preview.replyToId).toMatch(/^\d+$/);
    expectDigestCard(cardsOf(preview));

    expect(textOf(only(await h.channel('subscribe 08:30')))).toMatch(/08:30 \(UTC\)/);
    expect(textOf(only(await h.channel('unsubscribe')))).toMatch(/^Unsubscribed: no more daily digest here\. Subscribe again with subscribe\./);
    expect(await h.store.subscription(CHANNEL_KEY)).toBeUndefined();
    expect(textOf(only(await h.channel('unsubscribe')))).toMatch(/was not subscribed/);
    expect((await h.runDue(DUE)).sent).toEqual([]);
  });

  it('answers an invalid time or zone with an example, and subscribes nothing', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    expect(textOf(only(await h.personal('subscribe 25:00')))).toBe('Invalid time "25:00". Use HH:MM, e.g. subscribe 08:30 Europe/Paris');
    expect(textOf(only(await h.personal('/subscribe 09:00 Mars/Olympus')))).toBe('Unknown time zone "Mars/Olympus". Use an IANA time zone name, e.g. subscribe 08:30 Europe/Paris');
    expect(await h.store.subscriptions()).toEqual([]);
    // Not a command after all: answered as a question, not as a digest.
    expect(cardsOf(only(await h.personal('digest of the paper please')))).not.toContain('Insight of the day');
  });

  it('unsubscribes a conversation whose connector answers 404', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    await h.personal('subscribe 09:00 Europe/Paris');
    h.connector.failNext(404, 1);
    const before = h.connector.requests.length;
    expect(await h.runDue(DUE)).toEqual({ sent: [], failed: [], unsubscribed: [PERSONAL_KEY] });
    expect(h.connector.requests).toHaveLength(before);
    expect(await h.store.subscription(PERSONAL_KEY)).toBeUndefined();
    const warning = h.logger.entries.find((e) => e.level === 'warn' && /unsubscribed it/.test(e.message));
    expect(String(warning?.fields['error'])).toMatch(/HTTP 404/);
    expect(h.sleeps).toEqual([]); // a permanent failure is not retried
  });

  it('unsubscribes a channel the bot was removed from, without calling the connector', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    await h.channel('subscribe 09:00 Europe/Paris');
    await h.activity('conversation_update_bot_added', { id: 'removed-1', membersAdded: [], membersRemoved: [{ id: '28:8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' }] });
    expect(await h.store.conversationRef(CHANNEL)).toBeUndefined();
    const before = h.connector.requests.length;
    expect((await h.runDue(DUE)).unsubscribed).toEqual([CHANNEL_KEY]);
    expect(h.connector.requests).toHaveLength(before);
  });

  it('retries a throttled (429) digest and posts it once', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    await h.personal('subscribe 09:00 Europe/Paris');
    h.connector.failNext(429, 1);
    const before = h.connector.requests.length;
    expect((await h.runDue(DUE)).sent).toEqual([PERSONAL_KEY]);
    expect(h.sleeps).toEqual([1000]);
    expectDigestCard(cardsOf(only(h.connector.requests.slice(before))));
  });

  it('posts to the reference kept before a restart', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    await h.personal('subscribe 09:00 Europe/Paris');
    const { dataDir } = h;
    await h.close();
    h = await startDigestHarness(bot, '2024-03-31T07:00:00Z', dataDir);
    // The stored reference still points at the first connector, which is gone: repoint it as Teams would on the next message.
    const stored = parseReference((await h.store.conversationRef(PERSONAL)) ?? '');
    if (!stored.ok) throw new Error(stored.reason);
    await h.server.teams.conversations.save({ ...stored.reference, serviceUrl: h.connector.url });
    expect((await h.runDue(DUE)).sent).toEqual([PERSONAL_KEY]);
    expect(only(h.connector.requests).conversationId).toBe(PERSONAL);
  });

  it('records feedback clicks and questions in the store, but not compose-box searches', async () => {
    h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    await h.activity('card_submit', { value: { action: 'feedback', entryId: 'paper-author', helpful: false } });
    expect(await h.store.feedback({})).toEqual([expect.objectContaining({ platform: 'teams', entryId: 'paper-author', helpful: false })]);
    await h.personal('Who wrote the paper?');
    await h.activity('compose_extension_query');
    await new Promise((resolve) => setImmediate(resolve)); // the log write is fire-and-forget
    expect(await h.store.questions({})).toEqual([expect.objectContaining({ platform: 'teams', channel: PERSONAL_KEY, decision: 'answer', entryId: 'paper-author' })]);
  });
});
