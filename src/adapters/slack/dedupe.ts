/**
 * "Have I already handled this event?" Slack redelivers an event when it thinks the first
 * delivery was not acknowledged, and a redelivery may lack the X-Slack-Retry-Num header (a
 * reconnecting Socket Mode client, a proxy), so the decision rests on the envelope's `event_id`.
 * The set is bounded in size and age, so memory stays flat however long the process runs;
 * Slack stops retrying after about an hour, hence the default TTL.
 */
import type { Clock } from '../../core/ports.js';

export interface DedupeOptions {
  /** How many ids to remember at most; the oldest are forgotten first. */
  readonly maxSize: number;
  /** How long to remember an id, in milliseconds. */
  readonly ttlMs: number;
  readonly clock: Clock;
}

export const DEFAULT_DEDUPE_OPTIONS: DedupeOptions = {
  maxSize: 10_000,
  ttlMs: 2 * 60 * 60 * 1000,
  clock: { now: () => new Date() },
};

export interface Dedupe {
  /** True when `id` was seen before (within the TTL); otherwise remembers it and returns false. */
  seen(id: string): boolean;
  readonly size: number;
}

/** An in-memory, insertion-ordered set with a size bound and a TTL. */
export function createDedupe(options: Partial<DedupeOptions> = {}): Dedupe {
  const { maxSize, ttlMs, clock } = { ...DEFAULT_DEDUPE_OPTIONS, ...options };
  const firstSeen = new Map<string, number>();
  const evict = (now: number): void => {
    for (const [id, at] of firstSeen) {
      if (firstSeen.size <= maxSize && now - at < ttlMs) break;
      firstSeen.delete(id);
    }
  };
  return {
    seen(id) {
      const now = clock.now().getTime();
      evict(now);
      if (firstSeen.has(id)) return true;
      firstSeen.set(id, now);
      evict(now);
      return false;
    },
    get size() {
      return firstSeen.size;
    },
  };
}
