/**
 * `npm start` with Slack configured (HTTP mode), as a child process (`node dist/main.js`, what
 * npm start runs): it opens the store in DATA_DIR, posts a digest that is due at start-up through
 * the fake Web API (SLACK_API_URL), answers signed requests on PORT with the digest commands and
 * the question log wired, and stops cleanly on SIGTERM, leaving everything in the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.js';
import { fakeClock, tempDir } from './core/digest/fakes.js';
import { shownText } from './helpers/slackBlocks.js';
import { startFakeSlackApi, type FakeSlackApi } from './helpers/slackFakeApi.js';
import { fixtureJson, fixtureText, postCommand, postEvent, TEST_SIGNING_SECRET, withEvent } from './helpers/slackRequests.js';

let fake: FakeSlackApi | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await fake?.close();
});

/** Resolves with the first stderr JSON line whose message is `message`. */
function logLine(proc: ChildProcess, message: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let partial = '';
    const timer = setTimeout(() => reject(new Error(`no "${message}" log line within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    proc.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        seen += `${line}\n`;
        if (!line.startsWith('{')) continue;
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && parsed.message === message) {
          clearTimeout(timer);
          resolve(Object.fromEntries(Object.entries(parsed)));
        }
      }
    });
  });
}

const exitOf = (proc: ChildProcess): Promise<number | null> => new Promise((resolve) => proc.once('exit', (code) => resolve(code)));

describe('npm start with Slack configured', { timeout: 60_000 }, () => {
  it('posts a due digest at start-up, takes commands and questions into the store, and stops on SIGTERM', async () => {
    fake = await startFakeSlackApi();
    const dataDir = tempDir();
    const seed = openSqliteStore({ dataDir, clock: fakeClock('2024-01-01T00:00:00Z') });
    await seed.subscribe({ platform: 'slack', channel: 'slack:C0GENERAL01', time: '00:00', timeZone: 'UTC' });
    seed.close();

    const env = { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_APP_TOKEN: '', SLACK_API_URL: fake.apiUrl, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', MicrosoftAppId: '', CLIENT_ID: '', TEAMS_LOCAL: '', DIGEST_SLACK_CHANNELS: '' };
    child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = exitOf(child);
    const listening = await logLine(child, 'http server listening');
    const eventsUrl = `http://127.0.0.1:${String(listening['port'])}/slack/events`;
    expect((await fetch(`http://127.0.0.1:${String(listening['port'])}/readyz`)).status).toBe(200);

    const [digest] = await fake.waitFor('chat.postMessage', 1, 20_000);
    expect(digest?.body['channel']).toBe('C0GENERAL01');
    expect(shownText(digest)).toMatch(/\*Insight of the day:\* .+/);

    const form = fixtureText('slash_command.txt')
      .replace(/text=[^&]*/, `text=${encodeURIComponent('subscribe 08:30 Europe/Paris')}`)
      .replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(fake.responseUrl('main1'))}`);
    expect((await postCommand(eventsUrl, form)).status).toBe(200);
    const [ack] = await fake.waitFor('response_url', 1);
    expect(shownText(ack)).toMatch(/Updated: .* 08:30 \(Europe\/Paris\)/);
    expect((await postEvent(eventsUrl, withEvent(fixtureJson('app_mention.json'), {}, 'Ev0MAIN0001'))).status).toBe(200);
    await fake.waitFor('chat.postMessage', 2);

    const stopping = logLine(child, 'shutting down');
    child.kill('SIGTERM');
    await stopping;
    expect(await exited).toBe(0);

    const store = openSqliteStore({ dataDir });
    const today = new Date().toISOString().slice(0, 10);
    expect(await store.digestRecord('slack:C0GENERAL01', today)).toMatchObject({ status: 'sent', messageId: expect.stringMatching(/^1712400000\.\d{6}$/) });
    expect(await store.subscription('slack:C0GENERAL01')).toMatchObject({ time: '08:30', timeZone: 'Europe/Paris' });
    expect(await store.questions({})).toEqual([expect.objectContaining({ platform: 'slack', channel: 'slack:C0GENERAL01', decision: 'answer' })]);
    store.close();
  });
});
