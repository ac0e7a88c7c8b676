/** Retry with backoff for digest delivery; the delays and the sleep are injectable so tests run instantly. */
import { isDeferred, isPermanent } from './sink.js';

export interface RetryOptions {
  /** Wait before each retry, in ms; its length is the number of retries. */
  readonly delaysMs: readonly number[];
  /** How to wait (tests pass one that resolves at once). */
  readonly sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Three retries after 1 s, 4 s and 16 s: four attempts within about 21 s. */
export const DEFAULT_RETRY: RetryOptions = { delaysMs: [1000, 4000, 16000], sleep: realSleep };

/** Runs `attempt` until it succeeds; rethrows a permanent or deferred error at once and the last error after the final retry. */
export async function withRetry(attempt: () => Promise<void>, options: RetryOptions, onRetry?: (error: unknown, retry: number) => void): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      await attempt();
      return i + 1;
    } catch (error) {
      const delay = options.delaysMs[i];
      if (isPermanent(error) || isDeferred(error) || delay === undefined) throw error;
      onRetry?.(error, i + 1);
      await options.sleep(delay);
    }
  }
}
