// The contract for what the store keeps only for a while (delivery ids, conversation contexts),
// and for readiness.
import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../core/digest/fakes.js';
import type { Opened, OpenOptions } from './harness.js';

type Fresh = (options: OpenOptions) => Promise<Opened>;
const at = (iso = '2024-03-01T10:00:00Z') => ({ clock: fakeClock(iso) });

export function expiringContract(fresh: Fresh): void {
  describe('the delivery log', () => {
    it('says a delivery id is new the first time only, also after the store was closed and opened again', async () => {
      const { store: first, another, close } = await fresh(at());
      expect(await first.firstSeen('slack:Ev1')).toBe(true);
      expect(await first.firstSeen('slack:Ev1')).toBe(false);
      expect(await first.firstSeen('teams:message|19:a|1')).toBe(true);
      await close(first);
      const reopened = await another(at());
      expect(await reopened.firstSeen('slack:Ev1')).toBe(false);
      expect(await reopened.firstSeen('teams:message|19:a|1')).toBe(false);
      expect(await reopened.firstSeen('slack:Ev2')).toBe(true);
    });

    it('keeps a hash of each key, not the conversation id it contains', async () => {
      const { store, db } = await fresh(at());
      await store.firstSeen('teams:message|a:1personal-chat-of-someone|1');
      const rows = (await db.rows())['deliveries'] ?? [];
      expect(rows.map((r) => r['key'])).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
      expect(JSON.stringify(await db.rows())).not.toContain('personal-chat-of-someone');
    });

    it('remembers an id for two hours by default, longer than Slack and Teams retry', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store } = await fresh({ clock });
      await store.firstSeen('slack:Ev1');
      clock.advance(2 * 3_600_000 - 1);
      expect(await store.firstSeen('slack:Ev1')).toBe(false);
    });

    it('treats an id as new once its expiry has passed, and deletes expired ids as it goes', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store, db } = await fresh({ clock, deliveryTtlMs: 60_000 });
      await store.firstSeen('old');
      clock.advance(60_000);
      expect(await store.firstSeen('old')).toBe(true);
      await store.firstSeen('older');
      clock.advance(10 * 60_000);
      await store.firstSeen('fresh');
      expect((await db.rows())['deliveries']).toHaveLength(1);
      expect(await store.firstSeen('fresh')).toBe(false);
    });
  });

  describe('conversation contexts', () => {
    it('keeps a conversation context across a restart, and another process sees it', async () => {
      const { store, another } = await fresh(at());
      const context = { entryId: 'trade-value-2023', suggestions: ['paper-author'], at: '2024-03-01T10:00:00.000Z', language: 'fr' as const, asked: 'combien pèse le commerce ?' };
      await store.saveContext('slack:C1:1712.1', context);
      expect(await (await another(at())).context('slack:C1:1712.1')).toEqual(context);
      expect(await (await another(at())).context('slack:C1:other')).toBeUndefined();
      await store.saveContext('slack:C1:1712.1', { suggestions: [], at: '2024-03-01T10:00:00.000Z' });
      expect(await store.context('slack:C1:1712.1')).toEqual({ suggestions: [], at: '2024-03-01T10:00:00.000Z' });
    });

    it('forgets a context after 30 minutes, and deletes forgotten ones as new ones are saved', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store, db } = await fresh({ clock });
      await store.saveContext('teams:19:a', { suggestions: ['paper-author'], at: clock.now().toISOString() });
      clock.advance(29 * 60_000);
      expect(await store.context('teams:19:a')).toBeDefined();
      clock.advance(2 * 60_000);
      expect(await store.context('teams:19:a')).toBeUndefined();
      await store.saveContext('teams:19:b', { suggestions: [], at: clock.now().toISOString() });
      expect((await db.rows())['conversation_contexts']).toHaveLength(1);
    });

    it('stores conversation keys only as hashes', async () => {
      const { store, db } = await fresh(at());
      await store.saveContext('slack:D0PRIVATE:1', { suggestions: [], at: '2024-03-01T10:00:00.000Z' });
      const keys = ((await db.rows())['conversation_contexts'] ?? []).map((r) => r['key']);
      expect(keys).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
      expect(JSON.stringify(await db.rows())).not.toContain('D0PRIVATE');
    });
  });

  describe('readiness', () => {
    it('answers ping while the database is there', async () => {
      const { store } = await fresh(at());
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
