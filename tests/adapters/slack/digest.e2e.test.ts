/**
 * The digest through Slack, end to end: signed slash commands and events POSTed to the real Bolt
 * app on the real HTTP server, a real SQLite store in a temp dir, `runDue` at injected instants
 * posting through the app's digest sink to the fake Web API on 127.0.0.1. Nothing leaves loopback.
 */
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buttons, shownText } from '../../helpers/slackBlocks.js';
import type { ApiCall } from '../../helpers/slackFakeApi.js';
import { CHANNEL, CHANNEL_KEY, startSlackDigestHarness, type SlackDigestHarness } from '../../helpers/slackDigest.js';
import { realBot } from '../../helpers/slackHarness.js';
import { fixtureJson, postAction } from '../../helpers/slackRequests.js';

// 2024-03-31 is the day Paris moves to summer time: 09:00 there is 07:00 UTC.
const DUE = '2024-03-31T07:00:00Z';
const NOTHING = { sent: [], failed: [], unsubscribed: [] };

let h: SlackDigestHarness;
afterEach(async () => h.close());

const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error('nothing there');
  return item;
};

/** A digest message: title, the insight, a quoted and linked citation, feedback buttons. */
function expectDigest(call: ApiCall | undefined): void {
  const shown = shownText(call);
  expect(shown).toContain('EU-China digest · 31 March 2024');
  expect(shown).toMatch(/\*Insight of the day:\* .+/);
  expect(shown).toMatch(/:page_facing_up: \*(?:Section '[^*]+', paragraph \d+ of \d+|Footnote \d+)\*: “[^”]+”/);
  expect(shown).toContain(`<${realBot().source().url}|Read the paper>`);
  expect(buttons(call).map((b) => b.action_id)).toEqual(expect.arrayContaining(['feedback_helpful', 'feedback_not_helpful']));
}

const posts = (): ApiCall[] => h.slack.fake.callsTo('chat.postMessage');
const insightOf = (call: ApiCall | undefined): string => /\*Insight of the day:\* (.+)/.exec(shownText(call))?.[1] ?? '';

