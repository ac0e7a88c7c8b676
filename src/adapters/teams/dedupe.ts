/**
 * Teams redelivers an activity when the bot was slow to acknowledge it; answering twice would post
 * two identical cards. A bounded set of recently handled activity keys (oldest evicted first)
 * lets the adapter ignore such retries without growing forever.
 */

/** Remembers the last `capacity` keys. */
export class RecentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly capacity = 10_000) {}

  /** Records `key`; returns false when it was already recorded (a duplicate). */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next();
      if (!oldest.done) this.keys.delete(oldest.value);
    }
    return true;
  }
}
