/**
 * The Teams digest sink's failure handling. Permanent and transient outcomes through runDue are in
 * digest.e2e.test.ts; here, what needs no scheduler: keys and references that cannot work, and
 * Retry-After read from a real connector error after the connector's own pipeline gave up.
 */
import type { ConversationReference, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { retryAfterMs, TeamsDigestSink, type ProactiveAdapter } from '../../../src/adapters/teams/digestSink.js';
import { memoryConversationRefStore, referenceOf } from '../../../src/adapters/teams/welcome.js';
import { createBot } from '../../../src/core/bot.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { createDigestCommands } from '../../../src/core/digest/commands.js';
import type { Digest } from '../../../src/core/digest/compose.js';
import { DeferredDeliveryError, isPermanent, PermanentDeliveryError, retryAfterOf } from '../../../src/core/digest/sink.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { teamsActivity } from '../../helpers/teams.js';
import { DEFAULTS, PERSONAL, startDigestHarness } from '../../helpers/teamsDigest.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });

/** An adapter that must not be reached: it records the references it was asked to use. */
class RecordingAdapter implements ProactiveAdapter {
  readonly calls: Partial<ConversationReference>[] = [];
  async continueConversationAsync(_appId: string, reference: Partial<ConversationReference>, _logic: (context: TurnContext) => Promise<void>): Promise<void> {
    this.calls.push(reference);
  }
}

const target = { platform: 'teams', channel: `teams:${PERSONAL}` };
const someDigest = (): Digest => {
  const insight = bot.answerEntry('paper-author');
  if (!insight) throw new Error('no entry');
  return { channel: target.channel, day: '2024-03-31', language: 'en', insight };
};

describe('TeamsDigestSink', () => {
  it('refuses a key that is not a Teams conversation, or one with no reference left, as permanent', async () => {
    const adapter = new RecordingAdapter();
    const sink = new TeamsDigestSink({ adapter, appId: '', conversations: memoryConversationRefStore() });
    const notTeams = await sink.send({ platform: 'slack', channel: 'slack:C1' }, someDigest()).catch((e: unknown) => e);
    expect(notTeams).toBeInstanceOf(PermanentDeliveryError);
    const gone = await sink.send(target, someDigest()).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(PermanentDeliveryError);
    expect(String(gone)).toMatch(/no conversation reference for teams:a:1Zq8/);
    expect(adapter.calls).toEqual([]);
  });

  it('posts with the stored reference of the conversation', async () => {
    const adapter = new RecordingAdapter();
    const conversations = memoryConversationRefStore();
    await conversations.save(referenceOf(teamsActivity('personal_message')));
    await new TeamsDigestSink({ adapter, appId: '', conversations }).send(target, someDigest());
    expect(adapter.calls.map((r) => [r.conversation?.id, r.serviceUrl])).toEqual([[PERSONAL, 'https://smba.trafficmanager.net/emea/']]);
  });

  it("names the tenant of a conversation subscribed without one (from its stored reference), for pacing per tenant", async () => {
    const conversations = memoryConversationRefStore();
    const sink = new TeamsDigestSink({ adapter: new RecordingAdapter(), appId: '', conversations });
    expect(await sink.workspaceOf(target)).toBeUndefined();
    await conversations.save(referenceOf(teamsActivity('personal_message')));
    expect(await sink.workspaceOf(target)).toBe(teamsActivity('personal_message').conversation.tenantId);
    expect(sink.pacing).toEqual({ channelIntervalMs: 1000, workspaceIntervalMs: 50, concurrency: 4 });
  });

  it('returns the id the connector gave the posted activity, for the scheduler to record with the sent claim', async () => {
    const h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    try {
      await h.personal('subscribe 09:00 Europe/Paris');
      const sink = new TeamsDigestSink({ adapter: h.server.teams.adapter, appId: '', conversations: h.server.teams.conversations });
      const posted = await sink.send(target, someDigest());
      expect(posted.messageId).toMatch(/^reply-\d+$/);
    } finally {
      await h.close();
    }
  });

  it('hands the scheduler the Retry-After of a throttled post, for it to pause the tenant and post again', { timeout: 20_000 }, async () => {
    const h = await startDigestHarness(bot, '2024-03-31T06:00:00Z');
    try {
      await h.personal('subscribe 09:00 Europe/Paris');
      const sink = new TeamsDigestSink({ adapter: h.server.teams.adapter, appId: '', conversations: h.server.teams.conversations });
      const preview = await createDigestCommands({ bot, store: h.store, clock: h.clock, defaults: DEFAULTS }).preview(target);
      if (!preview.digest) throw new Error('no digest');
      // The connector's pipeline itself retries a 429 that carries Retry-After three times.
      h.connector.failNext(429, 4, { 'retry-after': '1' });
      const before = h.connector.requests.length;
      const error = await sink.send(target, preview.digest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeferredDeliveryError);
      expect(isPermanent(error)).toBe(false);
      expect(String(error)).toMatch(/HTTP 429/);
      expect(retryAfterOf(error)).toBe(1000);
      await sink.send(target, preview.digest);
      expect(h.connector.requests).toHaveLength(before + 1);
    } finally {
      await h.close();
    }
  });
});

describe('retryAfterMs', () => {
  const restError = (headers: Record<string, string>) => ({ statusCode: 429, response: { headers: new Map(Object.entries(headers)) } });

  it('reads seconds or an HTTP date from the response of a connector error', () => {
    expect(retryAfterMs(restError({ 'retry-after': '7' }))).toBe(7000);
    const now = Date.parse('2024-03-31T07:00:00Z');
    expect(retryAfterMs(restError({ 'retry-after': 'Sun, 31 Mar 2024 07:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(restError({ 'retry-after': 'Sun, 31 Mar 2024 06:00:00 GMT' }), now)).toBe(0);
  });

  it('is undefined without a usable header', () => {
    expect(retryAfterMs(restError({}))).toBeUndefined();
    expect(retryAfterMs(restError({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Error('socket hang up'))).toBeUndefined();
    expect(retryAfterMs({ statusCode: 503, response: { headers: 'retry-after: 3' } })).toBeUndefined();
  });
});
