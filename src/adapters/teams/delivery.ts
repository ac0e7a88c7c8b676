/**
 * Sending to the Bot Framework connector with patience. The connector's HTTP pipeline
 * (@azure/core-rest-pipeline) already retries 408, 5xx and network errors three times with
 * exponential backoff from 1 s, and a 429 or 503 that carries Retry-After; retrying those here
 * too would multiply the attempts. What it gives up on at once, a 429 without Retry-After (how
 * Teams throttles bursts), is retried here with exponential backoff and jitter. The last failure
 * of any kind becomes one `DeliveryError` naming the status and the attempts.
 */
import { DeliveryError } from '../../core/errors.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** Delay before the first retry; doubled for each next one. */
  readonly baseDelayMs: number;
  /** Upper bound of one delay. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 8000 };

/** The HTTP status carried by a connector error (`RestError.statusCode`), if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number') {
    return error.statusCode;
  }
  return undefined;
}

/** Only throttling is retried here (see the header); other 4xx mean the request itself is wrong. */
export function isRetryable(status: number | undefined): boolean {
  return status === 429;
}

/** The delay before retry number `attempt` (0-based): exponential, capped, with half jitter. */
export function backoff(attempt: number, opts: RetryOptions, random: () => number = Math.random): number {
  const exp = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Runs `send`, retrying throttling; throws DeliveryError after the last attempt or any other failure. */
export async function withRetry<T>(send: () => Promise<T>, what: string, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const status = statusOf(error);
      if (!isRetryable(status) || attempt >= opts.retries) {
        const detail = status === undefined ? 'no HTTP status' : `HTTP ${status}`;
        throw new DeliveryError(`${what} failed after ${attempt + 1} attempt(s) (${detail})`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, backoff(attempt, opts)));
    }
  }
}
