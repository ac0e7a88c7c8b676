import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { tempDir } from '../../core/digest/fakes.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slackHarness.js';
import { fixtureJson, postEvent, withEvent } from '../../helpers/slackRequests.js';
import { recordingLogger } from '../../helpers/slackTestDoubles.js';

const running: { close(): unknown }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

async function start(dataDir: string): Promise<{ store: SqliteStore; h: SlackHarness; logger: ReturnType<typeof recordingLogger> }> {
  const store = openSqliteStore({ dataDir });
  const logger = recordingLogger();
  running.push(store);
  const h = await startSlackHarness({ logger, deliveries: store });
  running.push(h);
  return { store, h, logger };
}

async function stop(...items: { close(): unknown }[]): Promise<void> {
  for (const item of items) {
    running.splice(running.indexOf(item), 1);
    await item.close();
  }
}

describe('Slack event dedupe in the store', () => {
  it('answers an event redelivered after a restart only once', async () => {
    const dir = tempDir();
    const envelope = withEvent(fixtureJson('app_mention.json'), {}, 'Ev0RESTART01');
    const before = await start(dir);
    expect((await postEvent(before.h.eventsUrl, envelope)).status).toBe(200);
    await before.h.fake.waitFor('chat.postMessage', 1);
    await stop(before.h, before.store);

    const after = await start(dir);
    const retry = await postEvent(after.h.eventsUrl, envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await sleep(150);
    expect(after.h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(after.logger.find('slack duplicate event ignored')).toHaveLength(1);
  });
});
