/**
 * `runDue(now)`: posts every digest due at `now`, once per channel and local day, whoever else
 * runs at the same time. A subscription is due when its zone's wall clock has reached its HH:MM
 * today, so a process that was down at that time catches up when it comes back the same local
 * day, and a new local day never looks back at yesterday. The (channel, day) claim in the store
 * is taken before anything is composed; a failed send releases it for the next run, a channel
 * that removed the bot is unsubscribed. The claim is marked sent, with the platform's message id,
 * as soon as the platform accepted the post and before the next post: a crash can only repeat a
 * digest in that gap, and the process that later takes over such a claim says so (docs/digest.md).
 */
import type { Bot } from '../bot.js';
import type { Logger } from '../ports.js';
import type { DigestClaim, DigestLedger, QuestionLog, RotationStore, Subscription, SubscriptionStore } from '../store.js';
import { composeDigest, type Digest } from './compose.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './retry.js';
import { isPermanent, type PostedDigest, type SinkFor } from './sink.js';
import { localDateTime, zonedTimeToUtc } from './time.js';

export interface DigestRunnerDeps {
  readonly bot: Bot;
  readonly store: SubscriptionStore & DigestLedger & RotationStore & QuestionLog;
  readonly sinkFor: SinkFor;
  readonly logger: Logger;
  /** Retries of one send (default 1 s, 4 s, 16 s); its `sleep` also paces posts. */
  readonly retry?: RetryOptions;
  /** Pause between two posts, in ms, to stay under platform rate limits (default 1000). */
  readonly spacingMs?: number;
  /**
   * A claim older than this is taken to be left by a dead process and may be claimed again
   * (default 15 minutes, far longer than a send with all its retries can take).
   */
  readonly leaseMs?: number;
}

export const DEFAULT_SPACING_MS = 1000;
export const DEFAULT_LEASE_MS = 15 * 60_000;

export interface RunReport {
  /** Channel keys, in the order they were handled. */
  readonly sent: string[];
  readonly failed: string[];
  readonly unsubscribed: string[];
}

type Outcome = 'sent' | 'failed' | 'unsubscribed' | 'skipped';

/** A digest the platform accepted, after how many attempts. */
interface Sent {
  readonly attempts: number;
  readonly posted: PostedDigest;
}

/** The local day whose digest `sub` is due for at `now`, or undefined when none is due. */
export function dueDay(sub: Subscription, now: Date): string | undefined {
  const local = localDateTime(now, sub.timeZone);
  if (local.time < sub.time) return undefined;
  // Subscribing (or changing the time) after today's slot starts with tomorrow's digest.
  if (zonedTimeToUtc(local.day, sub.time, sub.timeZone).getTime() < sub.updatedAt.getTime()) return undefined;
  return local.day;
}

/** Posts every digest due at `now`, one channel after another. */
export async function runDue(deps: DigestRunnerDeps, now: Date): Promise<RunReport> {
  const report: RunReport = { sent: [], failed: [], unsubscribed: [] };
  const retry = deps.retry ?? DEFAULT_RETRY;
  let posts = 0;
  for (const sub of await deps.store.subscriptions()) {
    const day = dueDayOrLog(deps.logger, sub, now);
    const sink = day === undefined ? undefined : deps.sinkFor(sub.platform);
    if (day === undefined || !sink) continue;
    const send = async (digest: Digest): Promise<Sent> => {
      if (posts++ > 0) await retry.sleep(deps.spacingMs ?? DEFAULT_SPACING_MS);
      let posted: PostedDigest = {};
      const attempt = async (): Promise<void> => void (posted = await sink.send({ platform: sub.platform, channel: sub.channel }, digest));
      const attempts = await withRetry(attempt, retry, retryLogger(deps.logger, sub, day));
      return { attempts, posted };
    };
    const outcome = await deliver(deps, sub, day, send);
    if (outcome !== 'skipped') report[outcome].push(sub.channel);
  }
  return report;
}

/** `dueDay`, except that a subscription this runtime cannot read (an unknown zone) is logged and skipped, not allowed to stop the others. */
function dueDayOrLog(logger: Logger, sub: Subscription, now: Date): string | undefined {
  try {
    return dueDay(sub, now);
  } catch (error) {
    logger.error('digest: cannot compute the local time of this subscription; skipped (subscribe again with a valid zone)', { channel: sub.channel, timeZone: sub.timeZone, error });
    return undefined;
  }
}

const fieldsOf = (sub: Subscription, day: string) => ({ channel: sub.channel, platform: sub.platform, day });

function retryLogger(logger: Logger, sub: Subscription, day: string) {
  return (error: unknown, retry: number) => logger.warn('digest: send failed, will retry', { ...fieldsOf(sub, day), retry, error });
}

/** Claim, compose, send, settle the claim; one channel. */
async function deliver(deps: DigestRunnerDeps, sub: Subscription, day: string, send: (d: Digest) => Promise<Sent>): Promise<Outcome> {
  const claim = await deps.store.claimDigest(sub.channel, day, deps.leaseMs ?? DEFAULT_LEASE_MS);
  if (!claim) return 'skipped';
  const fields = fieldsOf(sub, day);
  if (claim.takenOver) {
    deps.logger.warn('digest: took over an unfinished claim left by a process that stopped; that digest may already have been posted, posting it now', {
      ...fields,
      staleClaimAt: claim.takenOver.claimedAt.toISOString(),
    });
  }
  let digest: Digest;
  let sent: Sent;
  try {
    digest = await composeDigest(deps, { channel: sub.channel, timeZone: sub.timeZone, day });
    sent = await send(digest);
  } catch (error) {
    await deps.store.releaseDigest(claim);
    if (!isPermanent(error)) {
      deps.logger.error('digest: delivery failed; claim released, the next run tries again', { ...fields, error });
      return 'failed';
    }
    await deps.store.unsubscribe(sub.channel);
    deps.logger.warn('digest: the bot cannot post in this channel any more; unsubscribed it', { ...fields, error });
    return 'unsubscribed';
  }
  await settleSent(deps, claim, sent.posted.messageId, fields);
  deps.logger.info('digest sent', { ...fields, entry: digest.insight.entry?.id, attempts: sent.attempts, messageId: sent.posted.messageId });
  return 'sent';
}

/** Marks a posted digest sent; a claim lost meanwhile or a store that fails is a warning or an error, never silence. */
async function settleSent(deps: DigestRunnerDeps, claim: DigestClaim, messageId: string | undefined, fields: ReturnType<typeof fieldsOf>): Promise<void> {
  try {
    if (!(await deps.store.markDigestSent(claim, messageId))) {
      deps.logger.warn('digest: sent, but its claim had expired and been taken over; it may be posted twice', { ...fields, messageId });
    }
  } catch (error) {
    deps.logger.error('digest: posted, but it could not be recorded as sent; it will be posted again when its claim expires', { ...fields, messageId, error });
  }
}
