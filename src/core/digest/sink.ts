/**
 * The port each adapter implements to post a digest, and the one distinction the scheduler needs
 * from its failures: permanent (the bot was removed from the channel: Slack channel_not_found /
 * not_in_channel / is_archived, Teams 403 / 404), after which the channel is unsubscribed, or
 * anything else, which is retried and then left for the next run (at once when deferred: the
 * platform asked for more time than a run waits). A sink also says how fast its platform may be
 * posted to (`pacing`) and, when the subscription does not know it, which workspace a channel is in.
 */
import { DeliveryError } from '../errors.js';
import type { Digest } from './compose.js';
import type { Pacing } from './pacing.js';

/** Where a digest goes: the subscription's platform and opaque channel key. */
export interface DigestTarget {
  readonly platform: string;
  readonly channel: string;
  /** Opaque key of the workspace / tenant the channel belongs to, when the subscription recorded one. */
  readonly workspace?: string;
}

/** What the platform said when it accepted a digest. */
export interface PostedDigest {
  /** The platform's id of the new message (Slack `ts`, Teams activity id), when it gave one. */
  readonly messageId?: string;
}

export interface MessageSink {
  /** Posts `digest` to `target`; throws PermanentDeliveryError when the channel is gone for good. */
  send(target: DigestTarget, digest: Digest): Promise<PostedDigest>;
  /** The platform's published limits this sink is paced to (default DEFAULT_PACING). */
  readonly pacing?: Pacing;
  /** The workspace of a channel whose subscription recorded none (e.g. the one the bot token belongs to). */
  workspaceOf?(target: DigestTarget): Promise<string | undefined>;
}

/** Picks the sink for a subscription's platform; undefined skips that platform's channels. */
export type SinkFor = (platform: string) => MessageSink | undefined;

/** A delivery that can never succeed as things stand (the bot is not in the channel any more). */
export class PermanentDeliveryError extends DeliveryError {
  readonly permanent = true;
}

/**
 * A delivery the platform told us to postpone longer than a run waits (a long Retry-After): not
 * retried in this run, whose claim is released so that the next run posts it.
 */
export class DeferredDeliveryError extends DeliveryError {
  readonly deferred = true;
  /** The platform's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { readonly cause?: unknown; readonly retryAfterMs?: number } = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : {});
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The Retry-After (ms) a rate-limited delivery carries, or undefined. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof DeferredDeliveryError ? error.retryAfterMs : undefined;
}

/** True for DeferredDeliveryError or any error carrying `deferred: true`. */
export function isDeferred(error: unknown): boolean {
  return error instanceof Error && (error as Error & { deferred?: unknown }).deferred === true;
}

/** True for PermanentDeliveryError or any error carrying `permanent: true`. */
export function isPermanent(error: unknown): boolean {
  return error instanceof Error && (error as Error & { permanent?: unknown }).permanent === true;
}
