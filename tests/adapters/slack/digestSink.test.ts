import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackDigestSink, type SlackDigestSink } from '../../../src/adapters/slack/digestSink.js';
import type { Digest } from '../../../src/core/digest/compose.js';
import { DeferredDeliveryError, isPermanent, PermanentDeliveryError, retryAfterOf } from '../../../src/core/digest/sink.js';
import { DeliveryError } from '../../../src/core/errors.js';
import { shownText } from '../../helpers/slackBlocks.js';
import { FAKE_BOT, startFakeSlackApi, type FakeSlackApi } from '../../helpers/slackFakeApi.js';
import { FAST_RETRY, realBot } from '../../helpers/slackHarness.js';
import { recordingLogger } from '../../helpers/slackTestDoubles.js';

const TARGET = { platform: 'slack', channel: 'slack:C0GENERAL01' } as const;

function todaysDigest(): Digest {
  const insight = realBot().answerEntry('paper-author');
  if (!insight) throw new Error('no entry paper-author');
  return { channel: TARGET.channel, day: '2024-03-31', language: 'en', insight };
}

let fake: FakeSlackApi;
let sink: SlackDigestSink;

beforeEach(async () => {
  fake = await startFakeSlackApi();
  sink = createSlackDigestSink({ botToken: 'xoxb-test-token', signingSecret: 's', apiUrl: fake.apiUrl }, recordingLogger(), { retry: FAST_RETRY });
});
afterEach(() => fake.close());

/** The error `sink.send` fails with. */
async function failure(): Promise<unknown> {
  return sink.send(TARGET, todaysDigest()).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('SlackDigestSink (real WebClient, fake Web API)', () => {
  it("returns the ts Slack gave the posted message, for the scheduler to record with the sent claim", async () => {
    const posted = await sink.send(TARGET, todaysDigest());
    expect(posted.messageId).toMatch(/^1712400000\.\d{6}$/);
  });

  it('posts the digest as a new message in the channel, with its citation, previews off', async () => {
    await sink.send(TARGET, todaysDigest());
    const [call] = fake.callsTo('chat.postMessage');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(call?.body).toMatchObject({ channel: 'C0GENERAL01', unfurl_links: 'false', unfurl_media: 'false', link_names: 'false' });
    expect(call?.body['thread_ts']).toBeUndefined();
    expect(shownText(call)).toContain('EU-China digest · 31 March 2024');
    expect(shownText(call)).toContain(`<${realBot().source().url}|Read the paper>`);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('fails permanently on %s (the scheduler unsubscribes the channel)', async (code) => {
    fake.failNext('chat.postMessage', 1, { error: code });
    const error = await failure();
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(String(error)).toContain(code);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each(['invalid_auth', 'account_inactive', 'missing_scope'])('fails transiently on %s, naming SLACK_BOT_TOKEN: a token problem must not unsubscribe every channel', async (code) => {
    fake.failNext('chat.postMessage', 1, { error: code });
    const error = await failure();
    expect(error).toBeInstanceOf(DeliveryError);
    expect(isPermanent(error)).toBe(false);
    expect(String(error)).toMatch(new RegExp(`${code}.*SLACK_BOT_TOKEN`));
  });

  it('lets the client retry a 5xx and delivers once', async () => {
    fake.failNext('chat.postMessage', 1, { status: 503 });
    await sink.send(TARGET, todaysDigest());
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it("hands a 429's Retry-After to the scheduler at once (it pauses the whole workspace), without posting", async () => {
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    const started = performance.now();
    const error = await failure();
    expect(error).toBeInstanceOf(DeferredDeliveryError);
    expect(retryAfterOf(error)).toBe(1000);
    expect(performance.now() - started).toBeLessThan(900);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it("says which workspace the bot token belongs to (auth.test, asked once), for channels subscribed without one", async () => {
    expect(await sink.workspaceOf()).toBe(FAKE_BOT.teamId);
    expect(await sink.workspaceOf()).toBe(FAKE_BOT.teamId);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('fails at once, without waiting, on a 429 whose Retry-After is past what a digest run waits', { timeout: 10_000 }, async () => {
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 3600 });
    const error = await failure();
    expect(error).toBeInstanceOf(DeliveryError);
    expect(isPermanent(error)).toBe(false);
    expect(String(error)).toMatch(/rate limit.*3600 s/);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a channel key of another platform without calling Slack', async () => {
    const error = await sink.send({ platform: 'teams', channel: 'teams:19:abc@thread.tacv2' }, todaysDigest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
