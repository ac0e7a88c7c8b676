/**
 * Connection reuse to the connector (see src/adapters/teams/connectors.ts). Kept apart from
 * app.e2e.test.ts because nock's interception there opens a socket per request; everything here
 * stays on 127.0.0.1 too.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { startFakeConnector, startTeamsServer, teamsFixture, type FakeConnector, type TeamsServer } from '../../helpers/teams.js';

let connector: FakeConnector;
let server: TeamsServer;
beforeEach(async () => {
  connector = await startFakeConnector();
  server = await startTeamsServer({ bot: createBot({ knowledge: loadKnowledge('knowledge') }) });
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

it('reuses one connector client, and so one connection, across turns', async () => {
  for (const id of ['a1', 'a2', 'a3']) await server.post(teamsFixture('personal_message', { id, serviceUrl: connector.url }));
  expect(connector.requests).toHaveLength(3);
  expect(connector.connections()).toBe(1);
});
