import { afterEach, describe, expect, it } from 'vitest';
import { configuredSubscriptions } from '../../../src/adapters/slack/inbound.js';
import { startDigestScheduler } from '../../../src/core/digest/service.js';
import { startTicker, type Timers } from '../../../src/core/digest/ticker.js';
import { fakeClock, fakeSink, recordingLogger, runnerDeps, tempStore, tinyBot } from './fakes.js';

/** Timers that only fire when the test says so. */
function manualTimers(): Timers & { readonly pending: { fn: () => void; ms: number; id: number }[]; fire(): void } {
  const pending: { fn: () => void; ms: number; id: number }[] = [];
  let next = 1;
  return {
    pending,
    setTimeout: (fn, ms) => {
      pending.push({ fn, ms, id: next });
      return next++;
    },
    clearTimeout: (id) => {
      const i = pending.findIndex((p) => p.id === id);
      if (i >= 0) pending.splice(i, 1);
    },
    fire: () => pending.shift()?.fn(),
  };
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the in-process scheduler', () => {
  it('runs at once, then just after each minute boundary of the injected clock', async () => {
    const clock = fakeClock('2024-03-01T10:00:20Z');
    const timers = manualTimers();
    const runs: string[] = [];
    const ticker = startTicker({ clock, logger: recordingLogger(), timers, run: async (now) => void runs.push(now.toISOString()) });
    await settle();
    expect(runs).toEqual(['2024-03-01T10:00:20.000Z']);
    expect(timers.pending.map((p) => p.ms)).toEqual([40_500]);
    clock.set('2024-03-01T10:01:00.500Z');
    timers.fire();
    await settle();
    expect(runs).toHaveLength(2);
    expect(timers.pending.map((p) => p.ms)).toEqual([60_000]);
    await ticker.stop();
    expect(timers.pending).toEqual([]);
  });

  it('never starts a run before the previous one finished, and stop() waits for it', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const timers = manualTimers();
    let finish = () => {};
    const ticker = startTicker({ clock, logger: recordingLogger(), timers, run: () => new Promise<void>((resolve) => (finish = resolve)) });
    await settle();
    expect(timers.pending).toEqual([]);
    let stopped = false;
    const stopping = ticker.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(timers.pending).toEqual([]);
  });

  it('logs a failed run once and keeps ticking', async () => {
    const logger = recordingLogger();
    const timers = manualTimers();
    const ticker = startTicker({ clock: fakeClock('2024-03-01T10:00:00Z'), logger, timers, run: async () => { throw new Error('database is locked'); } });
    await settle();
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/next tick/) })]);
    expect(timers.pending).toHaveLength(1);
    await ticker.stop();
  });
});

describe('startDigestScheduler', () => {
  const opened: { close(): void }[] = [];
  afterEach(() => opened.splice(0).forEach((s) => s.close()));

  it('subscribes configured Slack channels once and posts what is due on its first tick', async () => {
    const clock = fakeClock('2024-03-01T08:59:00Z');
    const store = tempStore(clock);
    opened.push(store);
    const sink = fakeSink();
    const logger = recordingLogger();
    const seeds = configuredSubscriptions({ time: '09:00', timeZone: 'UTC', slackChannels: ['C0123456789'] });
    const timers = manualTimers();
    const ticker = await startDigestScheduler({ ...runnerDeps(tinyBot(), store, sink, logger).deps, clock, seeds, timers });
    await settle();
    expect(await store.subscription('slack:C0123456789')).toMatchObject({ platform: 'slack', time: '09:00', timeZone: 'UTC' });
    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'digest: subscribed from configuration' }));
    expect(sink.sent).toEqual([]);
    clock.set('2024-03-02T09:00:00.500Z');
    timers.fire();
    await settle();
    await ticker.stop();
    expect(sink.sent.map((s) => s.target)).toEqual([{ platform: 'slack', channel: 'slack:C0123456789' }]);
  });
});
