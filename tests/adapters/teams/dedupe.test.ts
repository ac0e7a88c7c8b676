import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src/adapters/teams/dedupe.js';

describe('RecentKeys', () => {
  it('reports a key seen before as a duplicate', () => {
    const keys = new RecentKeys(10);
    expect(keys.add('a')).toBe(true);
    expect(keys.add('a')).toBe(false);
  });

  it('forgets the oldest keys past its capacity', () => {
    const keys = new RecentKeys(2);
    keys.add('a');
    keys.add('b');
    keys.add('c');
    expect(keys.add('a')).toBe(true);
    expect(keys.add('c')).toBe(false);
  });
});
