import { describe, expect, it } from 'vitest';
import { pickEntry, seededShuffle } from '../../../src/core/digest/rotation.js';
import { addDays } from '../../../src/core/digest/time.js';
import type { RotationState } from '../../../src/core/store.js';

const ids = Array.from({ length: 12 }, (_, i) => `e${String(i).padStart(2, '0')}`);

/** Picks for `days` consecutive days from `start`. */
function walk(channel: string, days: number, entryIds: (day: number) => readonly string[] = () => ids, start?: RotationState): { picks: string[]; state: RotationState | undefined } {
  let state = start;
  const picks: string[] = [];
  for (let d = 0; d < days; d++) {
    state = pickEntry(state, channel, addDays('2024-01-01', d), entryIds(d));
    picks.push(state.entryId ?? '');
  }
  return { picks, state };
}

describe('rotation', () => {
  it('shows every entry once per cycle, then starts a new cycle without repeating the last entry', () => {
    const { picks } = walk('slack:C1', ids.length * 3);
    for (let c = 0; c < 3; c++) expect(new Set(picks.slice(c * ids.length, (c + 1) * ids.length)).size).toBe(ids.length);
    expect(picks[ids.length]).not.toBe(picks[ids.length - 1]);
    expect(picks.slice(0, ids.length)).not.toEqual(picks.slice(ids.length, 2 * ids.length));
  });

  it('gives each channel its own order, the same at every restart', () => {
    expect(walk('slack:C1', 12).picks).toEqual(walk('slack:C1', 12).picks);
    expect(walk('slack:C1', 12).picks).not.toEqual(walk('slack:C2', 12).picks);
    expect(seededShuffle(ids, 'k')).toEqual(seededShuffle([...ids].reverse(), 'k'));
  });

  it('keeps the same entry for the same day (a preview, a retry, another process)', () => {
    const first = pickEntry(undefined, 'slack:C1', '2024-01-01', ids);
    expect(pickEntry(first, 'slack:C1', '2024-01-01', ids)).toBe(first);
    expect(pickEntry(first, 'slack:C1', '2024-01-02', ids).entryId).not.toBe(first.entryId);
  });

  it('fits entries added mid-cycle into the current cycle, and skips removed ones', () => {
    const { state } = walk('slack:C1', 5);
    const grown = [...ids, 'new-1', 'new-2'];
    const shown = new Set(walk('slack:C1', 5).picks);
    const rest = walk('slack:C1', grown.length - 5, () => grown, state).picks;
    expect(new Set([...shown, ...rest]).size).toBe(grown.length);
    const removed = state?.order[state.position] ?? '';
    const without = ids.filter((id) => id !== removed);
    expect(walk('slack:C1', without.length - 5, () => without, state).picks).not.toContain(removed);
  });

  it('refuses an empty knowledge set', () => {
    expect(() => pickEntry(undefined, 'slack:C1', '2024-01-01', [])).toThrow(/no entries/);
  });
});
