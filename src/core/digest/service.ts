/**
 * Wiring helpers, so that main.ts and the CLI start the digest the same way: channels the
 * adapters' configuration lists are seeded once (never re-added after an unsubscribe), then the minute ticker
 * calls runDue with the injected clock.
 */
import type { Clock } from '../ports.js';
import type { NewSubscription } from '../store.js';
import { runDue, type DigestRunnerDeps } from './scheduler.js';
import { startTicker, type Ticker, type Timers } from './ticker.js';

/** Subscribes configured channels seen for the first time; logs each one it adds. */
export async function seedConfigured(deps: Pick<DigestRunnerDeps, 'store' | 'logger'>, seeds: readonly NewSubscription[]): Promise<void> {
  for (const s of await deps.store.seedSubscriptions(seeds)) {
    deps.logger.info('digest: subscribed from configuration', { channel: s.channel, time: s.time, timeZone: s.timeZone });
  }
}

export interface DigestSchedulerDeps extends DigestRunnerDeps {
  readonly clock: Clock;
  /** Channels to subscribe from configuration (the adapters' `seeds`). */
  readonly seeds?: readonly NewSubscription[];
  readonly timers?: Timers;
}

/**
 * Seeds configured channels, then posts due digests now and at every minute. `stop()` on shutdown
 * stops the run in progress between posts and releases the claims it has not posted yet.
 */
export async function startDigestScheduler(deps: DigestSchedulerDeps): Promise<Ticker> {
  await seedConfigured(deps, deps.seeds ?? []);
  return startTicker({
    clock: deps.clock,
    logger: deps.logger,
    run: (now, signal) => runDue(deps, now, { signal }),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
}
