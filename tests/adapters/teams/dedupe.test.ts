import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { tempDir } from '../../core/digest/fakes.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { startFakeConnector, startTeamsServer, teamsFixture } from '../../helpers/teams.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
const running: { close(): unknown }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

async function startOn(dataDir: string) {
  const store = openSqliteStore({ dataDir });
  const server = await startTeamsServer({ bot, deliveries: store });
  const close = async () => {
    await server.close();
    store.close();
  };
  return { server, close };
}

describe('Teams activity dedupe in the store', () => {
  it('answers an activity redelivered after a restart only once', async () => {
    const dir = tempDir();
    const connector = await startFakeConnector();
    running.push(connector);
    const activity = teamsFixture('personal_message', { serviceUrl: connector.url });
    const before = await startOn(dir);
    expect((await before.server.post(activity)).status).toBe(200);
    expect(connector.requests).toHaveLength(1);
    await before.close();

    const after = await startOn(dir);
    running.push(after);
    expect((await after.server.post(activity)).status).toBe(200);
    expect(connector.requests).toHaveLength(1);
    expect(after.server.logger.entries.filter((e) => /duplicate delivery ignored/.test(e.message))).toHaveLength(1);
  });
});
