import { describe, expect, it } from 'vitest';
import { backoff, withRetry } from '../../../src/adapters/teams/delivery.js';
import { DeliveryError } from '../../../src/core/errors.js';

class HttpFailure extends Error {
  constructor(readonly statusCode: number) {
    super(`HTTP ${statusCode}`);
  }
}
const fast = { retries: 3, baseDelayMs: 1, maxDelayMs: 4 };

describe('withRetry', () => {
  it('retries throttling (429) and returns the eventual result', async () => {
    let calls = 0;
    const result = await withRetry(async () => (++calls < 3 ? Promise.reject(new HttpFailure(429)) : 'sent'), 'reply', fast);
    expect(result).toBe('sent');
    expect(calls).toBe(3);
  });

  it('gives up after the last retry with a coded DeliveryError that keeps the cause', async () => {
    const error = await withRetry(() => Promise.reject(new HttpFailure(429)), 'reply in 19:abc', fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: 'delivery_failed', message: 'reply in 19:abc failed after 4 attempt(s) (HTTP 429)' });
    expect(error instanceof Error && error.cause).toBeInstanceOf(HttpFailure);
  });

  it('does not retry a request the connector rejects as wrong (4xx), nor what the HTTP pipeline already retried (5xx)', async () => {
    for (const status of [400, 403, 404, 503]) {
      let calls = 0;
      await expect(withRetry(() => (calls++, Promise.reject(new HttpFailure(status))), 'reply', fast)).rejects.toBeInstanceOf(DeliveryError);
      expect(calls).toBe(1);
    }
  });

  it('backs off exponentially, capped, with jitter in the upper half', () => {
    const opts = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((n) => backoff(n, opts, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((n) => backoff(n, opts, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
});
