/**
 * Which entry a channel sees on a given day. Each channel walks its own shuffled order of the
 * whole set (seeded from the channel key, so it is stable across restarts and processes) and
 * sees no entry twice until all were shown; then a new cycle is shuffled. The pick is remembered
 * with its day, so a preview, a retry or a second process on the same day get the same entry and
 * the rotation advances once a day at most.
 */
import type { RotationState } from '../store.js';

/** 32-bit FNV-1a of a string: a small, stable seed. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny deterministic PRNG in [0, 1). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `ids` sorted then Fisher-Yates shuffled with a seed from `key`: same inputs, same order. */
export function seededShuffle(ids: readonly string[], key: string): string[] {
  const out = [...ids].sort();
  const next = random(seedOf(key));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

/** A fresh cycle's order; never starts with the entry shown last, when there is a choice. */
function newCycle(channel: string, cycle: number, entryIds: readonly string[], last: string | undefined): string[] {
  const order = seededShuffle(entryIds, `${channel}#${cycle}`);
  if (order.length > 1 && order[0] === last) [order[0], order[1]] = [order[1] as string, order[0] as string];
  return order;
}

/**
 * The rotation after picking the entry for `day`: unchanged if `day` already has a (still
 * existing) entry; otherwise the next entry of the current order that still exists, with entries
 * added to the knowledge set since appended, or the first of a new cycle.
 */
export function pickEntry(current: RotationState | undefined, channel: string, day: string, entryIds: readonly string[]): RotationState {
  if (entryIds.length === 0) throw new Error('the knowledge set has no entries to rotate through');
  const live = new Set(entryIds);
  if (current?.day === day && current.entryId !== undefined && live.has(current.entryId)) return current;
  const base = current ?? { order: newCycle(channel, 0, entryIds, undefined), position: 0, cycle: 0 };
  const known = new Set(base.order);
  const added = seededShuffle(
    entryIds.filter((id) => !known.has(id)),
    `${channel}#${base.cycle}+`,
  );
  const order = [...base.order, ...added];
  const next = order.findIndex((id, i) => i >= base.position && live.has(id));
  if (next >= 0) return { order, position: next + 1, cycle: base.cycle, day, entryId: order[next] as string };
  const cycle = base.cycle + 1;
  const fresh = newCycle(channel, cycle, entryIds, current?.entryId);
  return { order: fresh, position: 1, cycle, day, entryId: fresh[0] as string };
}
