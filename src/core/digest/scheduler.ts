/**
 * `runDue(now)`: posts every digest due at `now`, once per channel and local day, whoever else
 * runs at the same time. A subscription is due when its zone's wall clock has reached its HH:MM
 * today, so a process that was down at that time catches up when it comes back the same local
 * day, and a new local day never looks back at yesterday. Due channels are grouped by platform and
 * workspace (a lane); lanes run side by side, each paced to its platform's published limits
 * (pacing.ts) with a few posts in flight. Each channel is claimed in the store just before its
 * post (delivery.ts); the claim is marked sent, with the platform's message id, as soon as the
 * platform accepted the post: a crash can only repeat the posts in flight at that moment (at most
 * a lane's concurrency per workspace), and the process that later takes over such a claim says so
 * (docs/digest.md). Stopping (the AbortSignal) lets the posts in flight finish, releases every
 * other claim and leaves the rest unclaimed.
 */
import type { Bot } from '../bot.js';
import type { Logger } from '../ports.js';
import type { DigestLedger, QuestionLog, RotationStore, Subscription, SubscriptionStore } from '../store.js';
import { deliver, type DeliveryContext, type Job, type Outcome } from './delivery.js';
import { DEFAULT_PACING, Pacer, REAL_TIMER, semaphore, type Pacing, type PaceTimer } from './pacing.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry.js';
import type { SinkFor } from './sink.js';
import { localDateTime, zonedTimeToUtc } from './time.js';

export interface DigestRunnerDeps {
  readonly bot: Bot;
  readonly store: SubscriptionStore & DigestLedger & RotationStore & QuestionLog;
  readonly sinkFor: SinkFor;
  readonly logger: Logger;
  /** Retries of one send (default 1 s, 4 s, 16 s). */
  readonly retry?: RetryOptions;
  /** Overrides every sink's pacing (tests; the bench's old single-queue pacing). */
  readonly pacing?: Pacing;
  /** The pacer's clock and sleep (default: real time). */
  readonly timer?: PaceTimer;
  /** Posts in flight at once across all lanes (default 8: more only queues inside this process, see DEFAULT_MAX_IN_FLIGHT). */
  readonly maxInFlight?: number;
  /**
   * A claim older than this is taken to be left by a dead process and may be claimed again
   * (default 15 minutes, far longer than a send with all its retries can take).
   */
  readonly leaseMs?: number;
}

export const DEFAULT_LEASE_MS = 15 * 60_000;
/**
 * Posts being claimed, composed and sent at once. More only queues work inside this process:
 * measured on 2 loaded cores, 30 in flight made some responses wait over the Web API client's 10 s
 * timeout in our own event loop, and the client's retry then posted those digests twice.
 */
export const DEFAULT_MAX_IN_FLIGHT = 8;

export interface RunOptions {
  /** Aborting it stops the run between posts and releases the claims not posted yet. */
  readonly signal?: AbortSignal;
}

export interface RunReport {
  /** Channel keys, in the order they were posted. */
  readonly sent: string[];
  readonly failed: string[];
  readonly unsubscribed: string[];
  /** Present when the run was stopped: channels whose claims it gave back unposted. */
  readonly released?: string[];
  /** Present when the platform answered 429 at least once: how many times. */
  readonly rateLimited?: number;
}

/** The local day whose digest `sub` is due for at `now`, or undefined when none is due. */
export function dueDay(sub: Subscription, now: Date): string | undefined {
  const local = localDateTime(now, sub.timeZone);
  if (local.time < sub.time) return undefined;
  // Subscribing (or changing the time) after today's slot starts with tomorrow's digest.
  if (zonedTimeToUtc(local.day, sub.time, sub.timeZone).getTime() < sub.updatedAt.getTime()) return undefined;
  return local.day;
}

interface Lane {
  readonly pacing: Pacing;
  readonly jobs: Job[];
}

/** Posts every digest due at `now`: lanes (platform, workspace) side by side, each paced. */
export async function runDue(deps: DigestRunnerDeps, now: Date, options: RunOptions = {}): Promise<RunReport> {
  const ctx: DeliveryContext = {
    bot: deps.bot,
    store: deps.store,
    logger: deps.logger,
    retry: deps.retry ?? DEFAULT_RETRY,
    leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS,
    pacer: new Pacer(deps.timer ?? REAL_TIMER),
    signal: options.signal,
    inFlight: semaphore(deps.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT),
    rateLimited: 0,
  };
  const outcomes = { sent: [] as string[], failed: [] as string[], unsubscribed: [] as string[], released: [] as string[] };
  const record = (job: Job, outcome: Outcome): void => void (outcome !== 'skipped' && outcomes[outcome].push(job.sub.channel));
  const lanes = await dueLanes(deps, now);
  await Promise.all([...lanes.values()].flatMap((lane) => workers(lane, ctx, record)));
  const { released, ...report } = outcomes;
  return { ...report, ...(options.signal?.aborted ? { released } : {}), ...(ctx.rateLimited > 0 ? { rateLimited: ctx.rateLimited } : {}) };
}

/** `concurrency` workers taking the lane's jobs in order; none starts a new one once the run is stopped. */
function workers(lane: Lane, ctx: DeliveryContext, record: (job: Job, outcome: Outcome) => void): Promise<void>[] {
  const work = async (): Promise<void> => {
    for (let job = lane.jobs.shift(); job && !ctx.signal?.aborted; job = lane.jobs.shift()) record(job, await deliver(ctx, job));
  };
  return Array.from({ length: Math.max(1, Math.min(lane.pacing.concurrency, lane.jobs.length)) }, work);
}

/** The due subscriptions with a sink, grouped by platform and workspace, in subscription order. */
async function dueLanes(deps: DigestRunnerDeps, now: Date): Promise<Map<string, Lane>> {
  const lanes = new Map<string, Lane>();
  for (const sub of await deps.store.subscriptions()) {
    const day = dueDayOrLog(deps.logger, sub, now);
    const sink = day === undefined ? undefined : deps.sinkFor(sub.platform);
    if (day === undefined || !sink) continue;
    const pacing = deps.pacing ?? sink.pacing ?? DEFAULT_PACING;
    const workspace = sub.workspace ?? (await workspaceOf(deps.logger, sink, sub)) ?? '';
    const key = `${sub.platform}\u0000${workspace}`;
    const lane = lanes.get(key) ?? { pacing, jobs: [] };
    lanes.set(key, lane);
    lane.jobs.push({ sub, day, sink, workspace: [`w\u0000${key}`, pacing.workspaceIntervalMs], channel: [`c\u0000${sub.channel}`, pacing.channelIntervalMs] });
  }
  return lanes;
}

/** The sink's idea of the channel's workspace; a failure only means the channel shares the platform's unknown lane. */
async function workspaceOf(logger: Logger, sink: NonNullable<ReturnType<SinkFor>>, sub: Subscription): Promise<string | undefined> {
  try {
    return await sink.workspaceOf?.({ platform: sub.platform, channel: sub.channel });
  } catch (error) {
    logger.warn('digest: could not tell the workspace of a channel; paced with the others of unknown workspace', { channel: sub.channel, error });
    return undefined;
  }
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
