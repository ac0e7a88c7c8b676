/**
 * The delivery log's defaults and the two ways the adapters use it. Dedupe has to survive a
 * restart (a platform redelivers what a dying process had not acknowledged), so the store keeps
 * the ids; the in-memory log is only for an adapter started without a store (tests, the local
 * chat). A store that cannot answer must not silence the bot: the delivery is handled anyway,
 * with an error logged, because a rare duplicate answer is better than no answer at all.
 */
import type { Clock, Logger } from './ports.js';
import type { DeliveryLog } from './store.js';

/** How long a delivery id is remembered: Slack retries for up to about an hour, Teams for minutes. */
export const DEFAULT_DELIVERY_TTL_MS = 2 * 60 * 60 * 1000;

export interface MemoryDeliveryLogOptions {
  /** How many ids to remember at most; the oldest are forgotten first (default 10,000). */
  readonly maxSize?: number;
  /** How long to remember an id, in ms (default DEFAULT_DELIVERY_TTL_MS). */
  readonly ttlMs?: number;
  readonly clock?: Clock;
}

/** A bounded, process-local delivery log: forgets on restart, so only for use without a store. */
export function memoryDeliveryLog(options: MemoryDeliveryLogOptions = {}): DeliveryLog & { readonly size: number } {
  const { maxSize = 10_000, ttlMs = DEFAULT_DELIVERY_TTL_MS, clock = { now: () => new Date() } } = options;
  const seenAt = new Map<string, number>();
  const evict = (now: number): void => {
    for (const [key, at] of seenAt) {
      if (seenAt.size <= maxSize && now - at < ttlMs) break;
      seenAt.delete(key);
    }
  };
  return {
    firstSeen: async (key) => {
      const now = clock.now().getTime();
      evict(now);
      if (seenAt.has(key)) return false;
      seenAt.set(key, now);
      evict(now);
      return true;
    },
    get size() {
      return seenAt.size;
    },
  };
}

/** `log.firstSeen(key)`, except that a log that fails is logged and the delivery treated as new. */
export async function isFirstDelivery(log: DeliveryLog, key: string, logger: Logger): Promise<boolean> {
  try {
    return await log.firstSeen(key);
  } catch (error) {
    logger.error('delivery log unavailable; handling the delivery anyway (a redelivery may be answered twice)', { key, error });
    return true;
  }
}
