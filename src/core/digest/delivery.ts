/**
 * One channel's digest: wait for its paced slot, claim (channel, day), compose, send with retries,
 * settle the claim. The claim is taken only once the slot has come, so a run holds claims only for
 * posts it is about to make; a stop (the run's AbortSignal) during a wait gives the claim back at
 * once, for another replica or the next run. A post already handed to the platform is never cut
 * off: it finishes and is marked sent. A 429 with Retry-After pauses the whole workspace for that
 * long and the same post is tried again, still under its claim, so it is posted once and not lost.
 */
import type { Bot } from '../bot.js';
import type { Logger } from '../ports.js';
import type { DigestClaim, DigestLedger, QuestionLog, RotationStore, Subscription, SubscriptionStore } from '../store.js';
import { composeDigest, type Digest } from './compose.js';
import { abortable, abortError, isAbort, type Pacer, type Semaphore, type Spacing } from './pacing.js';
import { withRetry, type RetryOptions } from './retry.js';
import { isPermanent, retryAfterOf, type MessageSink, type PostedDigest } from './sink.js';

/** A Retry-After up to this is waited out within the run; a longer one leaves the channel to the next run. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Rate-limited answers one post may get before it is left to the next run. */
const MAX_RATE_LIMITED = 5;

export type Outcome = 'sent' | 'failed' | 'unsubscribed' | 'released' | 'skipped';

export interface DeliveryContext {
  readonly bot: Bot;
  readonly store: SubscriptionStore & DigestLedger & RotationStore & QuestionLog;
  readonly logger: Logger;
  readonly retry: RetryOptions;
  readonly leaseMs: number;
  readonly pacer: Pacer;
  readonly signal: AbortSignal | undefined;
  /** Bounds the posts being claimed, composed and sent at once (a wait for a slot holds none). */
  readonly inFlight: Semaphore;
  /** Counts the platform's 429s, for the run's report. */
  rateLimited: number;
}

/** One due channel, with the sink and the pacing keys of its lane. */
export interface Job {
  readonly sub: Subscription;
  readonly day: string;
  readonly sink: MessageSink;
  readonly workspace: readonly [key: string, intervalMs: number];
  readonly channel: readonly [key: string, intervalMs: number];
}

const fieldsOf = (job: Job) => ({ channel: job.sub.channel, platform: job.sub.platform, day: job.day });

/** Slot, claim, compose, send, settle: one channel. */
export async function deliver(ctx: DeliveryContext, job: Job): Promise<Outcome> {
  const spacing: Spacing[] = [job.workspace, job.channel];
  try {
    await ctx.pacer.slot(spacing, ctx.signal);
  } catch (error) {
    if (isAbort(error)) return 'skipped'; // stopped before claiming: nothing held
    throw error;
  }
  return ctx.inFlight.run(() => post(ctx, job, spacing));
}

/** Claim, compose, send, settle, once the slot has come. */
async function post(ctx: DeliveryContext, job: Job, spacing: readonly Spacing[]): Promise<Outcome> {
  if (ctx.signal?.aborted) return 'skipped';
  const claim = await ctx.store.claimDigest(job.sub.channel, job.day, ctx.leaseMs);
  if (!claim) return 'skipped';
  const fields = fieldsOf(job);
  if (claim.takenOver) {
    ctx.logger.warn('digest: took over an unfinished claim left by a process that stopped; that digest may already have been posted, posting it now', {
      ...fields,
      staleClaimAt: claim.takenOver.claimedAt.toISOString(),
    });
  }
  let digest: Digest;
  let sent: { attempts: number; posted: PostedDigest };
  try {
    digest = await composeDigest(ctx, { channel: job.sub.channel, timeZone: job.sub.timeZone, day: job.day, language: job.sub.language });
    sent = await send(ctx, job, digest, spacing);
  } catch (error) {
    return failed(ctx, job, claim, error);
  }
  await settleSent(ctx, claim, sent.posted.messageId, fields);
  ctx.logger.info('digest sent', { ...fields, entry: digest.insight.entry?.id, language: job.sub.language, attempts: sent.attempts, messageId: sent.posted.messageId });
  return 'sent';
}

/** Sends with the scheduler's retries; each retry waits for a fresh slot, each 429 pauses the workspace. */
async function send(ctx: DeliveryContext, job: Job, digest: Digest, spacing: readonly Spacing[]): Promise<{ attempts: number; posted: PostedDigest }> {
  const target = { platform: job.sub.platform, channel: job.sub.channel, ...(job.sub.workspace ? { workspace: job.sub.workspace } : {}) };
  let posted: PostedDigest = {};
  let first = true;
  let limited = 0;
  const attempt = async (): Promise<void> => {
    for (;;) {
      if (!first) await ctx.pacer.slot(spacing, ctx.signal);
      first = false;
      if (ctx.signal?.aborted) throw abortError();
      try {
        posted = await job.sink.send(target, digest);
        return;
      } catch (error) {
        const wait = retryAfterOf(error);
        if (wait === undefined || wait > MAX_RETRY_AFTER_MS || ++limited > MAX_RATE_LIMITED) throw error;
        ctx.rateLimited++;
        ctx.pacer.pause(job.workspace[0], wait);
        ctx.pacer.pause(job.channel[0], wait);
        ctx.logger.warn('digest: rate limited by the platform; pausing this workspace and trying again', { ...fieldsOf(job), retryAfterMs: wait });
      }
    }
  };
  const retry: RetryOptions = { ...ctx.retry, sleep: (ms) => abortable(ctx.retry.sleep(ms), ctx.signal) };
  const onRetry = (error: unknown, n: number): void => ctx.logger.warn('digest: send failed, will retry', { ...fieldsOf(job), retry: n, error });
  const attempts = await withRetry(attempt, retry, onRetry);
  return { attempts, posted };
}

/** The claim is given back whatever happened; a channel that removed the bot is unsubscribed. */
async function failed(ctx: DeliveryContext, job: Job, claim: DigestClaim, error: unknown): Promise<Outcome> {
  const fields = fieldsOf(job);
  await ctx.store.releaseDigest(claim);
  if (isAbort(error)) {
    ctx.logger.info('digest: run stopped before this channel was posted; claim released for another process or the next run', fields);
    return 'released';
  }
  if (!isPermanent(error)) {
    ctx.logger.error('digest: delivery failed; claim released, the next run tries again', { ...fields, error });
    return 'failed';
  }
  await ctx.store.unsubscribe(job.sub.channel);
  ctx.logger.warn('digest: the bot cannot post in this channel any more; unsubscribed it', { ...fields, error });
  return 'unsubscribed';
}

/** Marks a posted digest sent; a claim lost meanwhile or a store that fails is a warning or an error, never silence. */
async function settleSent(ctx: DeliveryContext, claim: DigestClaim, messageId: string | undefined, fields: ReturnType<typeof fieldsOf>): Promise<void> {
  try {
    if (!(await ctx.store.markDigestSent(claim, messageId))) {
      ctx.logger.warn('digest: sent, but its claim had expired and been taken over; it may be posted twice', { ...fields, messageId });
    }
  } catch (error) {
    ctx.logger.error('digest: posted, but it could not be recorded as sent; it will be posted again when its claim expires', { ...fields, messageId, error });
  }
}
