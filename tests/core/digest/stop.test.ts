// Stopping a digest run (SIGTERM): between posts, with the claims not posted yet given back, on a
// real SQLite file, so that another replica or the next run posts them and none is posted twice.
import { afterEach, describe, expect, it } from 'vitest';
import { runDue } from '../../../src/core/digest/scheduler.js';
import { startDigestScheduler } from '../../../src/core/digest/service.js';
import type { DigestTarget, MessageSink } from '../../../src/core/digest/sink.js';
import { DeliveryError } from '../../../src/core/errors.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { fakeClock, recordingLogger, runnerDeps, tempStore, tinyBot } from './fakes.js';

const DAY = '2024-03-01';
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function fiveChannels() {
  const clock = fakeClock(`${DAY}T00:00:00Z`);
  const store = tempStore(clock);
  opened.push(store);
  for (let i = 1; i <= 5; i++) await store.subscribe({ platform: 'slack', channel: `slack:C${i}`, time: '09:00', timeZone: 'UTC' });
  clock.set(`${DAY}T09:00:00Z`);
  return { clock, store };
}

/** A sink that runs `during(target)` inside each post, then posts (or throws what it returns). */
function sinkWith(during: (target: DigestTarget) => Error | undefined): MessageSink & { posted: string[] } {
  const sink = {
    posted: [] as string[],
    send: async (target: DigestTarget) => {
      const error = during(target);
      if (error) throw error;
      sink.posted.push(target.channel);
      return { messageId: `m-${target.channel}` };
    },
  };
  return sink;
}

const statuses = async (store: { digestRecord(c: string, d: string): Promise<{ status: string } | undefined> }) =>
  Promise.all([1, 2, 3, 4, 5].map(async (i) => (await store.digestRecord(`slack:C${i}`, DAY))?.status ?? 'none'));

describe('stopping a digest run', () => {
  it('lets the post in flight finish and be marked sent, then claims nothing more', async () => {
    const { clock, store } = await fiveChannels();
    const stop = new AbortController();
    const sink = sinkWith((t) => void (t.channel === 'slack:C2' && stop.abort()));
    const report = await runDue(runnerDeps(tinyBot(), store, sink).deps, clock.now(), { signal: stop.signal });
    expect(report).toEqual({ sent: ['slack:C1', 'slack:C2'], failed: [], unsubscribed: [], released: [] });
    expect(await statuses(store)).toEqual(['sent', 'sent', 'none', 'none', 'none']);
  });

  it('releases a claim it holds while waiting to retry, and the next run (or another replica) posts the rest, none twice', async () => {
    const { clock, store } = await fiveChannels();
    const stop = new AbortController();
    const failing = sinkWith((t) => (t.channel === 'slack:C3' ? (stop.abort(), new DeliveryError('timeout')) : undefined));
    const first = await runDue(runnerDeps(tinyBot(), store, failing).deps, clock.now(), { signal: stop.signal });
    expect(first).toEqual({ sent: ['slack:C1', 'slack:C2'], failed: [], unsubscribed: [], released: ['slack:C3'] });
    expect(await statuses(store)).toEqual(['sent', 'sent', 'released', 'none', 'none']);

    const other = openSqliteStore({ dataDir: store.dataDir, clock }); // another replica on the same file
    opened.push(other);
    const sink = sinkWith(() => undefined);
    clock.advance(60_000);
    expect((await runDue(runnerDeps(tinyBot(), other, sink).deps, clock.now())).sent).toEqual(['slack:C3', 'slack:C4', 'slack:C5']);
    expect([...failing.posted, ...sink.posted].sort()).toEqual(['slack:C1', 'slack:C2', 'slack:C3', 'slack:C4', 'slack:C5']);
    expect(await statuses(store)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it("the scheduler's stop() aborts the run in progress and releases what it holds", async () => {
    const { clock, store } = await fiveChannels();
    const logger = recordingLogger();
    let attempted!: () => void;
    const c2attempted = new Promise<void>((resolve) => (attempted = resolve));
    const sink = sinkWith((t) => (t.channel === 'slack:C2' ? (attempted(), new DeliveryError('timeout')) : undefined));
    const { deps } = runnerDeps(tinyBot(), store, sink, logger);
    // The retry's wait never ends by itself: only stop() ends it.
    const ticker = await startDigestScheduler({ ...deps, retry: { delaysMs: [1000], sleep: () => new Promise<void>(() => undefined) }, clock });
    await c2attempted;
    await ticker.stop();
    expect(await statuses(store)).toEqual(['sent', 'released', 'none', 'none', 'none']);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringMatching(/run stopped .* claim released/), fields: expect.objectContaining({ channel: 'slack:C2' }) }));
  });
});
