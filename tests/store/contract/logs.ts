// The contract for the question log, feedback and answered messages: what the curator's report
// reads, with people's ids pseudonymised and free text cut.
import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_QUESTION_CHARS } from '../../../src/core/store.js';
import { ANSWER_TTL_MS } from '../../../src/store/answers.js';
import { fakeClock } from '../../core/digest/fakes.js';
import type { Opened, OpenOptions } from './harness.js';

type Fresh = (options: OpenOptions) => Promise<Opened>;
const at = (iso = '2024-03-01T10:00:00Z') => ({ clock: fakeClock(iso) });

export function logsContract(fresh: Fresh): void {
  describe('the question log and feedback', () => {
    it('keeps a salted hash of the asker, never the raw id, and the first 500 characters', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store, db } = await fresh({ clock });
      const long = `why ${'x'.repeat(600)}`;
      await store.logQuestion({ at: clock.now(), platform: 'slack', channel: 'slack:C1', askerId: 'U0SECRETID', question: long, decision: 'decline', confidence: 0.1 });
      await store.logQuestion({ at: clock.now(), platform: 'slack', channel: 'slack:C1', askerId: 'U0SECRETID', question: 'who wrote it', decision: 'answer', entryId: 'paper-author', confidence: 0.9 });
      await store.record({ platform: 'slack', userId: 'U0SECRETID', entryId: 'paper-author', helpful: true });
      const [first, second] = await store.questions({});
      expect(first?.question).toHaveLength(500);
      expect(first?.askerHash).toMatch(/^[0-9a-f]{64}$/);
      expect(second?.askerHash).toBe(first?.askerHash);
      expect(second).toMatchObject({ entryId: 'paper-author', decision: 'answer', confidence: 0.9, channel: 'slack:C1', at: clock.now() });
      expect(JSON.stringify(await db.rows())).not.toContain('U0SECRETID');
    });

    it('hashes the same id differently in another database (another salt)', async () => {
      const [a, b] = [await fresh(at()), await fresh(at())];
      const q = { at: new Date('2024-03-01T10:00:00Z'), platform: 'slack', askerId: 'U1', question: 'q', decision: 'answer' as const, confidence: 1 };
      await a.store.logQuestion(q);
      await b.store.logQuestion(q);
      expect((await a.store.questions({}))[0]?.askerHash).not.toBe((await b.store.questions({}))[0]?.askerHash);
    });

    it('hashes the same id the same way in every store on one database', async () => {
      const { store, another } = await fresh(at());
      const other = await another(at());
      const q = { at: new Date('2024-03-01T10:00:00Z'), platform: 'slack', askerId: 'U1', question: 'q', decision: 'answer' as const, confidence: 1 };
      await store.logQuestion(q);
      await other.logQuestion(q);
      const [x, y] = await store.questions({});
      expect(x?.askerHash).toBe(y?.askerHash);
    });

    it('filters questions by time range [since, until) and channel', async () => {
      const { store } = await fresh(at());
      const ask = (iso: string, channel?: string) =>
        store.logQuestion({ at: new Date(iso), platform: 'slack', question: iso, decision: 'decline', confidence: 0, ...(channel ? { channel } : {}) });
      await ask('2024-03-01T00:00:00Z', 'slack:C1');
      await ask('2024-03-01T12:00:00Z', 'slack:C2');
      await ask('2024-03-02T00:00:00Z', 'slack:C1');
      await ask('2024-03-01T13:00:00Z');
      const day = { since: new Date('2024-03-01T00:00:00Z'), until: new Date('2024-03-02T00:00:00Z') };
      expect((await store.questions(day)).map((q) => q.question)).toEqual(['2024-03-01T00:00:00Z', '2024-03-01T12:00:00Z', '2024-03-01T13:00:00Z']);
      expect((await store.questions({ ...day, channel: 'slack:C1' })).map((q) => q.question)).toEqual(['2024-03-01T00:00:00Z']);
      expect((await store.questions({ since: new Date('2024-03-01T12:30:00Z') })).length).toBe(2);
      expect((await store.questions({ until: new Date('2024-03-01T00:00:00Z') })).length).toBe(0);
    });

    it('keeps a question or comment with a NUL character, without it', async () => {
      const { store } = await fresh(at());
      await store.logQuestion({ at: new Date('2024-03-01T10:00:00Z'), platform: 'teams', question: 'who\0 wrote it', decision: 'decline', confidence: 0 });
      await store.record({ platform: 'teams', userId: 'u', entryId: 'paper-author', helpful: false, comment: 'bad\0 answer' });
      expect((await store.questions({}))[0]?.question).toBe('who wrote it');
      expect((await store.feedback({}))[0]?.comment).toBe('bad answer');
    });

    it('records feedback clicks as a FeedbackSink, with the clicker hashed', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store } = await fresh({ clock });
      await store.record({ platform: 'teams', userId: 'aad-user-1', entryId: 'paper-author', helpful: false });
      clock.advance(1000);
      await store.record({ platform: 'slack', userId: 'U1', entryId: 'paper-author', helpful: true });
      const rows = await store.feedback({ since: new Date('2024-03-01T10:00:00.500Z') });
      expect(rows).toEqual([{ at: new Date('2024-03-01T10:00:01Z'), platform: 'slack', userHash: expect.stringMatching(/^[0-9a-f]{64}$/), entryId: 'paper-author', helpful: true }]);
      expect((await store.feedback({})).map((f) => f.helpful)).toEqual([false, true]);
      expect(await store.feedback({ until: new Date('2024-03-01T10:00:00Z') })).toEqual([]);
    });

    it('keeps a feedback comment trimmed and cut like a question, and no comment as none', async () => {
      const { store } = await fresh(at());
      await store.record({ platform: 'teams', userId: 'aad-user-1', entryId: 'paper-author', helpful: false, comment: `  ${'x'.repeat(5000)}  ` });
      await store.record({ platform: 'teams', userId: 'aad-user-1', entryId: 'paper-author', helpful: true, comment: '   ' });
      const [long, blank] = await store.feedback({});
      expect(long?.comment).toBe('x'.repeat(MAX_LOGGED_QUESTION_CHARS));
      expect(blank).not.toHaveProperty('comment');
    });
  });

  describe('answered messages', () => {
    it('remembers the entry of an answered message for 90 days, across a restart', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store, another } = await fresh({ clock });
      await store.rememberAnswer('k1', 'paper-author');
      await store.rememberAnswer('k1', 'trade-value-2023');
      expect(await store.answeredEntry('k1')).toBe('trade-value-2023');
      expect(await store.answeredEntry('k2')).toBeUndefined();
      const next = await another({ clock });
      expect(await next.answeredEntry('k1')).toBe('trade-value-2023');
      clock.advance(ANSWER_TTL_MS);
      expect(await next.answeredEntry('k1')).toBeUndefined();
    });

    it('deletes answers older than 90 days as new ones are written', async () => {
      const clock = fakeClock('2024-03-01T10:00:00Z');
      const { store, db } = await fresh({ clock });
      await store.rememberAnswer('old', 'paper-author');
      clock.advance(ANSWER_TTL_MS);
      await store.rememberAnswer('new', 'paper-author');
      expect((await db.rows())['answered_messages']?.map((r) => r['key'])).toEqual(['new']);
    });
  });
}
