/**
 * One retry budget per Teams reply, end to end through the real CloudAdapter and the connector
 * client's own HTTP pipeline, against a fake connector on 127.0.0.1: throttling and a connector
 * that never answers must end the turn by the deadline (10 s by default; a message is acknowledged
 * before its turn, but the turn queue and invokes, answered inside Bot Framework's 15 s, must not
 * be held up). The deadline is shortened to 1.5 s here so the tests stay fast; `server.post` waits
 * for the turn after the ack, so `ms` is the whole turn.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { startFakeConnector, startTeamsServer, teamsFixture, type FakeConnector, type TeamsServer } from '../../helpers/teams.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
let connector: FakeConnector;
let server: TeamsServer;
beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startTeamsServer({ bot, retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 1500 } });
  await server.post(teamsFixture('personal_message', { id: 'warm-up', serviceUrl: connector.url })); // a cold first turn would blur the timings
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

const ask = async (): Promise<{ status: number; ms: number }> => {
  const started = performance.now();
  const res = await server.post(teamsFixture('personal_message', { serviceUrl: connector.url }));
  return { status: res.status, ms: performance.now() - started };
};
const deliveryFailure = (): unknown => server.logger.entries.find((e) => e.level === 'error')?.fields['code'];

describe('a Teams reply', { timeout: 10_000 }, () => {
  it('makes at most 4 connector attempts and ends by the deadline when every attempt is throttled with Retry-After', async () => {
    connector.failNext(429, 100, { 'retry-after': '1' });
    const before = connector.attempts();
    const { status, ms } = await ask();
    expect(status).toBe(200);
    expect(connector.attempts() - before).toBeLessThanOrEqual(4);
    expect(ms).toBeLessThan(2000);
    expect(deliveryFailure()).toBe('delivery_failed');
  });

  it('ends by the deadline when the connector accepts the request and never answers', async () => {
    connector.hangNext(100);
    const { status, ms } = await ask();
    expect(status).toBe(200);
    expect(ms).toBeLessThan(2000);
    expect(deliveryFailure()).toBe('delivery_failed');
  });

  it('still delivers after one throttled attempt', async () => {
    connector.failNext(429, 1, { 'retry-after': '0' });
    expect((await ask()).status).toBe(200);
    expect(connector.requests).toHaveLength(2);
    expect(connector.attempts()).toBe(3);
  });
});
