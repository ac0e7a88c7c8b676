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
 * A few quick retries (5xx, network, 429 after its Retry-After): a chat answer that arrives minutes
 * late is not worth waiting for, and the digest scheduler adds its own slower retries on top.
 */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true };
/** No Web API call may hang a listener or a digest run for ever (the client's default is no timeout). */
const REQUEST_TIMEOUT_MS = 10_000;

/** Client options for `config`: base URL (SLACK_API_URL), retries and timeout. */
export function clientOptions(config: SlackConfig, retry: webApi.RetryOptions = DEFAULT_RETRY): webApi.WebClientOptions {
  return {
    retryConfig: retry,
    timeout: REQUEST_TIMEOUT_MS,
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
