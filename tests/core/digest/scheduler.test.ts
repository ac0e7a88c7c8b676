import { afterEach, describe, expect, it } from 'vitest';
import { runDue } from '../../../src/core/digest/scheduler.js';
import { PermanentDeliveryError } from '../../../src/core/digest/sink.js';
import { DeliveryError } from '../../../src/core/errors.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { fakeClock, fakeSink, recordingLogger, runnerDeps, tempStore, tinyBot } from './fakes.js';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

/** A store with one channel subscribed at `time` in `timeZone`, subscribed at `since`. */
async function subscribed(timeZone: string, since: string, time = '09:00', channel = 'slack:C1') {
  const clock = fakeClock(since);
  const store = tempStore(clock);
  opened.push(store);
  await store.subscribe({ platform: 'slack', channel, time, timeZone });
  return { clock, store };
}

describe('runDue', () => {
  it.each([
    ['Europe/Paris', '2024-03-31', '2024-03-31T06:59:00Z', '2024-03-31T07:00:00Z'],
    ['Europe/Paris', '2024-10-27', '2024-10-27T07:59:00Z', '2024-10-27T08:00:00Z'],
    ['America/New_York', '2024-03-10', '2024-03-10T12:59:00Z', '2024-03-10T13:00:00Z'],
    ['America/New_York', '2024-11-03', '2024-11-03T13:59:00Z', '2024-11-03T14:00:00Z'],
  ])('posts at local 09:00 in %s on the DST change of %s: not at %s, at %s', async (zone, day, before, at) => {
    const { clock, store } = await subscribed(zone, `${day}T00:00:00Z`);
    const sink = fakeSink();
    const { deps } = runnerDeps(tinyBot(), store, sink);
    clock.set(before);
    expect((await runDue(deps, clock.now())).sent).toEqual([]);
    clock.set(at);
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    clock.advance(60_000);
    expect((await runDue(deps, clock.now())).sent).toEqual([]);
    expect(sink.sent.map((s) => s.digest.day)).toEqual([day]);
    expect((await store.digestRecord('slack:C1', day))?.status).toBe('sent');
  });

  it('posts once when two schedulers share one database file', async () => {
    const { clock, store } = await subscribed('Europe/Paris', '2024-03-01T00:00:00Z');
    await store.subscribe({ platform: 'slack', channel: 'slack:C2', time: '09:00', timeZone: 'Europe/Paris' });
    const other = openSqliteStore({ dataDir: store.dataDir, clock });
    opened.push(other);
    const [sinkA, sinkB] = [fakeSink(), fakeSink()];
    clock.set('2024-03-01T08:00:00Z');
    const [a, b] = await Promise.all([runDue(runnerDeps(tinyBot(), store, sinkA).deps, clock.now()), runDue(runnerDeps(tinyBot(), other, sinkB).deps, clock.now())]);
    expect([...a.sent, ...b.sent].sort()).toEqual(['slack:C1', 'slack:C2']);
    expect(sinkA.sent.length + sinkB.sent.length).toBe(2);
  });

  it('marks each digest sent, with the message id the platform gave it, before posting the next one', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    await store.subscribe({ platform: 'slack', channel: 'slack:C2', time: '09:00', timeZone: 'UTC' });
    const seenAtSecondPost: unknown[] = [];
    const sink = fakeSink([], async (target) => {
      if (target.channel === 'slack:C2') seenAtSecondPost.push(await store.digestRecord('slack:C1', '2024-03-01'));
    });
    clock.set('2024-03-01T09:00:00Z');
    expect((await runDue(runnerDeps(tinyBot(), store, sink).deps, clock.now())).sent).toEqual(['slack:C1', 'slack:C2']);
    expect(seenAtSecondPost).toEqual([expect.objectContaining({ status: 'sent', messageId: 'm1' })]);
    expect(await store.digestRecord('slack:C2', '2024-03-01')).toMatchObject({ status: 'sent', messageId: 'm2' });
  });

  it('warns when it takes over a claim left unfinished by a process that died, and posts', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    clock.set('2024-03-01T09:00:00Z');
    await store.claimDigest('slack:C1', '2024-03-01', 15 * 60_000); // the dead process's claim, never settled
    const logger = recordingLogger();
    const sink = fakeSink();
    const { deps } = runnerDeps(tinyBot(), store, sink, logger);
    clock.advance(60_000);
    expect((await runDue(deps, clock.now())).sent).toEqual([]);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
    clock.set('2024-03-01T09:15:00Z');
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/took over .*claim.* may already have been posted/),
        fields: expect.objectContaining({ channel: 'slack:C1', day: '2024-03-01', staleClaimAt: '2024-03-01T09:00:00.000Z' }),
      }),
    ]);
  });

  it('logs an error naming the message when a posted digest cannot be recorded as sent', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    const logger = recordingLogger();
    const failing = { ...store, markDigestSent: async () => Promise.reject(new Error('SQLITE_READONLY')) };
    const { deps } = runnerDeps(tinyBot(), failing, fakeSink(), logger);
    clock.set('2024-03-01T09:00:00Z');
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/could not be recorded as sent/), fields: expect.objectContaining({ channel: 'slack:C1', messageId: 'm1' }) }),
    ]);
  });

  it('retries a failed send with backoff, then posts', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    const sink = fakeSink([new DeliveryError('timeout'), new DeliveryError('429')]);
    const { deps, sleeps } = runnerDeps(tinyBot(), store, sink);
    clock.set('2024-03-01T09:00:00Z');
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    expect(sink.calls).toBe(3);
    expect(sleeps).toEqual([1000, 4000]);
  });

  it('releases the claim when every retry failed, and the next run posts', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    const logger = recordingLogger();
    const sink = fakeSink([1, 2, 3, 4].map((n) => new DeliveryError(`down ${n}`)));
    const { deps, sleeps } = runnerDeps(tinyBot(), store, sink, logger);
    clock.set('2024-03-01T09:00:00Z');
    expect(await runDue(deps, clock.now())).toEqual({ sent: [], failed: ['slack:C1'], unsubscribed: [] });
    expect(sink.calls).toBe(4);
    expect(sleeps).toEqual([1000, 4000, 16000]);
    expect((await store.digestRecord('slack:C1', '2024-03-01'))?.status).toBe('released');
    expect(logger.lines.find((l) => l.level === 'error')?.message).toMatch(/claim released/);
    clock.advance(60_000);
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    expect(sink.sent).toHaveLength(1);
  });

  it('unsubscribes a channel that removed the bot, with a log line and no retry', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    const logger = recordingLogger();
    const sink = fakeSink([new PermanentDeliveryError('channel_not_found')]);
    const { deps, sleeps } = runnerDeps(tinyBot(), store, sink, logger);
    clock.set('2024-03-01T09:00:00Z');
    expect((await runDue(deps, clock.now())).unsubscribed).toEqual(['slack:C1']);
    expect(sink.calls).toBe(1);
    expect(sleeps).toEqual([]);
    expect(await store.subscription('slack:C1')).toBeUndefined();
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/unsubscribed/), fields: expect.objectContaining({ channel: 'slack:C1' }) }));
    clock.set('2024-03-02T09:00:00Z');
    expect(await runDue(deps, clock.now())).toEqual({ sent: [], failed: [], unsubscribed: [] });
  });

  it('catches up a missed slot later the same local day, never on the next day', async () => {
    const { clock, store } = await subscribed('Europe/Paris', '2024-03-01T00:00:00Z');
    const sink = fakeSink();
    const { deps } = runnerDeps(tinyBot(), store, sink);
    clock.set('2024-03-04T22:59:00Z'); // Monday 23:59 in Paris: down since before 09:00
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    clock.set('2024-03-05T23:30:00Z'); // down all of Tuesday; back on Wednesday 00:30
    expect((await runDue(deps, clock.now())).sent).toEqual([]);
    clock.set('2024-03-06T08:00:00Z');
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
    expect(sink.sent.map((s) => s.digest.day)).toEqual(['2024-03-04', '2024-03-06']);
    expect(await store.digestRecord('slack:C1', '2024-03-05')).toBeUndefined();
  });

  it('starts a channel subscribed after today\'s slot with tomorrow\'s digest', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T10:00:00Z');
    const { deps } = runnerDeps(tinyBot(), store, fakeSink());
    expect((await runDue(deps, clock.now())).sent).toEqual([]);
    clock.set('2024-03-02T09:00:00Z');
    expect((await runDue(deps, clock.now())).sent).toEqual(['slack:C1']);
  });

  it('skips platforms without a sink and paces posts to respect rate limits', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z');
    await store.subscribe({ platform: 'slack', channel: 'slack:C2', time: '09:00', timeZone: 'UTC' });
    await store.subscribe({ platform: 'teams', channel: 'teams:19:x@thread', time: '09:00', timeZone: 'UTC' });
    const sink = fakeSink();
    const { deps, sleeps } = runnerDeps(tinyBot(), store, sink);
    clock.set('2024-03-01T09:00:00Z');
    const report = await runDue({ ...deps, sinkFor: (p) => (p === 'slack' ? sink : undefined) }, clock.now());
    expect(report.sent).toEqual(['slack:C1', 'slack:C2']);
    expect(sleeps).toEqual([1000]);
    expect(await store.digestRecord('teams:19:x@thread', '2024-03-01')).toBeUndefined();
  });

  it('rotates through the whole set without repeats, one entry a day', async () => {
    const { clock, store } = await subscribed('Asia/Tokyo', '2024-03-01T00:00:00Z');
    const sink = fakeSink();
    const { deps } = runnerDeps(tinyBot(7), store, sink);
    for (let day = 0; day < 14; day++) {
      clock.set(new Date(Date.UTC(2024, 2, 2 + day, 0, 0)).toISOString()); // 09:00 in Tokyo
      await runDue(deps, clock.now());
      clock.advance(3_600_000);
      await runDue(deps, clock.now());
    }
    const picks = sink.sent.map((s) => s.digest.insight.entry?.id);
    expect(picks).toHaveLength(14);
    expect(new Set(picks.slice(0, 7)).size).toBe(7);
    expect(new Set(picks.slice(7)).size).toBe(7);
  });
});

describe('runDue with a damaged subscription', () => {
  it('logs and skips a zone this runtime does not know, and still posts the other channels', async () => {
    const { clock, store } = await subscribed('UTC', '2024-03-01T00:00:00Z', '09:00', 'slack:C2');
    const logger = recordingLogger();
    const sink = fakeSink();
    const { deps } = runnerDeps(tinyBot(), store, sink, logger);
    const broken = { platform: 'slack', channel: 'slack:BAD', time: '09:00', timeZone: 'Mars/Olympus', language: 'en' as const, createdAt: new Date(0), updatedAt: new Date(0) };
    const withBroken = { ...store, subscriptions: async () => [broken, ...(await store.subscriptions())] };
    clock.set('2024-03-01T09:00:00Z');
    expect((await runDue({ ...deps, store: withBroken }, clock.now())).sent).toEqual(['slack:C2']);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ channel: 'slack:BAD' }) }));
  });
});
