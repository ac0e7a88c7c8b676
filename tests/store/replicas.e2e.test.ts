/**
 * `npm start` twice on one PostgreSQL database, as two replicas behind a load balancer: a digest
 * due at start-up is posted once, a Slack event delivered to A and its retry (X-Slack-Retry-Num)
 * to B is answered once, both stop cleanly, and everything is in PostgreSQL, nothing in DATA_DIR.
 * Needs a PostgreSQL server (see pgServer.ts).
 */
import { readdirSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slackFakeApi.js';
import { fixtureJson, postEvent, withEvent } from '../helpers/slackRequests.js';
import { describeWithPg } from './pgServer.js';
import { killLeftovers, replicaEnv, SALT, startReplica } from './replicasHarness.js';

let fake: FakeSlackApi | undefined;
afterEach(async () => {
  killLeftovers();
  await fake?.close();
});

await describeWithPg('npm start with DATABASE_URL, twice', (admin) => {
  it('posts a due digest once, answers an event delivered to both replicas once, and keeps it all in PostgreSQL', { timeout: 240_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      fake = await startFakeSlackApi();
      const seed = await openPostgresStore({ url: schema.url, salt: SALT, clock: fakeClock('2024-01-01T00:00:00Z') });
      await seed.subscribe({ platform: 'slack', channel: 'slack:C0GENERAL01', time: '00:00', timeZone: 'UTC' });
      await seed.close();

      const dataDir = tempDir();
      const env = replicaEnv(schema.url, dataDir, fake.apiUrl);
      const replicas = [startReplica(env), startReplica(env)];
      const ports = await Promise.all(replicas.map((r) => r.port(120_000)));

      await fake.waitFor('chat.postMessage', 1, 60_000);
      const event = withEvent(fixtureJson('app_mention.json'), {}, 'Ev0REPLICA01');
      // The delivery to A and Slack's retry of it to B, at the same time (A had not acked in time).
      const retry = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
      const statuses = await Promise.all(ports.map(async (port, i) => (await postEvent(`http://127.0.0.1:${port}/slack/events`, event, i === 0 ? {} : retry)).status));
      expect(statuses).toEqual([200, 200]);
      await fake.waitFor('chat.postMessage', 2, 60_000);

      const exits = replicas.map((r) => r.exited);
      replicas.forEach((r) => r.proc.kill('SIGTERM'));
      await Promise.all(replicas.map((r) => r.logLine('shutting down')));
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
