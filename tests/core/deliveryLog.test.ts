import { describe, expect, it } from 'vitest';
import { isFirstDelivery, memoryDeliveryLog } from '../../src/core/deliveryLog.js';
import { fakeClock, recordingLogger } from './digest/fakes.js';

describe('the in-memory delivery log (used only without a store)', () => {
  it('says an id is new the first time only', async () => {
    const log = memoryDeliveryLog();
    expect([await log.firstSeen('a'), await log.firstSeen('a'), await log.firstSeen('b')]).toEqual([true, false, true]);
  });

  it('forgets ids after the TTL', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const log = memoryDeliveryLog({ ttlMs: 1000, clock });
    await log.firstSeen('a');
    clock.advance(999);
    expect(await log.firstSeen('a')).toBe(false);
    clock.advance(1001);
    expect(await log.firstSeen('a')).toBe(true);
  });

  it('stays within its size bound, forgetting the oldest first', async () => {
    const log = memoryDeliveryLog({ maxSize: 3 });
    for (const id of ['a', 'b', 'c', 'd']) await log.firstSeen(id);
    expect(log.size).toBe(3);
    expect(await log.firstSeen('d')).toBe(false);
    expect(await log.firstSeen('a')).toBe(true);
  });
});

describe('isFirstDelivery', () => {
  it('handles a delivery whose log cannot answer, and logs an error saying a duplicate is possible', async () => {
    const logger = recordingLogger();
    const broken = { firstSeen: async () => Promise.reject(new Error('SQLITE_IOERR')) };
    expect(await isFirstDelivery(broken, 'slack:event:Ev1', logger)).toBe(true);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/answered twice/) })]);
  });
});
