/**
 * Teams messages are acknowledged as soon as they are authenticated and answered after the
 * response, from the turn queue: through the real shared HTTP server and CloudAdapter, against a
 * fake connector on 127.0.0.1 that is slow or never answers. Each test fails if the turn runs
 * inside the request again (the 200 would then wait for the connector).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { post, startFakeConnector, startTeamsServer, teamsFixture, type FakeConnector, type TeamsServer } from '../../helpers/teams.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
let connector: FakeConnector;
let server: TeamsServer;
beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startTeamsServer({ bot, retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 1500 } });
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

const message = (id: string): unknown => teamsFixture('personal_message', { id, serviceUrl: connector.url });
const errors = (): string[] => server.logger.entries.filter((e) => e.level === 'error').map((e) => String(e.fields['code'] ?? e.message));

describe('a Teams message', { timeout: 10_000 }, () => {
  it('is acknowledged before its reply is delivered, and the reply follows (stop waits for it)', async () => {
    connector.delayNext(1, 300);
    const res = await post(server.url, message('slow-1'));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(connector.requests).toHaveLength(0); // the connector has not answered yet
    await server.teams.stop();
    expect(connector.requests).toHaveLength(1);
    expect(connector.requests[0]?.replyToId).toBe('slow-1');
  });

  it('is acknowledged with 200 when the connector never answers; the failed delivery is logged after', async () => {
    connector.hangNext(100);
    const res = await post(server.url, message('hang-1'));
    expect(res.status).toBe(200);
    expect(errors()).toEqual([]);
    await server.teams.idle();
    expect(errors()).toContain('delivery_failed');
  });

  it('keeps invokes inside the request: a message-extension query still gets its results in the response', async () => {
    const res = await post(server.url, teamsFixture('compose_extension_query', { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    expect(res.body).toContain('"composeExtension"');
    expect(res.body).toContain('Who wrote the paper?');
  });

  it('still answers expectReplies deliveries in the response body', async () => {
    const res = await post(server.url, teamsFixture('personal_message', { id: 'er-1', serviceUrl: connector.url, deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    const body: unknown = JSON.parse(res.body);
    expect(JSON.stringify(body)).toContain('activities');
    expect(connector.requests).toHaveLength(0);
  });
});
