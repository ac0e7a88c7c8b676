/**
 * `npm run digest -- run-due` with Slack configured: the CLI posts the digest with
 * chat.postMessage to every subscribed Slack channel, through SLACK_API_URL pointing at the fake
 * Web API in this process, with DATA_DIR a seeded temp dir. The first run is a real process
 * (node dist/cli/digest.js, asynchronous so the fake answers meanwhile); the others call the
 * command's main in-process, with the same environment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/digest.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../../core/digest/fakes.js';
import { shownText } from '../../helpers/slackBlocks.js';
import { runDistAsync, runInProcess } from '../../helpers/cli.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../helpers/slackFakeApi.js';

const CHANNELS = ['C0GENERAL01', 'C0RESEARCH1'];

let fake: FakeSlackApi;
let dataDir: string;

beforeEach(async () => {
  fake = await startFakeSlackApi();
  dataDir = tempDir();
  const store = openSqliteStore({ dataDir, clock: fakeClock('2024-03-01T00:00:00Z') });
  for (const id of CHANNELS) await store.subscribe({ platform: 'slack', channel: `slack:${id}`, time: '09:00', timeZone: 'Europe/Paris' });
  store.close();
});
afterEach(() => fake.close());

const runDue = async (at: string, how: 'real process' | 'in-process' = 'in-process'): Promise<string> => {
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: fake.apiUrl,
    MicrosoftAppId: '',
    CLIENT_ID: '',
    TEAMS_LOCAL: '',
    DIGEST_SLACK_CHANNELS: '',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
  };
  const args = ['run-due', '--at', at];
  const { status, stdout } = how === 'real process' ? await runDistAsync('src/cli/digest.ts', args, { env }) : await runInProcess('digest', main, args, { env });
  expect(status).toBe(0);
  return stdout;
};

describe('npm run digest -- run-due with Slack configured', { timeout: 60_000 }, () => {
  it('posts one digest per subscribed Slack channel when due, and nothing on a second run', async () => {
    expect(await runDue('2024-03-31T07:00:00Z', 'real process')).toBe('run-due at 2024-03-31T07:00:00.000Z: 2 sent, 0 failed, 0 unsubscribed\n');
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((c) => c.body['channel']).sort()).toEqual(CHANNELS);
    for (const post of posts) {
      expect(post.body['thread_ts']).toBeUndefined();
      expect(shownText(post)).toContain('EU-China digest · 31 March 2024');
      expect(shownText(post)).toMatch(/\*Insight of the day:\* .+/);
      expect(shownText(post)).toMatch(/(?:paragraph \d+ of \d+|Footnote \d+)\*: “[^”]+” <https:[^|]+\|Read the paper>/);
    }
    // Paced per workspace to stay under Slack's limits: both channels are in the token's team, one
    // post sent every 210 ms (exact instants: tests/core/digest/pacing.test.ts, on a fake clock).
    // Here, in a real process, only that it is paced at all: unpaced, the two posts (3 at once are
    // allowed) arrive within a few ms; arrival times carry each request's own delay, and under load
    // the first request (a new connection) has arrived up to 60 ms late, hence the room.
    const [first, second] = posts;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(100);

    expect(await runDue('2024-03-31T07:01:00Z')).toBe('run-due at 2024-03-31T07:01:00.000Z: 0 sent, 0 failed, 0 unsubscribed\n');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('unsubscribes a channel Slack answers not_in_channel for, and posts to the others', async () => {
    fake.failNext('chat.postMessage', 1, { error: 'not_in_channel' });
    expect(await runDue('2024-03-31T07:00:00Z')).toBe('run-due at 2024-03-31T07:00:00.000Z: 1 sent, 0 failed, 1 unsubscribed\n');
    const store = openSqliteStore({ dataDir });
    expect((await store.subscriptions()).map((s) => s.channel)).toHaveLength(1);
    store.close();
  });
});
