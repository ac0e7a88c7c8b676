/**
 * The Slack MessageSink: posts the digest with chat.postMessage to the channel in the
 * subscription's key. The trap is telling failures apart. Only errors about that one channel
 * (channel_not_found, not_in_channel, is_archived, a read-only channel) mean the bot can never
 * post there as things stand: PermanentDeliveryError, and the scheduler unsubscribes it. A
 * refused token or a missing scope concerns every channel at once (a revoked token, a reinstall
 * in progress), so unsubscribing would wipe every subscription: those are ordinary failures,
 * logged by the scheduler naming SLACK_BOT_TOKEN, and the next run tries again. Rate limits,
 * 5xx and network errors are retried by the Web API client, then by the scheduler. A 429 is not
 * slept on here: it becomes a DeferredDeliveryError carrying the Retry-After, and the scheduler
 * pauses the whole workspace for that long and posts the same digest again (a long one leaves the
 * channel to the next run). The pacing is Slack's published limit for chat.postMessage (a
 * "special" tier): about one message a second per channel, and several hundred a minute per
 * workspace, which we take as about 285 (one every 210 ms: under 300, with room for the jitter of
 * the network and for the bot's answers).
 */
import type { webApi } from '@slack/bolt';
import type { Digest } from '../../core/digest/compose.js';
import type { Pacing } from '../../core/digest/pacing.js';
import { DeferredDeliveryError, PermanentDeliveryError, type DigestTarget, type MessageSink, type PostedDigest } from '../../core/digest/sink.js';
import { DeliveryError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import { slackChannelIdOf } from './inbound.js';
import { createWebClient, retryAfterSeconds, withRateLimit, type RateLimitPolicy, type SlackConfig } from './client.js';
import { slackErrorCode } from './deliver.js';
import { renderDigest } from './digestBlocks.js';
import { QUIET, type WebClient } from './send.js';

/** Slack errors meaning the bot cannot post in this one channel any more. */
export const CHANNEL_GONE: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action_read_only_channel']);
/** Slack errors about the token or the app's scopes: every channel fails alike until they are fixed. */
export const TOKEN_PROBLEM: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'missing_scope',
  'no_permission',
]);

/** The sink waits out no Retry-After itself: the scheduler pauses the workspace (see the header). */
export const DIGEST_RATE_LIMIT: RateLimitPolicy = { maxWaitMs: 0 };

/** chat.postMessage: 1 a second per channel; about 285 a minute per workspace; 3 in flight covers Slack's latency at that rate. */
export const SLACK_DIGEST_PACING: Pacing = { channelIntervalMs: 1000, workspaceIntervalMs: 210, concurrency: 3 };

export class SlackDigestSink implements MessageSink {
  readonly pacing: Pacing;
  private team: Promise<string | undefined> | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly rateLimit: RateLimitPolicy = DIGEST_RATE_LIMIT,
    pacing: Pacing = SLACK_DIGEST_PACING,
  ) {
    this.pacing = pacing;
  }

  /** A channel subscribed without a team id (DIGEST_SLACK_CHANNELS) is in the bot token's workspace (auth.test, asked once). */
  workspaceOf(): Promise<string | undefined> {
    this.team ??= this.client.auth.test().then(
      (r) => r.team_id,
      () => {
        this.team = undefined; // ask again next run
        return undefined;
      },
    );
    return this.team;
  }

  /** Posts `digest` as a new message in the channel of `target`; its `ts` is the message id. */
  async send(target: DigestTarget, digest: Digest): Promise<PostedDigest> {
    const channel = slackChannelIdOf(target.channel);
    if (channel === undefined) throw new PermanentDeliveryError(`${target.channel} is not a Slack channel key (slack:<channel id>)`);
    try {
      const message = { channel, ...renderDigest(digest), ...QUIET };
      const posted = await withRateLimit(() => this.client.chat.postMessage(message), this.rateLimit);
      return posted.ts ? { messageId: posted.ts } : {};
    } catch (cause) {
      throw digestFailure(target.channel, cause, this.rateLimit);
    }
  }
}

/** The coded error for a failed digest post: permanent only when the channel itself is gone. */
export function digestFailure(channelKey: string, cause: unknown, rateLimit: RateLimitPolicy = DIGEST_RATE_LIMIT): DeliveryError {
  const retryAfter = retryAfterSeconds(cause);
  if (retryAfter !== undefined) {
    const waits = Math.round(rateLimit.maxWaitMs / 1000);
    return new DeferredDeliveryError(`slack digest to ${channelKey} rate limited by Slack (Retry-After ${retryAfter} s; the sink waits at most ${waits} s itself)`, { cause, retryAfterMs: retryAfter * 1000 });
  }
  const code = slackErrorCode(cause);
  if (code !== undefined && CHANNEL_GONE.has(code)) {
    return new PermanentDeliveryError(`slack digest to ${channelKey} refused (${code}): the bot is not in that channel any more (invite it, then subscribe again)`, { cause });
  }
  if (code !== undefined && TOKEN_PROBLEM.has(code)) {
    return new DeliveryError(`slack digest to ${channelKey} failed (${code}): SLACK_BOT_TOKEN was refused or lacks the chat:write scope; fix it (see docs/slack.md) and the next run posts`, { cause });
  }
  return new DeliveryError(`slack digest to ${channelKey} failed (${code ?? 'network error'})`, { cause });
}

/** The Slack sink for `npm run digest -- run-due` (no Bolt app): its own WebClient with the same settings. */
export function createSlackDigestSink(config: SlackConfig, logger: Logger, options: { logLevel?: string; retry?: webApi.RetryOptions; rateLimit?: RateLimitPolicy } = {}): SlackDigestSink {
  const { rateLimit, ...clientOptions } = options;
  return new SlackDigestSink(createWebClient({ config, logger, ...clientOptions }), rateLimit);
}
