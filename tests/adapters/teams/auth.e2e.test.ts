/**
 * Authentication of POST /api/messages with credentials, end to end: real tokens signed with a
 * real RSA key by a fake Microsoft login host on 127.0.0.1 (tests/helpers/teamsLogin.ts), the
 * real CloudAdapter on a real port. Every forged token is a 401 logged once at warn without the
 * token; a login host that never answers costs a bounded wait, one fetch, and a 503.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { startFakeConnector, startTeamsServer, teamsFixture, type FakeConnector, type Json, type TeamsServer } from '../../helpers/teams.js';
import { startFakeLogin, type FakeLogin } from '../../helpers/teamsLogin.js';

loopbackOnly();
const APP_ID = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
let login: FakeLogin;
let connector: FakeConnector;
let server: TeamsServer;
beforeEach(async () => {
  login = await startFakeLogin(APP_ID);
  connector = await startFakeConnector();
  server = await startTeamsServer({
    bot,
    config: { teams: { appId: APP_ID, appPassword: 'not-a-real-secret', appType: 'MultiTenant' }, teamsLocal: false },
    auth: { metadataUrl: login.metadataUrl, deadlineMs: 300 },
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
  await connector.close();
  await login.close();
});

// An invoke answered in the HTTP response: an accepted token needs no outbound token request.
const query = (): Json => teamsFixture('compose_extension_query', { serviceUrl: connector.url });
const claims = (): Json => ({ serviceurl: connector.url });
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

describe('POST /api/messages: tokens', () => {
  it('accepts a token the channel signed with a published key', async () => {
    const res = await server.post(query(), bearer(login.token(claims())));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Former Ambassador of France');
  });

  it('rejects every forged token with 401, logged once at warn without the token', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const [name, token] of Object.entries(login.forgeries(claims()))) {
      const before = server.logger.entries.length;
      const res = await server.post(query(), bearer(token));
      const logged = server.logger.entries.slice(before);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect({ name, levels: logged.map((e) => e.level) }).toEqual({ name, levels: ['warn'] });
      const text = JSON.stringify(logged);
      for (const part of token.split('.').filter((p) => p.length > 8)) expect({ name, leaked: text.includes(part) }).toEqual({ name, leaked: false });
    }
    expect(consoleError).not.toHaveBeenCalled();
    expect(connector.requests).toHaveLength(0);
  });

  it('rejects a token for another app or another serviceUrl with 401', async () => {
    expect((await server.post(query(), bearer(login.token({ ...claims(), aud: 'another-app' })))).status).toBe(401);
    expect((await server.post(query(), bearer(login.token({ serviceurl: 'https://elsewhere.example/' })))).status).toBe(401);
  });
});

describe('POST /api/messages: the login host', () => {
  it('answers 503 within the deadline, with one fetch for all waiting requests, when the login host never answers', async () => {
    login.hang(true);
    const started = performance.now();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => server.post(query(), bearer(login.token(claims())))));
    expect(results.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(login.held()).toBe(1);
    expect(server.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    login.hang(false);
    expect((await server.post(query(), bearer(login.token(claims())))).status).toBe(200);
  });

  it('fetches the metadata and the keys once, then serves tokens from the cache', async () => {
    await Promise.all([1, 2, 3, 4].map(() => server.post(query(), bearer(login.token(claims())))));
    for (const id of ['q1', 'q2']) expect((await server.post({ ...query(), id }, bearer(login.token(claims())))).status).toBe(200);
    expect(login.asked).toEqual({ metadata: 1, keys: 1 });
  });
});
