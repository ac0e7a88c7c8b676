// Digest pacing: per channel and per workspace, workspaces side by side, 429 back-off. On virtual
// time first (exact instants), then through the real Slack sink against the fake Web API that
// enforces the limits over HTTP and counts what broke them.
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackDigestSink } from '../../../src/adapters/slack/digestSink.js';
import type { Pacing } from '../../../src/core/digest/pacing.js';
import { runDue } from '../../../src/core/digest/scheduler.js';
import { DeferredDeliveryError, type DigestTarget, type MessageSink } from '../../../src/core/digest/sink.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../helpers/slackFakeApi.js';
import { FAST_RETRY } from '../../helpers/slackHarness.js';
import { fakeClock, recordingLogger, runnerDeps, tempStore, tinyBot } from './fakes.js';

const PACING: Pacing = { channelIntervalMs: 1000, workspaceIntervalMs: 200, concurrency: 3 };
const opened: { close(): void }[] = [];
const fakes: FakeSlackApi[] = [];
afterEach(async () => {
  opened.splice(0).forEach((s) => s.close());
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** A store with `perTeam` channels in each of `teams`, all due at 09:00 UTC on 2024-03-01. */
async function channels(teams: readonly string[], perTeam: number) {
  const clock = fakeClock('2024-03-01T00:00:00Z');
  const store = tempStore(clock);
  opened.push(store);
  for (const team of teams) {
    for (let i = 0; i < perTeam; i++) await store.subscribe({ platform: 'slack', channel: `slack:C${team}${i}`, time: '09:00', timeZone: 'UTC', workspace: team });
  }
  clock.set('2024-03-01T09:00:00Z');
  return { clock, store };
}

/** A sink that records the virtual instant of each post, and may refuse some first. */
function timedSink(now: () => number, refuse: (target: DigestTarget, n: number) => Error | undefined = () => undefined) {
  const posts: { channel: string; workspace: string | undefined; at: number }[] = [];
  const tries = new Map<string, number>();
  const sink: MessageSink & { posts: typeof posts; attempts: { channel: string; at: number }[] } = {
    posts,
    attempts: [],
    pacing: PACING,
    send: async (target) => {
      const n = (tries.get(target.channel) ?? 0) + 1;
      tries.set(target.channel, n);
      sink.attempts.push({ channel: target.channel, at: now() });
      const refusal = refuse(target, n);
      if (refusal) throw refusal;
      posts.push({ channel: target.channel, workspace: target.workspace, at: now() });
      return { messageId: `m${posts.length}` };
    },
  };
  return sink;
}

const gaps = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('digest pacing on virtual time', () => {
  it('spaces posts per workspace, runs workspaces side by side, and posts every channel once', async () => {
    const { clock, store } = await channels(['T1', 'T2'], 6);
    const { deps, timer } = runnerDeps(tinyBot(), store, { send: async () => ({}) });
    const sink = timedSink(() => timer.now());
    const report = await runDue({ ...deps, sinkFor: () => sink }, clock.now());
    expect(report.sent).toHaveLength(12);
    expect(new Set(sink.posts.map((p) => p.channel)).size).toBe(12);
    for (const team of ['T1', 'T2']) {
      const times = sink.posts.filter((p) => p.workspace === team).map((p) => p.at);
      expect(times[0]).toBe(0); // neither workspace waits for the other
      expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(PACING.workspaceIntervalMs);
      expect(times.at(-1)).toBe(5 * PACING.workspaceIntervalMs); // and no slower than its allowance
    }
  });

  it('pauses the whole workspace for a Retry-After, posts that channel again after it, once', async () => {
    const { clock, store } = await channels(['T1'], 6);
    const { deps, timer } = runnerDeps(tinyBot(), store, { send: async () => ({}) });
    const limited = (target: DigestTarget, n: number) => (target.channel === 'slack:CT12' && n === 1 ? new DeferredDeliveryError('429', { retryAfterMs: 5000 }) : undefined);
    const sink = timedSink(() => timer.now(), limited);
    const report = await runDue({ ...deps, sinkFor: () => sink }, clock.now());
    expect(report.sent).toHaveLength(6);
    expect(report.rateLimited).toBe(1);
    expect(sink.posts.filter((p) => p.channel === 'slack:CT12')).toHaveLength(1);
    const refusedAt = sink.attempts.find((a) => a.channel === 'slack:CT12')?.at ?? NaN;
    // Nothing in that workspace is attempted during the pause (posts already in flight had their slot before it).
    const during = sink.attempts.filter((a) => a.at > refusedAt && a.at < refusedAt + 5000);
    expect(during).toEqual([]);
    expect(sink.posts.find((p) => p.channel === 'slack:CT12')?.at).toBeGreaterThanOrEqual(refusedAt + 5000);
    for (const p of sink.posts) expect(await store.digestRecord(p.channel, '2024-03-01')).toMatchObject({ status: 'sent' });
  });

  it('gives up on a channel for this run when the Retry-After is longer than a run waits, and releases its claim', async () => {
    const { clock, store } = await channels(['T1'], 2);
    const { deps, timer } = runnerDeps(tinyBot(), store, { send: async () => ({}) });
    const sink = timedSink(() => timer.now(), (t) => (t.channel === 'slack:CT10' ? new DeferredDeliveryError('429', { retryAfterMs: 3_600_000 }) : undefined));
    const report = await runDue({ ...deps, sinkFor: () => sink }, clock.now());
    expect(report).toMatchObject({ sent: ['slack:CT11'], failed: ['slack:CT10'] });
    expect((await store.digestRecord('slack:CT10', '2024-03-01'))?.status).toBe('released');
  });
});

describe('digest pacing against the fake Slack Web API that enforces the limits', () => {
  async function run(pacing: Pacing, teams: readonly string[], perTeam: number) {
    const fake = await startFakeSlackApi({ limits: { channelIntervalMs: 1000, workspace: { max: 5, windowMs: 1000 }, teamOf: (c) => c.slice(1, 3) } });
    fakes.push(fake);
    const { clock, store } = await channels(teams, perTeam);
    const sink = createSlackDigestSink({ botToken: 'xoxb-test-token', signingSecret: 's', apiUrl: fake.apiUrl }, recordingLogger(), { retry: FAST_RETRY });
    const logger = recordingLogger();
    const report = await runDue({ bot: tinyBot(), store, logger, sinkFor: () => sink, pacing, retry: { delaysMs: [50], sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } }, clock.now());
    return { fake, report, logger };
  }

  it('breaks no limit when paced under them (5 a second per workspace here, paced at 2.5 for a loaded machine), two workspaces at once', { timeout: 20_000 }, async () => {
    const { fake, report } = await run({ channelIntervalMs: 1000, workspaceIntervalMs: 400, concurrency: 3 }, ['T1', 'T2'], 6);
    expect(report.sent).toHaveLength(12);
    expect(fake.limitStats.rateLimited).toBe(0);
    expect([...fake.limitStats.accepted.values()]).toEqual(Array(12).fill(1));
  });

  it('when paced too fast, honours every 429 Retry-After and still posts each channel exactly once', { timeout: 30_000 }, async () => {
    const { fake, report, logger } = await run({ channelIntervalMs: 0, workspaceIntervalMs: 0, concurrency: 4 }, ['T1'], 8);
    expect(fake.limitStats.rateLimited).toBeGreaterThan(0);
    expect(report.rateLimited).toBe(fake.limitStats.rateLimited);
    expect(report.sent.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `slack:CT1${i}`));
    expect([...fake.limitStats.accepted.values()]).toEqual(Array(8).fill(1));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === 'CT10').length).toBeGreaterThanOrEqual(1);
    expect(logger.lines.some((l) => /rate limited by the platform; pausing this workspace/.test(l.message))).toBe(true);
  });
});
