/**
 * End to end: Activity JSON POSTed to the real shared HTTP server, through the real CloudAdapter,
 * with replies going to a fake connector on 127.0.0.1. nock forbids every other address, so a
 * token or metadata fetch attempted by botbuilder would fail the test instead of going out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import {
  startFakeConnector,
  startTeamsServer,
  teamsFixture,
  type ConnectorRequest,
  type FakeConnector,
  type Json,
  type TeamsServer,
} from '../../helpers/teams.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
let connector: FakeConnector;
let server: TeamsServer;
beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startTeamsServer({ bot });
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

const fixture = (name: string, overrides: Json = {}): Json => teamsFixture(name, { serviceUrl: connector.url, ...overrides });
const only = (requests: readonly ConnectorRequest[]): ConnectorRequest => {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  if (!request) throw new Error('no request');
  return request;
};
const cardOf = (activity: Json): string => JSON.stringify(activity['attachments'] ?? []);

describe('POST /api/messages (TEAMS_LOCAL, unauthenticated)', () => {
  it('answers a personal question with a card, citations and the citation entity', async () => {
    const res = await server.post(fixture('personal_message'));
    expect(res.status).toBe(200);
    const sent = only(connector.requests);
    expect(sent.conversationId).toBe('a:1Zq8mN3vB7xK2pL9wR4tY6uH0jG5fD1sA8cE3iO7kM2nQ4bV9zX6yT1rW5eU0oP3lJ8hF2gC');
    expect(sent.replyToId).toBe('1712049271064');
    expect(sent.activity['text']).toMatch(/Pierre Andrieu.*\[1\] \[2\]$/);
    expect(cardOf(sent.activity)).toContain('application/vnd.microsoft.card.adaptive');
    expect(cardOf(sent.activity)).toContain('Former Ambassador of France');
    // The whole schema.org entity must survive the connector's serializer (see entities.ts).
    expect(sent.activity['entities']).toEqual([
      expect.objectContaining({
        type: 'https://schema.org/Message',
        '@type': 'Message',
        citation: [
          expect.objectContaining({ '@type': 'Claim', position: 1, appearance: expect.objectContaining({ name: 'About the author' }) }),
          expect.objectContaining({ '@type': 'Claim', position: 2, appearance: expect.objectContaining({ abstract: '“Pierre ANDRIEU”' }) }),
        ],
      }),
    ]);
  });

  it('answers a channel mention in the same thread, with the mention stripped', async () => {
    await server.post(fixture('channel_mention'));
    const sent = only(connector.requests);
    expect(sent.conversationId).toBe('19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2;messageid=1712049605512');
    expect(sent.replyToId).toBe('1712049605512');
    expect(sent.activity['text']).toContain('Pierre Andrieu');
  });

  it('stays silent on a channel message that does not mention the bot', async () => {
    const res = await server.post(fixture('channel_mention', { text: 'Who wrote the paper?', entities: [] }));
    expect(res.status).toBe(200);
    expect(connector.requests).toHaveLength(0);
  });

  it('answers the related entry when a card button is submitted', async () => {
    await server.post(fixture('card_submit'));
    const sent = only(connector.requests);
    expect(sent.activity['text']).toContain('26th March 2024');
    expect(JSON.stringify(sent.activity['entities'])).toContain('Schuman Paper n°742, 26th March 2024.');
  });

  it('records a feedback click through the FeedbackSink port and thanks the user', async () => {
    await server.post(fixture('card_submit', { value: { action: 'feedback', entryId: 'paper-author', helpful: false } }));
    expect(server.feedback.records).toEqual([
      { platform: 'teams', userId: '6f4a2c1e-93b7-4d2a-8e51-0c7d9b3a5f12', entryId: 'paper-author', helpful: false },
    ]);
    expect(only(connector.requests).activity['text']).toMatch(/Thanks for telling me. The curators review answers marked not helpful./);
  });

  it('returns answer cards with citations to a message extension query', async () => {
    const res = await server.post(fixture('compose_extension_query'));
    expect(res.status).toBe(200);
    const body: unknown = JSON.parse(res.body);
    const text = JSON.stringify(body);
    expect(text).toContain('"type":"result"');
    expect(text).toContain('Who wrote the paper?');
    expect(text).toContain('Former Ambassador of France');
    expect(text).not.toContain('Action.Submit');
    expect(connector.requests).toHaveLength(0);
  });

  it('welcomes the team once and keeps the conversation reference when the bot is added', async () => {
    const update = fixture('conversation_update_bot_added');
    await server.post(update);
    await server.post(update);
    const sent = only(connector.requests);
    expect(cardOf(sent.activity)).toContain('@mention me');
    const refs = await server.teams.conversations.list();
    expect(refs.map((r) => r.conversation?.id)).toEqual(['19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2']);
  });

  it('answers a redelivered activity only once', async () => {
    await server.post(fixture('personal_message'));
    await server.post(fixture('personal_message'));
    expect(connector.requests).toHaveLength(1);
  });

  it('rejects malformed bodies with 400 and a log line, and keeps serving', async () => {
    for (const body of ['{not json', '[]', '{"text":"no type"}', JSON.stringify({ ...fixture('personal_message'), serviceUrl: 'ftp://x' })]) {
      expect((await server.post(body)).status).toBe(400);
    }
    expect(server.logger.entries.filter((e) => e.level === 'warn' && /rejected/.test(e.message))).toHaveLength(4);
    expect((await server.post(fixture('personal_message'))).status).toBe(200);
    expect(connector.requests).toHaveLength(1);
  });

  it('rejects an oversized body with 413 and a body that is not JSON with 415', async () => {
    const big = JSON.stringify({ ...fixture('personal_message'), text: 'x'.repeat(600 * 1024) });
    expect((await server.post(big)).status).toBe(413);
    expect((await server.post('hello', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(connector.requests).toHaveLength(0);
  });

  // The core's one error policy now catches what used to fail the whole turn: the same apology as Slack.
  it('logs a failed feedback write once with context and tells the user, never thanking them', async () => {
    const failing = await startTeamsServer({ bot, feedback: { record: () => Promise.reject(new Error('store is down')) } });
    try {
      const res = await failing.post(fixture('card_submit', { value: { action: 'feedback', entryId: 'paper-author', helpful: true } }));
      expect(res.status).toBe(200);
      expect(only(connector.requests).activity['text']).toMatch(/Sorry, I couldn.t record your feedback/);
      const errors = failing.logger.entries.filter((e) => e.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.fields).toMatchObject({ platform: 'teams', entryId: 'paper-author', helpful: true });
    } finally {
      await failing.close();
    }
  });

  it('retries a connector that fails with 503 and delivers the reply', async () => {
    connector.failNext(503, 2);
    expect((await server.post(fixture('personal_message'))).status).toBe(200);
    expect(only(connector.requests).activity['text']).toContain('Pierre Andrieu');
  });

  it('retries 429 with backoff, then logs the failure with context', async () => {
    connector.failNext(429, 10);
    expect((await server.post(fixture('personal_message'))).status).toBe(200);
    expect(connector.requests).toHaveLength(0);
    const failure = server.logger.entries.find((e) => e.level === 'error');
    expect(failure?.fields).toMatchObject({ code: 'delivery_failed', activityType: 'message', conversation: expect.stringMatching(/^a:1Zq8/) });
    expect(String(failure?.fields['error'])).toMatch(/4 attempt\(s\) \(HTTP 429\)/);
  });
});

describe('POST /api/messages with credentials', () => {
  let secured: TeamsServer;
  beforeEach(async () => {
    secured = await startTeamsServer({
      bot,
      config: { teams: { appId: '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', appPassword: 'not-a-real-secret', appType: 'MultiTenant' }, teamsLocal: false },
    });
  });
  afterEach(() => secured.close());

  it('rejects a request with a forged token with 401', async () => {
    const forged = ['eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJhdWQiOiI4ZjFhMmIzYyJ9', 'c2ln'].join('.');
    const res = await secured.post(fixture('personal_message'), { authorization: `Bearer ${forged}` });
    expect(res.status).toBe(401);
    expect(connector.requests).toHaveLength(0);
  });

  it('rejects a request without a token with 401 and sends nothing', async () => {
    const res = await secured.post(fixture('personal_message'));
    expect(res.status).toBe(401);
    expect(connector.requests).toHaveLength(0);
    expect(secured.logger.entries.some((e) => e.level === 'warn' && /unauthenticated/.test(e.message))).toBe(true);
  });
});
