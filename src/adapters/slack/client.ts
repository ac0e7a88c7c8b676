/**
 * The Web API client settings shared by the Bolt app (answers) and the digest sink of
 * `npm run digest -- run-due` (no Bolt app there): the same token, base URL, retry policy and
 * timeout, and log lines routed into the project's logger, so a digest posted by the CLI fails
 * and retries exactly as one posted by `npm start`.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { Config } from '../../config.js';
import { boltLevel, toBoltLogger } from './boltLogger.js';

export type SlackConfig = NonNullable<Config['slack']>;

/**
 * A few quick retries (5xx, network): a chat answer that arrives minutes late is not worth waiting
 * for, and the digest scheduler adds its own slower retries on top. A 429 is not retried by the
 * client (see `withRateLimit`).
 */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true };
/** No Web API call may hang a listener or a digest run for ever (the client's default is no timeout). */
const REQUEST_TIMEOUT_MS = 10_000;

/** Client options for `config`: base URL (SLACK_API_URL), retries and timeout; a 429 is thrown, not slept on. */
export function clientOptions(config: SlackConfig, retry: webApi.RetryOptions = DEFAULT_RETRY): webApi.WebClientOptions {
  return {
    retryConfig: retry,
    timeout: REQUEST_TIMEOUT_MS,
    rejectRateLimitedCalls: true,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  };
}

export interface WebClientDeps {
  readonly config: SlackConfig;
  readonly logger: Logger;
  /** Level the client is told it runs at (the project logger filters anyway). */
  readonly logLevel?: string;
  readonly retry?: webApi.RetryOptions;
}

/** A WebClient with the bot token, outside any Bolt app. */
export function createWebClient(deps: WebClientDeps): webApi.WebClient {
  const logger = toBoltLogger(deps.logger, boltLevel(deps.logLevel ?? 'info'));
  logger.setName('slack-web-api');
  return new webApi.WebClient(deps.config.botToken, { ...clientOptions(deps.config, deps.retry), logger });
}

/**
 * The trap this avoids: left to itself the WebClient sleeps for whatever Retry-After Slack sends
 * (one `Retry-After: 3600` held a digest run and its claim for an hour) and pauses every other
 * call of that client meanwhile. So the client throws on a 429 and each caller says how long it
 * will wait: a Retry-After up to `maxWaitMs` is waited out and the call tried once more; a longer
 * one is thrown at once, for the caller to give up (`retryAfterSeconds` reads it).
 */
export interface RateLimitPolicy {
  /** Longest Retry-After waited out, in ms. */
  readonly maxWaitMs: number;
  /** How to wait (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A chat answer waits out a short rate limit; later than this, an apology is more useful. */
export const ANSWER_RATE_LIMIT: RateLimitPolicy = { maxWaitMs: 5_000 };

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `call`, waiting out one Retry-After of at most `policy.maxWaitMs`; a longer one is rethrown at once. */
export async function withRateLimit<T>(call: () => Promise<T>, policy: RateLimitPolicy): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const seconds = retryAfterSeconds(error);
    if (seconds === undefined || seconds * 1000 > policy.maxWaitMs) throw error;
    await (policy.sleep ?? realSleep)(seconds * 1000);
    return call();
  }
}

/** The Retry-After (seconds) of a rate-limited Web API call, or undefined for any other error. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== webApi.ErrorCode.RateLimitedError) return undefined;
  return 'retryAfter' in error && typeof error.retryAfter === 'number' ? error.retryAfter : undefined;
}
