/**
 * `npm run digest -- run-due` with Teams configured (TEAMS_LOCAL=1, as in local testing): the CLI
 * posts the digest card proactively to the conversation reference kept in the database, here a
 * fake connector on 127.0.0.1 in this process. The command's main runs in-process with that
 * environment (the real-process run of the same entry point is the Slack one beside this file).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeConversationRefs, teamsChannelKey } from '../../../src/adapters/teams/app.js';
import { referenceOf } from '../../../src/adapters/teams/welcome.js';
import { main } from '../../../src/cli/digest.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../../core/digest/fakes.js';
import { runInProcess } from '../../helpers/cli.js';
import { MemoryLogger, startFakeConnector, teamsActivity, type FakeConnector } from '../../helpers/teams.js';
import { CHANNEL, cardsOf } from '../../helpers/teamsDigest.js';

const ENV = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', MicrosoftAppId: '', CLIENT_ID: '', DIGEST_SLACK_CHANNELS: '', LOG_LEVEL: 'warn', TEAMS_LOCAL: '1' };
const KEY = teamsChannelKey(CHANNEL);

let connector: FakeConnector;
let dataDir: string;

beforeEach(async () => {
  connector = await startFakeConnector();
  dataDir = tempDir();
  const store = openSqliteStore({ dataDir, clock: fakeClock('2024-03-01T00:00:00Z') });
  await store.subscribe({ platform: 'teams', channel: KEY, time: '09:00', timeZone: 'Europe/Paris' });
  await storeConversationRefs(store, new MemoryLogger()).save(referenceOf(teamsActivity('conversation_update_bot_added', { serviceUrl: connector.url })));
  store.close();
});
afterEach(() => connector.close());

const runDue = async (at: string): Promise<string> => {
  const { status, stdout } = await runInProcess('digest', main, ['run-due', '--at', at], { env: { ...ENV, DATA_DIR: dataDir } });
  expect(status).toBe(0);
  return stdout;
};

describe('npm run digest -- run-due with Teams configured', { timeout: 60_000 }, () => {
  it('posts one digest card to the Teams channel when due, and nothing on a second run', async () => {
    expect(await runDue('2024-03-31T07:00:00Z')).toBe('run-due at 2024-03-31T07:00:00.000Z: 1 sent, 0 failed, 0 unsubscribed\n');
    expect(connector.requests).toHaveLength(1);
    const [posted] = connector.requests;
    expect(posted?.conversationId).toBe(CHANNEL);
    expect(cardsOf(posted)).toContain('Insight of the day');
    expect(cardsOf(posted)).toMatch(/"text":"“[^"]+”"/);
    expect(await runDue('2024-03-31T07:01:00Z')).toBe('run-due at 2024-03-31T07:01:00.000Z: 0 sent, 0 failed, 0 unsubscribed\n');
    expect(connector.requests).toHaveLength(1);
  });

  it('unsubscribes a channel whose connector answers 403', async () => {
    connector.failNext(403, 1);
    expect(await runDue('2024-03-31T07:00:00Z')).toBe('run-due at 2024-03-31T07:00:00.000Z: 0 sent, 0 failed, 1 unsubscribed\n');
    const store = openSqliteStore({ dataDir });
    expect(await store.subscription(KEY)).toBeUndefined();
    store.close();
  });
});
