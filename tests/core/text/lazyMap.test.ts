import { describe, expect, it } from 'vitest';
import { lazyMap } from '../../../src/core/text/lazyMap.js';

describe('lazyMap', () => {
  it('builds its map on the first use, once, and answers as that map', () => {
    let builds = 0;
    const map = lazyMap(() => {
      builds += 1;
      return new Map([['a', 1], ['b', 2]]);
    });
    expect(builds).toBe(0);
    expect(map.get('a')).toBe(1);
    expect(map.has('c')).toBe(false);
    expect(map.size).toBe(2);
    expect([...map]).toEqual([['a', 1], ['b', 2]]);
    expect([...map.keys()]).toEqual(['a', 'b']);
    expect(builds).toBe(1);
  });
});
