/**
 * The port each adapter implements to post a digest, and the one distinction the scheduler needs
 * from its failures: permanent (the bot was removed from the channel: Slack channel_not_found /
 * not_in_channel / is_archived, Teams 403 / 404), after which the channel is unsubscribed, or
 * anything else, which is retried and then left for the next run (at once when deferred: the
 * platform asked for more time than a run waits).
 */
import { DeliveryError } from '../errors.js';
import type { Digest } from './compose.js';

/** Where a digest goes: the subscription's platform and opaque channel key. */
export interface DigestTarget {
  readonly platform: string;
  readonly channel: string;
}

/** What the platform said when it accepted a digest. */
export interface PostedDigest {
  /** The platform's id of the new message (Slack `ts`, Teams activity id), when it gave one. */
  readonly messageId?: string;
}

export interface MessageSink {
  /** Posts `digest` to `target`; throws PermanentDeliveryError when the channel is gone for good. */
  send(target: DigestTarget, digest: Digest): Promise<PostedDigest>;
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
}

/** True for DeferredDeliveryError or any error carrying `deferred: true`. */
export function isDeferred(error: unknown): boolean {
  return error instanceof Error && (error as Error & { deferred?: unknown }).deferred === true;
}

/** True for PermanentDeliveryError or any error carrying `permanent: true`. */
export function isPermanent(error: unknown): boolean {
  return error instanceof Error && (error as Error & { permanent?: unknown }).permanent === true;
}
