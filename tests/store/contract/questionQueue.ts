// The contract for the question log's write-behind queue (src/store/writeQueue.ts): questions are
// written in batches off the reply's path, yet every one logged is in the database once the store
// is closed, a failing database is logged once (not once per question), and a full queue drops
// the oldest with one warning.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import type { QuestionRecord } from '../../../src/core/store.js';
import { fakeClock } from '../../core/digest/fakes.js';
import { recordingLogger } from '../../helpers/slackTestDoubles.js';
import type { Opened, OpenOptions } from './harness.js';

type Fresh = (options: OpenOptions) => Promise<Opened>;
const T0 = Date.parse('2024-03-01T10:00:00Z');
const q = (i: number, decision: QuestionRecord['decision'] = 'answer'): QuestionRecord => ({
  at: new Date(T0 + i * 1000),
  platform: 'slack',
  channel: 'slack:C1',
  askerId: `U${i % 7}`,
  question: `question ${i}`,
  decision,
  confidence: 0.5,
});
/** A record the database refuses (the decision column's CHECK), so its whole batch fails. */
const refused = (i: number): QuestionRecord => q(i, 'not-a-decision' as QuestionRecord['decision']);
const rows = async (opened: Opened): Promise<readonly unknown[]> => (await opened.db.rows())['questions'] ?? [];

export function questionQueueContract(fresh: Fresh): void {
  describe('the question log, written behind in batches', () => {
    it('has every question logged without waiting in the database once the store is closed', async () => {
      const opened = await fresh({ clock: fakeClock('2024-03-01T10:00:00Z') });
      // More than one batch (500), sent the way the pipeline sends them: nobody awaits the write.
      const writes = Array.from({ length: 1234 }, (_, i) => opened.store.logQuestion(q(i)));
      await opened.close(opened.store);
      await expect(Promise.all(writes)).resolves.toBeDefined();
      const next = await opened.another({ clock: fakeClock('2024-03-01T10:00:00Z') });
      const logged = await next.questions({});
      expect(logged).toHaveLength(1234);
      expect(logged.map((r) => r.question)).toEqual(Array.from({ length: 1234 }, (_, i) => `question ${i}`));
      expect(logged[1]?.askerHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('writes a waiting question within the flush interval, with no read or close to push it', async () => {
      const opened = await fresh({ clock: fakeClock('2024-03-01T10:00:00Z'), questionLog: { flushMs: 20 } });
      await opened.store.logQuestion(q(1)); // resolves once its batch is committed
      expect(await rows(opened)).toHaveLength(1);
    });

    it('reads its own questions at once, even before the flush interval', async () => {
      const opened = await fresh({ clock: fakeClock('2024-03-01T10:00:00Z'), questionLog: { flushMs: 3_600_000 } });
      const writes = [opened.store.logQuestion(q(1)), opened.store.logQuestion(q(2))];
      expect(await rows(opened)).toHaveLength(0); // still waiting: written behind
      expect((await opened.store.questions({})).map((r) => r.question)).toEqual(['question 1', 'question 2']);
      await Promise.all(writes);
    });

    it('logs a failing batch once, rejects its questions as already reported, and carries on', async () => {
      const logger = recordingLogger();
      const opened = await fresh({ clock: fakeClock('2024-03-01T10:00:00Z'), logger });
      const first = await Promise.allSettled([opened.store.logQuestion(q(1)), opened.store.logQuestion(refused(2))]);
      const second = await Promise.allSettled([opened.store.logQuestion(refused(3))]);
      for (const r of [...first, ...second]) {
        expect(r.status).toBe('rejected');
        const reason: unknown = r.status === 'rejected' ? r.reason : undefined;
        expect(reason).toBeInstanceOf(StoreError);
        expect(reason).toMatchObject({ reported: true });
      }
      expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
      await opened.store.logQuestion(q(4));
      expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
      expect(logger.find('question log: saving again')).toEqual([expect.objectContaining({ fields: { failedBatches: 2, questionsLost: 3, questionsDropped: 0 } })]);
      expect((await opened.store.questions({})).map((r) => r.question)).toEqual(['question 4']);
    });

    it('drops the oldest waiting question when the queue is full, with one warning, and saves the rest', async () => {
      const logger = recordingLogger();
      const opened = await fresh({ clock: fakeClock('2024-03-01T10:00:00Z'), logger, questionLog: { maxQueue: 3, flushMs: 3_600_000 } });
      const writes = Promise.allSettled([1, 2, 3, 4, 5].map((i) => opened.store.logQuestion(q(i))));
      await opened.close(opened.store);
      expect((await writes).map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(logger.lines.filter((l) => l.level === 'warn' || l.level === 'error').map((l) => l.message)).toEqual([
        'question log: more than 3 questions are waiting to be saved; dropping the oldest; the answers were sent. Further failures are counted until a write succeeds',
        'question log: saving again',
      ]);
      expect(logger.find('question log: saving again')[0]?.fields).toEqual({ failedBatches: 0, questionsLost: 0, questionsDropped: 2 });
      const next = await opened.another({ clock: fakeClock('2024-03-01T10:00:00Z') });
      expect((await next.questions({})).map((r) => r.question)).toEqual(['question 3', 'question 4', 'question 5']);
    });

    it('refuses a question after close, saying so', async () => {
      const opened = await fresh({ clock: fakeClock('2024-03-01T10:00:00Z') });
      await opened.close(opened.store);
      await expect(opened.store.logQuestion(q(1))).rejects.toBeInstanceOf(StoreError);
    });
  });
}
