/**
 * SIGTERM with work in flight, on the production entry point (`node dist/main.js`, Slack in HTTP
 * mode against a fake Web API on 127.0.0.1): an event is acknowledged and its answer is on its
 * way (the fake holds chat.postMessage open) when the signal arrives. The process must stop
 * accepting connections at once, still deliver that answer, keep what it logged in the store,
 * and only then exit 0.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.js';
import { tempDir } from './core/digest/fakes.js';
import { startBot, type BotProcess } from './helpers/botProcess.js';
import { startFakeSlackApi, type FakeSlackApi } from './helpers/slackFakeApi.js';
import { fixtureJson, postEvent, TEST_SIGNING_SECRET, withEvent } from './helpers/slackRequests.js';

let fake: FakeSlackApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.close();
  bot = fake = undefined;
});

/** Whether a new TCP connection to 127.0.0.1:`port` is refused. */
const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('SIGTERM', { timeout: 240_000 }, () => {
  it('refuses new connections, still delivers the answer in flight, then exits 0', async () => {
    fake = await startFakeSlackApi();
    const dataDir = tempDir();
    bot = await startBot({ SLACK_BOT_TOKEN: 'xoxb-shutdown', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATA_DIR: dataDir });
    const { port } = bot;
    const release = fake.hold('chat.postMessage');
    const event = withEvent(fixtureJson('app_mention.json'), { text: '<@U0BOT0001> Who wrote the paper?' }, 'EvSHUTDOWN01');
    expect((await postEvent(`http://127.0.0.1:${port}/slack/events`, event)).status).toBe(200);
    await fake.waitFor('chat.postMessage', 1, 60_000); // the answer is being posted, and held

    let exitedAt: number | undefined;
    const exited = bot.exited.then((code) => ((exitedAt = Date.now()), code));
    bot.child.kill('SIGTERM');
    await bot.logLine('shutting down');
    expect(await eventually(() => refused(port), 5000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(exitedAt).toBeUndefined(); // still finishing the answer

    const releasedAt = Date.now();
    release();
    expect(await exited).toBe(0);
    expect(exitedAt).toBeGreaterThanOrEqual(releasedAt);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(bot.lines.filter((l) => /slack delivery failed|"level":"error"/.test(l))).toEqual([]);
    expect(bot.lines.some((l) => l.includes('"message":"stopped"'))).toBe(true);

    const store = openSqliteStore({ dataDir });
    expect(await store.questions({})).toEqual([expect.objectContaining({ platform: 'slack', decision: 'answer' })]);
    store.close();
  });
});
