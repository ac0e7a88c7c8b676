// The contract for several replicas on one database, each with its own store (its own connection
// or file handle), doing the same thing at the same moment: exactly one wins what only one may
// win, and no read-modify-write loses another's update.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/store.js';
import { fakeClock } from '../../core/digest/fakes.js';
import { sub, type Opened, type OpenOptions } from './harness.js';

type Fresh = (options: OpenOptions) => Promise<Opened>;
const REPLICAS = 4;

/** `REPLICAS` stores on one new database, all on `clock`. */
async function replicas(fresh: Fresh, clock = fakeClock('2024-03-01T10:00:00Z')): Promise<Store[]> {
  const { store, another } = await fresh({ clock });
  const others = await Promise.all(Array.from({ length: REPLICAS - 1 }, () => another({ clock })));
  return [store, ...others];
}

export function replicasContract(fresh: Fresh): void {
  describe('several replicas on one database', () => {
    it('gives a (channel, day) claim to exactly one of them, for each of many channels', async () => {
      const stores = await replicas(fresh);
      const channels = Array.from({ length: 10 }, (_, i) => `slack:C${i}`);
      const claims = await Promise.all(channels.flatMap((c) => stores.map((s) => s.claimDigest(c, '2024-03-01', 60_000))));
      for (const [i, c] of channels.entries()) {
        const won = claims.slice(i * REPLICAS, (i + 1) * REPLICAS).filter((x) => x !== undefined);
        expect(won, c).toHaveLength(1);
      }
    });

    it('lets exactly one of them take over an expired claim, and tells it so', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const stores = await replicas(fresh, clock);
      await stores[0]!.claimDigest('slack:C1', '2024-03-01', 60_000);
      clock.advance(60_000);
      const claims = await Promise.all(stores.map((s) => s.claimDigest('slack:C1', '2024-03-01', 60_000)));
      const won = claims.filter((c) => c !== undefined);
      expect(won).toHaveLength(1);
      expect(won[0]?.takenOver).toEqual({ claimedAt: new Date('2024-03-01T10:00:00Z') });
    });

    it('lets exactly one of them see a delivery id first, for each of many ids', async () => {
      const stores = await replicas(fresh);
      const keys = Array.from({ length: 20 }, (_, i) => `slack:Ev${i}`);
      const seen = await Promise.all(keys.flatMap((k) => stores.map((s) => s.firstSeen(k))));
      for (const [i, k] of keys.entries()) expect(seen.slice(i * REPLICAS, (i + 1) * REPLICAS).filter(Boolean), k).toHaveLength(1);
    });

    it('loses no rotation update when they all update one channel at once, from its first write on', async () => {
      const stores = await replicas(fresh);
      const rounds = 5;
      const step = (s: Store) =>
        s.updateRotation('slack:C1', (current) => ({ order: [...(current?.order ?? []), 'x'], position: (current?.position ?? -1) + 1, cycle: 0 }));
      await Promise.all(stores.map(async (s) => { for (let i = 0; i < rounds; i++) await step(s); }));
      const final = await stores[0]!.updateRotation('slack:C1', (current) => current!);
      expect(final).toMatchObject({ position: REPLICAS * rounds - 1 });
      expect(final.order).toHaveLength(REPLICAS * rounds);
    });

    it('reports one subscription created when they all subscribe a channel at once', async () => {
      const stores = await replicas(fresh);
      const results = await Promise.all(stores.map((s) => s.subscribe(sub('slack:C1'))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await stores[0]!.subscriptions()).toHaveLength(1);
    });

    it('seeds a configured channel once when they all start together', async () => {
      const stores = await replicas(fresh);
      const seeded = await Promise.all(stores.map((s) => s.seedSubscriptions([sub('slack:C1'), sub('slack:C2')])));
      expect(seeded.flat().map((s) => s.channel).sort()).toEqual(['slack:C1', 'slack:C2']);
    });
  });
}
