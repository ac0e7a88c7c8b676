/**
 * Sending to the Bot Framework connector with patience. The connector's HTTP pipeline
 * (@azure/core-rest-pipeline) already retries 408, 5xx and network errors three times with
 * exponential backoff from 1 s, and a 429 or 503 that carries Retry-After; retrying those here
 * too would multiply the attempts. What it gives up on at once, a 429 without Retry-After (how
 * Teams throttles bursts), is retried here with exponential backoff and jitter; a 429 with
 * Retry-After is not (the pipeline has waited it out three times already: 4 x 4 attempts before).
 * One deadline bounds the whole reply, the pipeline's attempts and waits included (replyBudget.ts),
 * well inside the 15 s Bot Framework gives a turn. The last failure of any kind becomes one
 * `DeliveryError` naming the status and the attempts.
 */
import { DeliveryError } from '../../core/errors.js';
import { withReplyDeadline } from './replyBudget.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** Delay before the first retry; doubled for each next one. */
  readonly baseDelayMs: number;
  /** Upper bound of one delay. */
  readonly maxDelayMs: number;
  /** The whole reply, every attempt and wait included, ends by then (Bot Framework waits 15 s). */
  readonly deadlineMs?: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 8000, deadlineMs: 10_000 };

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

/** Runs `send`, retrying throttling, all by the deadline; throws DeliveryError after the last attempt or any other failure. */
export async function withRetry<T>(send: () => Promise<T>, what: string, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const deadlineMs = opts.deadlineMs ?? DEFAULT_RETRY.deadlineMs ?? 10_000;
  const signal = AbortSignal.timeout(deadlineMs);
  const endsAt = performance.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await beforeDeadline(withReplyDeadline(signal, send), signal);
    } catch (error) {
      const status = statusOf(error);
      const delay = backoff(attempt, opts);
      const retry = isRetryable(status) && retryAfterMs(error) === undefined && attempt < opts.retries && performance.now() + delay < endsAt;
      if (!retry) {
        const detail = signal.aborted ? `no answer within ${deadlineMs} ms` : status === undefined ? 'no HTTP status' : `HTTP ${status}`;
        throw new DeliveryError(`${what} failed after ${attempt + 1} attempt(s) (${detail})`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * `sending`, or the deadline's abort reason if that comes first: the pipeline may be sleeping out
 * a Retry-After the signal cannot interrupt, and the attempt it would then make is aborted at once.
 */
function beforeDeadline<T>(sending: Promise<T>, signal: AbortSignal): Promise<T> {
  let stop = (): void => undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    stop = () => reject(signal.reason);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  return Promise.race([sending, deadline]).finally(() => signal.removeEventListener('abort', stop));
}

/** The Retry-After of a connector error (seconds or an HTTP date), in ms from `now`; undefined without one. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  const value = responseHeader(error, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A header of the HTTP response a connector error (`RestError`) carries. */
function responseHeader(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const { response } = error;
  if (typeof response !== 'object' || response === null || !('headers' in response)) return undefined;
  const { headers } = response;
  if (typeof headers !== 'object' || headers === null || !('get' in headers) || typeof headers.get !== 'function') return undefined;
  const value: unknown = headers.get(name);
  return typeof value === 'string' ? value : undefined;
}
