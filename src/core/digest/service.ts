/**
 * Wiring helpers, so that main.ts and the CLI start the digest the same way: channels listed in
 * configuration are seeded once (never re-added after an unsubscribe), then the minute ticker
 * calls runDue with the injected clock.
 */
import type { Clock } from '../ports.js';
import type { NewSubscription } from '../store.js';
import { runDue, type DigestRunnerDeps } from './scheduler.js';
import { startTicker, type Ticker, type Timers } from './ticker.js';

/** The channel key of a Slack channel id, as the Slack adapter's conversations start (`slack:C123`). */
export const slackChannelKey = (channelId: string): string => `slack:${channelId}`;

/** Subscriptions for DIGEST_SLACK_CHANNELS at the DIGEST_TIME / DIGEST_TZ defaults. */
export function configuredSubscriptions(digest: { readonly time: string; readonly timeZone: string; readonly slackChannels: readonly string[] }): NewSubscription[] {
  return digest.slackChannels.map((id) => ({ platform: 'slack', channel: slackChannelKey(id), time: digest.time, timeZone: digest.timeZone }));
}

/** Subscribes configured channels seen for the first time; logs each one it adds. */
export async function seedConfigured(deps: Pick<DigestRunnerDeps, 'store' | 'logger'>, seeds: readonly NewSubscription[]): Promise<void> {
  for (const s of await deps.store.seedSubscriptions(seeds)) {
    deps.logger.info('digest: subscribed from configuration', { channel: s.channel, time: s.time, timeZone: s.timeZone });
  }
}

export interface DigestSchedulerDeps extends DigestRunnerDeps {
  readonly clock: Clock;
  /** Channels to subscribe from configuration (see `configuredSubscriptions`). */
  readonly seeds?: readonly NewSubscription[];
  readonly timers?: Timers;
}

/** Seeds configured channels, then posts due digests now and at every minute; `stop()` on shutdown. */
export async function startDigestScheduler(deps: DigestSchedulerDeps): Promise<Ticker> {
  await seedConfigured(deps, deps.seeds ?? []);
  return startTicker({
    clock: deps.clock,
    logger: deps.logger,
    run: (now) => runDue(deps, now),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
}
