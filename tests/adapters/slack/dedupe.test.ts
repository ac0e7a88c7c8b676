import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../../src/adapters/slack/dedupe.js';

function manualClock(start = 0): { now: () => Date; advance: (ms: number) => void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

describe('event dedupe', () => {
  it('reports an event id as seen from its second delivery on', () => {
    const dedupe = createDedupe();
    expect(dedupe.seen('Ev1')).toBe(false);
    expect(dedupe.seen('Ev1')).toBe(true);
    expect(dedupe.seen('Ev2')).toBe(false);
  });

  it('forgets ids after the TTL', () => {
    const clock = manualClock();
    const dedupe = createDedupe({ ttlMs: 1000, clock });
    dedupe.seen('Ev1');
    clock.advance(999);
    expect(dedupe.seen('Ev1')).toBe(true);
    clock.advance(1001);
    expect(dedupe.seen('Ev1')).toBe(false);
  });

  it('stays within its size bound, forgetting the oldest first', () => {
    const dedupe = createDedupe({ maxSize: 3 });
    for (const id of ['a', 'b', 'c', 'd']) dedupe.seen(id);
    expect(dedupe.size).toBe(3);
    expect(dedupe.seen('d')).toBe(true);
    expect(dedupe.seen('a')).toBe(false);
  });
});
