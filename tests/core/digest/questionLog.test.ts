import { afterEach, describe, expect, it } from 'vitest';
import { withQuestionLog } from '../../../src/core/digest/questionLog.js';
import type { QuestionLog } from '../../../src/core/store.js';
import { fakeClock, recordingLogger, tempStore, tinyBot } from './fakes.js';

const channelOf = (q: { conversation?: string }) => q.conversation?.split(':').slice(0, 2).join(':');

describe('withQuestionLog', () => {
  const opened: { close(): void }[] = [];
  afterEach(() => opened.splice(0).forEach((s) => s.close()));

  it('logs each question with its decision, entry, channel key and hashed asker', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = tempStore(clock);
    opened.push(store);
    const bot = withQuestionLog(tinyBot(), { log: store, clock, logger: recordingLogger(), channelOf });
    const answer = bot.ask({ text: 'Question e2?', asker: { platform: 'slack', id: 'U1' }, conversation: 'slack:C1:1712345678.0001' });
    bot.ask('zzz qqq');
    await new Promise((resolve) => setImmediate(resolve));
    const [first, second] = await store.questions({});
    expect(first).toMatchObject({ platform: 'slack', channel: 'slack:C1', question: 'Question e2?', decision: answer.decision, entryId: 'e2', at: clock.now() });
    expect(first?.askerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ platform: 'cli', decision: 'decline' });
    expect(second?.channel).toBeUndefined();
  });

  it('still answers when the log cannot be written, and says so in the log', async () => {
    const logger = recordingLogger();
    const broken: QuestionLog = { logQuestion: async () => { throw new Error('disk full'); }, questions: async () => [] };
    const bot = withQuestionLog(tinyBot(), { log: broken, clock: fakeClock('2024-03-01T10:00:00Z'), logger, channelOf });
    expect(bot.ask('Question e1?').entry?.id).toBe('e1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringMatching(/answer was sent anyway/) })]);
  });
});