describe('Slack digest commands and delivery (real Bolt app, real SQLite store, fake Web API)', () => {
  it('tells the user a subscribe failed, and confirms nothing, when the database file was deleted', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    for (const f of [h.store.file, `${h.store.file}-wal`, `${h.store.file}-shm`]) rmSync(f, { force: true });
    const reply = shownText(await h.command('subscribe 09:00 Europe/Paris'));
    expect(reply).not.toMatch(/Subscribed/);
    expect(reply).toMatch(/Sorry, I couldn't/);
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'digest command failed', fields: expect.objectContaining({ error: expect.objectContaining({ code: 'store_unavailable' }) }) }));
  });

  it('subscribes by /eu-china, previews privately, posts one digest when due and none again', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    const ack = await h.command('subscribe 09:00 Europe/Paris');
    expect(ack.body['response_type']).toBe('ephemeral');
    expect(shownText(ack)).toMatch(/Subscribed: the EU-China digest will be posted here every day at 09:00 \(Europe\/Paris\) in English \(en\), from today\./);
    expect(await h.store.subscription(CHANNEL_KEY)).toMatchObject({ platform: 'slack', time: '09:00', timeZone: 'Europe/Paris' });

    const invalid = await h.command('subscribe 25:00');
    expect(shownText(invalid)).toContain('Invalid time "25:00". Use HH:MM, e.g. /eu-china subscribe 08:30 Europe/Paris');
    expect(await h.store.subscription(CHANNEL_KEY)).toMatchObject({ time: '09:00', timeZone: 'Europe/Paris' });

    const preview = await h.command('digest');
    expect(preview.body['response_type']).toBe('ephemeral');
    expectDigest(preview);
    expect(shownText(preview)).toContain('only you can see this');
    expect(posts()).toEqual([]);

    expect(await h.runDue('2024-03-31T06:59:00Z')).toEqual(NOTHING);
    expect(await h.runDue(DUE)).toEqual({ sent: [CHANNEL_KEY], failed: [], unsubscribed: [] });
    const posted = only(posts());
    expect(posted.body).toMatchObject({ channel: CHANNEL, unfurl_links: 'false', link_names: 'false' });
    expect(posted.body['thread_ts']).toBeUndefined();
    expectDigest(posted);
    expect(insightOf(posted)).toBe(insightOf(preview)); // the preview showed what was posted

    expect(await h.runDue('2024-03-31T07:05:00Z')).toEqual(NOTHING);
    expect(posts()).toHaveLength(1);
    expect(await h.store.digestRecord(CHANNEL_KEY, '2024-03-31')).toMatchObject({ status: 'sent' });
  });

  it('answers an unknown zone with an example, and unsubscribes by /eu-china unsubscribe', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    expect(shownText(await h.command('subscribe 09:00 Mars/Olympus'))).toContain('Unknown time zone "Mars/Olympus". Use an IANA time zone name, e.g. /eu-china subscribe 08:30 Europe/Paris');
    expect(await h.store.subscriptions()).toEqual([]);
    await h.command('subscribe 08:30');
    expect(await h.store.subscription(CHANNEL_KEY)).toMatchObject({ time: '08:30', timeZone: 'UTC' });
    expect(shownText(await h.command('unsubscribe'))).toContain('Unsubscribed: no more daily digest here. Subscribe again with /eu-china subscribe.');
    expect(await h.store.subscription(CHANNEL_KEY)).toBeUndefined();
    expect(await h.runDue('2024-03-31T09:00:00Z')).toEqual(NOTHING);
    expect(posts()).toEqual([]);
  });

  it('unsubscribes a channel whose chat.postMessage answers channel_not_found, without retrying', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    await h.command('subscribe 09:00 Europe/Paris');
    h.slack.fake.failNext('chat.postMessage', 1, { error: 'channel_not_found' }); // the fake answers { ok: false, error }
    expect(await h.runDue(DUE)).toEqual({ sent: [], failed: [], unsubscribed: [CHANNEL_KEY] });
    expect(posts()).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.store.subscription(CHANNEL_KEY)).toBeUndefined();
    const [warning] = h.logger.find('digest: the bot cannot post in this channel any more; unsubscribed it');
    expect(String(warning?.fields['error'])).toMatch(/channel_not_found/);
  });

  it('keeps the subscription when the token is refused, and posts on a later run once it works', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    await h.command('subscribe 09:00 Europe/Paris');
    h.slack.fake.failNext('chat.postMessage', 4, { error: 'invalid_auth' });
    expect(await h.runDue(DUE)).toEqual({ sent: [], failed: [CHANNEL_KEY], unsubscribed: [] });
    expect(h.sleeps).toEqual([1000, 4000, 16000]);
    expect(await h.store.subscription(CHANNEL_KEY)).toBeDefined();
    expect(await h.store.digestRecord(CHANNEL_KEY, '2024-03-31')).toMatchObject({ status: 'released' });
    const [failed] = h.logger.find('digest: delivery failed; claim released, the next run tries again');
    expect(String(failed?.fields['error'])).toMatch(/invalid_auth.*SLACK_BOT_TOKEN/);
    expect(await h.runDue('2024-03-31T07:01:00Z')).toEqual({ sent: [CHANNEL_KEY], failed: [], unsubscribed: [] });
  });

  it('gives up at once on a channel Slack rate-limits for an hour, releases its claim, and posts on the next run', { timeout: 10_000 }, async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    await h.command('subscribe 09:00 Europe/Paris');
    h.slack.fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 3600 });
    expect(await h.runDue(DUE)).toEqual({ sent: [], failed: [CHANNEL_KEY], unsubscribed: [] });
    expect(posts()).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.store.digestRecord(CHANNEL_KEY, '2024-03-31')).toMatchObject({ status: 'released' });
    const [failed] = h.logger.find('digest: delivery failed; claim released, the next run tries again');
    expect(String(failed?.fields['error'])).toMatch(/rate limit.*3600 s/);
    expect(await h.runDue('2024-03-31T07:01:00Z')).toEqual({ sent: [CHANNEL_KEY], failed: [], unsubscribed: [] });
  });

  it('echoes a bad subscribe argument as inert text: no formatting, no bidi override, no zero-width character, no link', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    const reply = await h.command('subscribe 09:00 *Evil*\u202Egnp.exe\u200B_https://evil.example_');
    const blocks = reply.body['blocks'];
    const shown = shownText(reply);
    expect(shown).toContain('Unknown time zone "*Evil*gnp.exe_https://evil.example_"');
    expect(shown).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
    expect(JSON.stringify(blocks)).not.toContain('"type":"mrkdwn"');
    expect(shown).not.toMatch(/<https?:/);
  });

  it('takes the digest commands in a mention: the confirmation in the thread, the preview only to the asker', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    await h.mention('subscribe 08:30 Europe/Paris');
    const [confirmation] = await h.slack.fake.waitFor('chat.postMessage', 1);
    expect(confirmation?.body).toMatchObject({ channel: CHANNEL, thread_ts: expect.stringMatching(/^1712400\d+\.000100$/) });
    expect(shownText(confirmation)).toMatch(/Subscribed: .* 08:30 \(Europe\/Paris\)/);
    expect(await h.store.subscription(CHANNEL_KEY)).toMatchObject({ time: '08:30', timeZone: 'Europe/Paris' });
    await h.mention('digest');
    const [preview] = await h.slack.fake.waitFor('chat.postEphemeral', 1);
    expect(preview?.body).toMatchObject({ channel: CHANNEL, user: 'U0ASKER001' });
    expectDigest(preview);
    await sleep(100);
    expect(posts()).toHaveLength(1);
  });

  it("logs questions under the channel key and posts yesterday's activity in the digest", async () => {
    h = await startSlackDigestHarness('2024-03-30T10:00:00Z');
    await h.mention('Who wrote the paper?');
    await h.mention('Who is the author of the paper?');
    await h.command('What is the best recipe for apple pie?');
    await h.dm('Who wrote the paper?');
    await h.slack.fake.waitFor('chat.postMessage', 3);
    const logged = await h.store.questions({});
    expect(logged.map((q) => [q.platform, q.channel, q.decision])).toEqual(
      expect.arrayContaining([
        ['slack', CHANNEL_KEY, 'answer'],
        ['slack', CHANNEL_KEY, 'decline'],
        ['slack', 'slack:D0DIRECT001', 'answer'],
      ]),
    );
    expect(logged).toHaveLength(4);
    expect(logged.every((q) => q.askerHash !== undefined && !q.askerHash.includes('U0ASKER001'))).toBe(true);

    h.clock.set('2024-03-31T06:00:00Z');
    await h.command('subscribe 09:00 Europe/Paris');
    expect((await h.runDue(DUE)).sent).toEqual([CHANNEL_KEY]);
    const digest = posts().find((c) => c.body['channel'] === CHANNEL && c.body['thread_ts'] === undefined);
    expect(shownText(digest)).toContain('*Asked here yesterday:* 3 questions; most asked: "Who wrote the paper?" (2 times); 1 I could not answer.');
  });

  it('records Helpful / Not helpful clicks in the store', async () => {
    h = await startSlackDigestHarness('2024-03-31T06:00:00Z');
    const payload = fixtureJson('block_actions.json');
    await postAction(h.slack.eventsUrl, { ...payload, actions: [{ action_id: 'feedback_not_helpful', block_id: 'controls', type: 'button', value: 'paper-author', action_ts: '1712345691.000001' }] });
    await h.slack.fake.waitFor('chat.postEphemeral', 1);
    expect(await h.store.feedback({})).toEqual([expect.objectContaining({ platform: 'slack', entryId: 'paper-author', helpful: false })]);
  });
});
