/**
 * The daily digest on several processes sharing one PostgreSQL database, counted per channel-day
 * at the fake Slack Web APIs (one per process, so each post is traced to who sent it): two
 * `npm start` replicas and a `npm run digest -- run-due`, all started at once, post each channel
 * once; and a replica SIGKILLed in the middle of its run leaves its unfinished channels to the
 * other replica and to the next run, none posted twice. Needs a PostgreSQL server (pgServer.ts).
 */
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../core/digest/fakes.js';
import { startFakeSlackApi, type ApiCall, type FakeSlackApi } from '../helpers/slackFakeApi.js';
import { describeWithPg, type PgAdmin, type TestSchema } from './pgServer.js';
import { countBy, killLeftovers, replicaEnv, runDigestCli, slowPosts, startReplica, subscribeAll, until, zoneAwayFromMidnight } from './replicasHarness.js';

const fakes: FakeSlackApi[] = [];
afterEach(async () => {
  killLeftovers();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const startFakes = async (n: number): Promise<FakeSlackApi[]> => {
  const started = await Promise.all(Array.from({ length: n }, () => startFakeSlackApi()));
  fakes.push(...started);
  return started;
};

/** Slack channel ids of chat.postMessage calls. */
const channelsOf = (calls: readonly ApiCall[]): string[] => calls.map((c) => String(c.body['channel']));
const posts = (fake: FakeSlackApi): string[] => channelsOf(fake.callsTo('chat.postMessage'));
const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);

/** status by Slack channel id for `day`. */
async function digestStatus(admin: PgAdmin, schema: TestSchema, day: string): Promise<Record<string, string>> {
  const { rows } = await admin.query<{ channel: string; status: string }>(`SELECT channel, status FROM ${schema.name}.digests WHERE day = $1`, [day]);
  return Object.fromEntries(rows.map((r) => [r.channel.replace(/^slack:/, ''), r.status]));
}

const allSent = (status: Record<string, string>, channels: readonly string[]): boolean => channels.every((c) => status[c] === 'sent');

/** JSON log lines of a CLI's stderr. */
const jsonLines = (text: string): Record<string, unknown>[] => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

await describeWithPg('the digest on two replicas and run-due, one PostgreSQL database', (admin) => {
  it('both in-process schedulers plus a run-due started together post each channel-day once', { timeout: 300_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      const { timeZone, day } = zoneAwayFromMidnight();
      const channels = ids('C0RACE', 16);
      await subscribeAll(schema.url, channels, timeZone);
      const [a, b, c] = (await startFakes(3)) as [FakeSlackApi, FakeSlackApi, FakeSlackApi];
      // A slow Slack (each post answered within 2 s) keeps every run going long enough to overlap.
      const fast = [a, b, c].map((f) => slowPosts(f, 2000));
      const dataDir = tempDir();
      const replicas = [startReplica(replicaEnv(schema.url, dataDir, a.apiUrl)), startReplica(replicaEnv(schema.url, dataDir, b.apiUrl))];
      const cli = await runDigestCli(['run-due'], replicaEnv(schema.url, dataDir, c.apiUrl, { LOG_LEVEL: 'warn' }), 240_000);
      fast.forEach((stop) => stop());
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      // A post comes before its claim is marked sent, so once all are sent every post has arrived.
      await until('every channel marked sent', async () => allSent(await digestStatus(admin, schema, day), channels), 180_000);

      const exits = replicas.map((r) => r.exited);
      replicas.forEach((r) => r.proc.kill('SIGTERM'));
      expect(await Promise.all(exits)).toEqual([0, 0]);
      const byProcess = { replicaA: posts(a).length, replicaB: posts(b).length, runDue: posts(c).length };
      process.stdout.write(`replicas digest race: posts per process ${JSON.stringify(byProcess)}\n`);
      expect(cli.stdout).toContain(`: ${byProcess.runDue} sent, 0 failed, 0 unsubscribed`);
      expect(countBy([...posts(a), ...posts(b), ...posts(c)])).toEqual(Object.fromEntries(channels.map((ch) => [ch, 1])));
    } finally {
      await schema.drop();
    }
  });

  it('replica A SIGKILLed in the middle of its run: B and the next run post the rest, no channel-day twice', { timeout: 300_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      const { timeZone, day } = zoneAwayFromMidnight();
      const channels = ids('C0KILL', 6);
      await subscribeAll(schema.url, channels, timeZone);
      const [fakeA, fakeB, fakeNext] = (await startFakes(3)) as [FakeSlackApi, FakeSlackApi, FakeSlackApi];
      const dataDir = tempDir();

      // A's Slack answers its first two posts and never its third: A is stuck in the middle of its run.
      const a = startReplica(replicaEnv(schema.url, dataDir, fakeA.apiUrl));
      let release = fakeA.hold('chat.postMessage');
      for (const n of [1, 2]) {
        await fakeA.waitFor('chat.postMessage', n, 180_000);
        release();
        release = fakeA.hold('chat.postMessage'); // same tick: no later call slips through unheld
      }
      await fakeA.waitFor('chat.postMessage', 3, 60_000);
      const acceptedA = posts(fakeA).slice(0, 2);
      const stuck = posts(fakeA)[2] ?? '';

      // B starts meanwhile; A is killed as soon as B posts, both runs being under way.
      const b = startReplica(replicaEnv(schema.url, dataDir, fakeB.apiUrl));
      await fakeB.waitFor('chat.postMessage', 1, 180_000);
      a.proc.kill('SIGKILL');
      expect(await a.exited).toBeNull();
      const unfinished = channels.filter((ch) => !acceptedA.includes(ch));
      await until('B to post every channel A had not claimed', async () => {
        const status = await digestStatus(admin, schema, day);
        return allSent(status, unfinished.filter((ch) => ch !== stuck));
      }, 120_000);
      expect((await digestStatus(admin, schema, day))[stuck]).toBe('claimed');

      // The next run, once A's claim lease (15 minutes) has run out, takes over the stuck channel.
      const at = new Date(Date.now() + 16 * 60_000).toISOString();
      const env = replicaEnv(schema.url, dataDir, fakeNext.apiUrl, { LOG_LEVEL: 'warn' });
      const next = await runDigestCli(['run-due', '--at', at], env, 180_000);
      expect(next.status).toBe(0);
      expect(next.stdout).toContain(': 1 sent, 0 failed, 0 unsubscribed');
      expect(jsonLines(next.stderr).map((l) => [l['message'], l['channel'], l['day']])).toEqual([
        ['digest: took over an unfinished claim left by a process that stopped; that digest may already have been posted, posting it now', `slack:${stuck}`, day],
      ]);
      const again = await runDigestCli(['run-due', '--at', new Date(Date.parse(at) + 60_000).toISOString()], env, 180_000);
      expect(again.stdout).toContain(': 0 sent, 0 failed, 0 unsubscribed');
      expect(allSent(await digestStatus(admin, schema, day), channels)).toBe(true);

      const exitB = b.exited;
      b.proc.kill('SIGTERM');
      expect(await exitB).toBe(0);
      const perChannel = countBy([...acceptedA, ...posts(fakeB), ...posts(fakeNext)]);
      process.stdout.write(
        `replicas digest kill: A accepted ${acceptedA.length}, A held when killed ${posts(fakeA).length - 2} (${stuck}), B ${posts(fakeB).length}, next run ${posts(fakeNext).length}; per channel-day ${JSON.stringify(perChannel)}\n`,
      );
      expect(posts(fakeA).slice(2).every((ch) => ch === stuck)).toBe(true); // A's client retried only the stuck post
      expect(posts(fakeNext)).toEqual([stuck]);
      expect(posts(fakeB).sort()).toEqual(unfinished.filter((ch) => ch !== stuck).sort());
      expect(perChannel).toEqual(Object.fromEntries(channels.map((ch) => [ch, 1])));
    } finally {
      await schema.drop();
    }
  });
});
