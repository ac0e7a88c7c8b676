// The contract for what the daily digest keeps: subscriptions, claims, rotation, and the Teams
// conversation references it posts through.
import { describe, expect, it } from 'vitest';
import type { RotationState } from '../../../src/core/store.js';
import { fakeClock } from '../../core/digest/fakes.js';
import { sub, type Opened, type OpenOptions } from './harness.js';

type Fresh = (options: OpenOptions) => Promise<Opened>;
const at = (iso = '2024-03-01T10:00:00Z') => ({ clock: fakeClock(iso) });

export function digestContract(fresh: Fresh): void {
  describe('subscriptions', () => {
    it('adds, updates (keeping the creation time), lists, reads and removes a subscription', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store } = await fresh({ clock });
      const added = await store.subscribe(sub('slack:C1'));
      expect(added.created).toBe(true);
      clock.advance(60_000);
      const updated = await store.subscribe(sub('slack:C1', '08:30', 'America/New_York'));
      expect(updated).toMatchObject({ created: false, subscription: { time: '08:30', timeZone: 'America/New_York' } });
      expect(updated.subscription.createdAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
      expect(updated.subscription.updatedAt.toISOString()).toBe('2024-03-01T10:01:00.000Z');
      await store.subscribe({ ...sub('teams:19:abc@thread.tacv2'), platform: 'teams' });
      expect((await store.subscriptions()).map((s) => s.channel)).toEqual(['slack:C1', 'teams:19:abc@thread.tacv2']);
      expect(await store.subscription('slack:C1')).toMatchObject({ platform: 'slack', time: '08:30' });
      expect(await store.unsubscribe('slack:C1')).toBe(true);
      expect(await store.unsubscribe('slack:C1')).toBe(false);
      expect(await store.subscription('slack:C1')).toBeUndefined();
    });

    it("keeps a subscription's digest language (English by default) and workspace; an update without a workspace keeps the known one", async () => {
      const { store, another } = await fresh(at());
      expect((await store.subscribe(sub('slack:C1'))).subscription).toMatchObject({ language: 'en' });
      expect((await store.subscription('slack:C1'))?.workspace).toBeUndefined();
      await store.subscribe({ ...sub('slack:C1'), language: 'fr', workspace: 'T0TEAM1' });
      await store.subscribe({ ...sub('slack:C1', '08:00'), language: 'de' });
      const reopened = await another(at());
      expect(await reopened.subscription('slack:C1')).toMatchObject({ time: '08:00', language: 'de', workspace: 'T0TEAM1' });
      const [seeded] = await reopened.seedSubscriptions([{ ...sub('slack:C2'), language: 'fr' }]);
      expect(seeded).toMatchObject({ channel: 'slack:C2', language: 'fr' });
      expect((await reopened.subscriptions()).map((s) => [s.channel, s.language, s.workspace ?? null])).toEqual([
        ['slack:C1', 'de', 'T0TEAM1'],
        ['slack:C2', 'fr', null],
      ]);
    });

    it('rejects a language that is not en, fr or de at the database level too', async () => {
      const { store } = await fresh(at());
      // A caller outside TypeScript's reach (a bad cast, a migration script) still cannot store one.
      const bad = JSON.parse('{"platform":"slack","channel":"slack:C1","time":"09:00","timeZone":"UTC","language":"es"}') as Parameters<typeof store.subscribe>[0];
      const error: unknown = await store.subscribe(bad).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'store_unavailable', message: expect.stringMatching(/check constraint/i) });
      expect(await store.subscription('slack:C1')).toBeUndefined();
    });

    it('rejects a malformed time at the database level too, as a coded error carrying the cause', async () => {
      const { store } = await fresh(at());
      const error: unknown = await store.subscribe(sub('slack:C1', '9am')).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'store_unavailable', message: expect.stringMatching(/check constraint/i), cause: expect.any(Error) });
      expect(await store.subscription('slack:C1')).toBeUndefined();
    });

    it('seeds configured channels once, and never re-adds one that was unsubscribed', async () => {
      const { store, another } = await fresh(at());
      await store.subscribe(sub('slack:C2', '07:00'));
      const seeded = await store.seedSubscriptions([sub('slack:C1'), sub('slack:C2')]);
      expect(seeded.map((s) => s.channel)).toEqual(['slack:C1']);
      expect((await store.subscription('slack:C2'))?.time).toBe('07:00');
      await store.unsubscribe('slack:C1');
      const next = await another(at('2024-03-02T10:00:00Z'));
      expect(await next.seedSubscriptions([sub('slack:C1')])).toEqual([]);
      expect(await next.subscription('slack:C1')).toBeUndefined();
    });
  });

  describe('digest claims', () => {
    it('lets one store claim a (channel, day), and no one else until it is released', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store: a, another } = await fresh({ clock });
      const b = await another({ clock });
      const claim = await a.claimDigest('slack:C1', '2024-03-01', 60_000);
      expect(claim).toBeDefined();
      expect(await b.claimDigest('slack:C1', '2024-03-01', 60_000)).toBeUndefined();
      expect(await b.claimDigest('slack:C1', '2024-03-02', 60_000)).toBeDefined();
      expect(await a.releaseDigest(claim!)).toBe(true);
      expect((await b.digestRecord('slack:C1', '2024-03-01'))?.status).toBe('released');
      const again = await b.claimDigest('slack:C1', '2024-03-01', 60_000);
      expect(again).toBeDefined();
      expect(again?.takenOver).toBeUndefined();
      expect(await a.markDigestSent(claim!)).toBe(false);
      expect(await b.markDigestSent(again!, '1712400000.000001')).toBe(true);
      expect(await a.claimDigest('slack:C1', '2024-03-01', 0)).toBeUndefined();
      expect(await a.digestRecord('slack:C1', '2024-03-01')).toMatchObject({ status: 'sent', day: '2024-03-01', messageId: '1712400000.000001' });
    });

    it('takes over a claim left by a dead process once its lease has expired, and only then', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store } = await fresh({ clock });
      const dead = await store.claimDigest('slack:C1', '2024-03-01', 60_000);
      clock.advance(59_000);
      expect(await store.claimDigest('slack:C1', '2024-03-01', 60_000)).toBeUndefined();
      clock.advance(1_000);
      const taken = await store.claimDigest('slack:C1', '2024-03-01', 60_000);
      expect(taken?.token).not.toBe(dead?.token);
      expect(taken?.takenOver).toEqual({ claimedAt: new Date('2024-03-01T10:00:00Z') });
      expect(await store.releaseDigest(dead!)).toBe(false);
      expect((await store.digestRecord('slack:C1', '2024-03-01'))?.status).toBe('claimed');
    });

    it('lists the most recent records first', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store } = await fresh({ clock });
      for (const day of ['2024-03-01', '2024-03-02', '2024-03-03']) {
        await store.markDigestSent((await store.claimDigest('slack:C1', day, 1000))!);
        clock.advance(86_400_000);
      }
      expect((await store.digestRecords(2)).map((r) => r.day)).toEqual(['2024-03-03', '2024-03-02']);
      expect(await store.digestRecord('slack:C9', '2024-03-01')).toBeUndefined();
    });
  });

  describe('rotation state', () => {
    it('is absent at first, then read and written in one step, and seen by the next start', async () => {
      const { store, another } = await fresh(at());
      const seen: (RotationState | undefined)[] = [];
      const first: RotationState = { order: ['b', 'a'], position: 1, cycle: 0, day: '2024-03-01', entryId: 'b' };
      await store.updateRotation('slack:C1', (s) => (seen.push(s), first));
      const next = await store.updateRotation('slack:C1', (s) => (seen.push(s), { ...first, position: 2, day: '2024-03-02', entryId: 'a' }));
      expect(seen).toEqual([undefined, first]);
      expect(next.entryId).toBe('a');
      const later = await another(at());
      await later.updateRotation('slack:C1', (s) => (seen.push(s), { order: ['a', 'b'], position: 0, cycle: 1 }));
      expect(seen.at(-1)).toEqual(next);
      await later.updateRotation('slack:C1', (s) => (seen.push(s), s!));
      expect(seen.at(-1)).toEqual({ order: ['a', 'b'], position: 0, cycle: 1 });
    });

    it('writes nothing when the update throws', async () => {
      const { store } = await fresh(at());
      await expect(store.updateRotation('slack:C1', () => { throw new Error('boom'); })).rejects.toThrow('boom');
      await store.updateRotation('slack:C1', (s) => (expect(s).toBeUndefined(), { order: ['a'], position: 0, cycle: 0 }));
    });
  });

  describe('Teams conversation references', () => {
    it('saves, replaces, reads, lists and removes them as opaque JSON', async () => {
      const { store } = await fresh(at());
      await store.saveConversationRef('19:a@thread', '{"v":1}');
      await store.saveConversationRef('19:a@thread', '{"v":2}');
      await store.saveConversationRef('a:personal', '{"v":3}');
      expect(await store.conversationRef('19:a@thread')).toBe('{"v":2}');
      expect(await store.conversationRefs()).toEqual([
        { conversationId: '19:a@thread', json: '{"v":2}' },
        { conversationId: 'a:personal', json: '{"v":3}' },
      ]);
      expect(await store.removeConversationRef('a:personal')).toBe(true);
      expect(await store.removeConversationRef('a:personal')).toBe(false);
      expect(await store.conversationRef('a:personal')).toBeUndefined();
    });
  });
}
