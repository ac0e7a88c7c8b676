/**
 * `npm start` twice on one PostgreSQL database, as two replicas behind a load balancer: a digest
 * due at start-up is posted once, a Slack event delivered to both (a retry that reached the
 * other replica) is answered once, both stop cleanly, and everything is in PostgreSQL, nothing in
 * DATA_DIR. Needs a PostgreSQL server (see pgServer.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slackFakeApi.js';
import { asObject, fixtureJson, postEvent, TEST_SIGNING_SECRET, withEvent } from '../helpers/slackRequests.js';
import { describeWithPg } from './pgServer.js';

const SALT = randomBytes(32).toString('hex');
let fake: FakeSlackApi | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  children.splice(0).forEach((c) => c.kill('SIGKILL'));
  await fake?.close();
});

/** Resolves with the first stderr JSON line of `proc` whose message is `message`. */
function logLine(proc: ChildProcess, message: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "${message}" log line within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    proc.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const line = seen.split('\n').find((l) => l.startsWith('{') && l.includes(`"message":${JSON.stringify(message)}`));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve(asObject(JSON.parse(line), 'log line'));
    });
  });
}

const exitOf = (proc: ChildProcess): Promise<number | null> => new Promise((resolve) => proc.once('exit', (code) => resolve(code)));

await describeWithPg('npm start with DATABASE_URL, twice', (admin) => {
  it('posts a due digest once, answers an event delivered to both replicas once, and keeps it all in PostgreSQL', { timeout: 90_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      fake = await startFakeSlackApi();
      const seed = await openPostgresStore({ url: schema.url, salt: SALT, clock: fakeClock('2024-01-01T00:00:00Z') });
      await seed.subscribe({ platform: 'slack', channel: 'slack:C0GENERAL01', time: '00:00', timeZone: 'UTC' });
      await seed.close();

      const dataDir = tempDir();
      const env = { ...process.env, DATABASE_URL: schema.url, PSEUDONYM_SALT: SALT, DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_APP_TOKEN: '', SLACK_API_URL: fake.apiUrl, PORT: '0', LOG_LEVEL: 'info', MicrosoftAppId: '', CLIENT_ID: '', TEAMS_LOCAL: '', DIGEST_SLACK_CHANNELS: '' };
      const replicas = [0, 1].map(() => spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
      children.push(...replicas);
      const exits = replicas.map(exitOf);
      const ports = (await Promise.all(replicas.map((r) => logLine(r, 'http server listening')))).map((l) => String(l['port']));

      await fake.waitFor('chat.postMessage', 1, 30_000);
      const event = withEvent(fixtureJson('app_mention.json'), {}, 'Ev0REPLICA01');
      const statuses = await Promise.all(ports.map(async (port) => (await postEvent(`http://127.0.0.1:${port}/slack/events`, event)).status));
      expect(statuses).toEqual([200, 200]);
      await fake.waitFor('chat.postMessage', 2, 30_000);

      const stopping = replicas.map((r) => logLine(r, 'shutting down'));
      replicas.forEach((r) => r.kill('SIGTERM'));
      await Promise.all(stopping);
      expect(await Promise.all(exits)).toEqual([0, 0]);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(2);

      const store = await openPostgresStore({ url: schema.url, salt: SALT });
      try {
        const today = new Date().toISOString().slice(0, 10);
        expect(await store.digestRecord('slack:C0GENERAL01', today)).toMatchObject({ status: 'sent', messageId: expect.stringMatching(/^1712400000\.\d{6}$/) });
        expect(await store.questions({})).toEqual([expect.objectContaining({ platform: 'slack', channel: 'slack:C0GENERAL01', decision: 'answer' })]);
      } finally {
        await store.close();
      }
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await schema.drop();
    }
  });
});
