/**
 * Two `npm start` replicas with Slack (HTTP mode) and Teams (TEAMS_LOCAL=1: no Bot Framework
 * token, so replies may only go to a loopback serviceUrl) on one PostgreSQL database, replies
 * going to one fake Bot Framework connector on 127.0.0.1 that counts them. The same Teams
 * activity POSTed to both replicas (a redelivery that reached the other one) is answered once; a
 * follow-up asked on B is read in the context of the answer A gave, which only the shared store
 * can carry between the two processes. Needs a PostgreSQL server (see pgServer.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderAnswer } from '../../src/adapters/teams/render.js';
import { createBot } from '../../src/core/bot.js';
import { contextAfter, resolveFollowUp } from '../../src/core/conversation/followUp.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { tempDir } from '../core/digest/fakes.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slackFakeApi.js';
import { post, startFakeConnector, teamsFixture, type FakeConnector } from '../helpers/teams.js';
import { describeWithPg, type TestSchema } from './pgServer.js';
import { killLeftovers, replicaEnv, SALT, startReplica, until, type Replica } from './replicasHarness.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });

await describeWithPg('two npm start replicas with Teams on one PostgreSQL database', (admin) => {
  let schema: TestSchema;
  let slack: FakeSlackApi;
  let connector: FakeConnector;
  let replicas: Replica[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    schema = await admin.freshSchema();
    slack = await startFakeSlackApi();
    connector = await startFakeConnector();
    const env = replicaEnv(schema.url, tempDir(), slack.apiUrl, { TEAMS_LOCAL: '1', LOG_LEVEL: 'debug' }); // debug: the replica that drops the duplicate says so
    replicas = [startReplica(env), startReplica(env)];
    urls = (await Promise.all(replicas.map((r) => r.port(120_000)))).map((port) => `http://127.0.0.1:${port}/api/messages`);
  }, 180_000);

  afterAll(async () => {
    const exits = replicas.map((r) => r.exited);
    replicas.forEach((r) => r.proc.kill('SIGTERM'));
    const codes = await Promise.race([Promise.all(exits), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    killLeftovers();
    await Promise.all([slack.close(), connector.close(), schema.drop()]);
    expect(codes).toEqual([0, 0]);
  }, 60_000);

  /** Replies the connector received for the activity `id`. */
  const repliesTo = (id: string) => connector.requests.filter((r) => r.replyToId === id);

  it('answers the same Teams activity posted to both replicas once: 2 deliveries, 1 reply, 1 duplicate ignored', { timeout: 120_000 }, async () => {
    const id = '1712049271999';
    const activity = teamsFixture('personal_message', { id, serviceUrl: connector.url, conversation: { conversationType: 'personal', id: 'a:replica-dedupe-conversation' } });
    const statuses = await Promise.all(urls.map(async (url) => (await post(url, activity)).status));
    expect(statuses).toEqual([200, 200]);
    // Each replica acknowledges before it answers: wait for the winner's reply and the loser's log line.
    await until('the reply', () => repliesTo(id).length >= 1, 30_000);
    await Promise.any(replicas.map((r) => r.logLine('duplicate delivery ignored', 30_000)));
    const ignored = replicas.flatMap((r) => r.logs.filter((l) => l['message'] === 'duplicate delivery ignored'));
    expect({ deliveries: statuses.length, replies: repliesTo(id).length, duplicatesIgnored: ignored.length }).toEqual({ deliveries: 2, replies: 1, duplicatesIgnored: 1 });
    expect(repliesTo(id)[0]?.activity['text']).toMatch(/Pierre Andrieu/);
    expect(connector.requests).toHaveLength(1);
  });

  it('reads a follow-up asked on replica B in the context of the answer replica A gave', { timeout: 120_000 }, async () => {
    const conversation = { conversationType: 'personal', id: 'a:replica-follow-up-conversation' };
    const first = bot.ask('Who wrote the paper?');
    const expected = resolveFollowUp(bot, 'tell me more', contextAfter(first, new Date()), new Date()).answer;
    const alone = bot.ask('tell me more');
    // Without A's context, B would not answer with that entry: the test can tell context from none.
    expect({ first: first.entry?.id, expected: expected.entry?.id, alone: alone.decision }).toEqual({ first: 'paper-author', expected: 'author-background', alone: 'smalltalk' });

    const [a, b] = urls as [string, string];
    expect((await post(a, teamsFixture('personal_message', { id: 'fu-1', text: 'Who wrote the paper?', serviceUrl: connector.url, conversation }))).status).toBe(200);
    // A acknowledges before it answers; B is asked once A's reply (sent after A saved the context) is out.
    await until('the first reply', () => repliesTo('fu-1').length >= 1, 30_000);
    expect((await post(b, teamsFixture('personal_message', { id: 'fu-2', text: 'tell me more', serviceUrl: connector.url, conversation }))).status).toBe(200);
    await until('both replies', () => repliesTo('fu-1').length + repliesTo('fu-2').length >= 2, 30_000);

    expect(repliesTo('fu-1').map((r) => r.activity['text'])).toEqual([renderAnswer(first).text]);
    expect(repliesTo('fu-2').map((r) => r.activity['text'])).toEqual([renderAnswer(expected).text]);
    const store = await openPostgresStore({ url: schema.url, salt: SALT });
    try {
      // The question log is written behind (at most 100 ms later, docs/deploy.md): wait for both rows.
      const logged = async () => (await store.questions({})).filter((q) => q.channel?.includes('replica-follow-up'));
      let asked = await logged();
      for (let i = 0; i < 50 && asked.length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        asked = await logged();
      }
      expect(asked.map((q) => [q.question, q.decision, q.entryId])).toEqual([
        ['Who wrote the paper?', 'answer', 'paper-author'],
        ['tell me more', 'answer', 'author-background'],
      ]);
    } finally {
      await store.close();
    }
  });
});
