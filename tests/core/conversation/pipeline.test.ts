// The conversation pipeline's own decisions, through its ports with hand-written fakes (no
// platform SDK, no server): command or question, a redelivery dropped, the store's failure policy
// (log once, apologise, never confirm an unsaved write; a failing delivery log or question log
// never silences an answer) and feedback. The adapters' contract tests run the same pipeline
// behind Bolt and botbuilder.
import { describe, expect, it } from 'vitest';
import { createPipeline, DIGEST_FAILED, FEEDBACK_FAILED, THANKS_HELPFUL, THANKS_NOT_HELPFUL, type PipelineDeps } from '../../../src/core/conversation/pipeline.js';
import { StoreError } from '../../../src/core/errors.js';
import type { Feedback, FeedbackSink } from '../../../src/core/ports.js';
import type { DeliveryLog, QuestionLog, QuestionRecord } from '../../../src/core/store.js';
import { fakeClock, recordingLogger, tempStore, tinyBot } from '../digest/fakes.js';

const PROFILE = { platform: 'chat', command: (words: string) => `/bot ${words}` };
const DEFAULTS = { time: '09:00', timeZone: 'Europe/Paris' };

/** A question log that keeps what it is given, or refuses every write. */
function fakeQuestionLog(fails = false): QuestionLog & { readonly records: QuestionRecord[] } {
  const records: QuestionRecord[] = [];
  return {
    records,
    logQuestion: async (record) => {
      if (fails) throw new StoreError('disk full');
      records.push(record);
    },
    questions: async () => [],
  };
}

/** A feedback sink that keeps what it is given, or refuses every write. */
function fakeFeedback(fails = false): FeedbackSink & { readonly recorded: Feedback[] } {
  const recorded: Feedback[] = [];
  return {
    recorded,
    record: async (feedback) => {
      if (fails) throw new StoreError('database is locked');
      recorded.push(feedback);
    },
  };
}

/** A delivery log that cannot answer at all. */
const brokenDeliveries: DeliveryLog = {
  firstSeen: async () => {
    throw new StoreError('connection refused');
  },
};

/** A digest store whose every call fails, as a database that went away. */
function failingDigestStore(): NonNullable<PipelineDeps['digest']>['store'] {
  const refuse = async (): Promise<never> => {
    throw new StoreError('connection refused');
  };
  return {
    subscribe: refuse,
    unsubscribe: refuse,
    subscription: refuse,
    subscriptions: refuse,
    seedSubscriptions: refuse,
    claimDigest: refuse,
    markDigestSent: refuse,
    releaseDigest: refuse,
    digestRecord: refuse,
    digestRecords: refuse,
    updateRotation: refuse,
    logQuestion: refuse,
    questions: refuse,
  };
}

function surface(deps: Partial<PipelineDeps> = {}) {
  const logger = recordingLogger();
  const clock = fakeClock('2024-03-31T07:00:00Z');
  const pipeline = createPipeline({ bot: tinyBot(), clock, logger, ...deps });
  return { logger, clock, chat: pipeline.surface(PROFILE) };
}

describe('the conversation pipeline', () => {
  describe('reads a message as a command or as a question', () => {
    it('shows the topics for "topics" and the help for a bare mention, without asking the matcher', async () => {
      const questions = fakeQuestionLog();
      const { chat } = surface({ questions });
      expect(await chat.handle({ text: 'topics', place: 'channel' })).toMatchObject({ kind: 'topics', topics: [expect.objectContaining({ title: 'Topic' })] });
      expect(await chat.handle({ text: '', place: 'channel' })).toMatchObject({ kind: 'help' });
      expect(questions.records).toEqual([]);
    });

    it('answers a question and logs it once, with the platform, channel and asker', async () => {
      const questions = fakeQuestionLog();
      const { chat } = surface({ questions });
      const reply = await chat.handle({ text: 'Question e2?', place: 'channel', channel: 'chat:C1', asker: 'U1' });
      expect(reply).toMatchObject({ kind: 'answer', followUp: false, answer: { decision: 'answer', entry: { id: 'e2' } } });
      expect(questions.records).toEqual([expect.objectContaining({ platform: 'chat', channel: 'chat:C1', askerId: 'U1', decision: 'answer', entryId: 'e2' })]);
    });

    it('shows the help, naming the word, for an unknown command word', async () => {
      const { chat } = surface();
      expect(await chat.handle({ text: '/frobnicate', place: 'channel' })).toMatchObject({ kind: 'help', unknownCommand: '/frobnicate' });
    });

    it('takes a single unknown word on the command surface as a mistyped command, and elsewhere as a question', async () => {
      const { chat } = surface();
      expect(await chat.handle({ text: 'zebra', place: 'command' })).toMatchObject({ kind: 'help', unknownCommand: 'zebra' });
      expect(await chat.handle({ text: 'zebra', place: 'dm' })).toMatchObject({ kind: 'answer', answer: { decision: 'decline' } });
    });

    it('asks "subscribe" as a question when the digest is not wired, and outside a channel', async () => {
      const { chat } = surface();
      expect(await chat.handle({ text: 'subscribe 08:30', place: 'channel', channel: 'chat:C1' })).toMatchObject({ kind: 'answer' });
      const wired = surface({ digest: { store: failingDigestStore(), defaults: DEFAULTS } });
      expect(await wired.chat.handle({ text: 'subscribe 08:30', place: 'dm' })).toMatchObject({ kind: 'answer' });
      expect(wired.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    });
  });

  describe('drops a delivery it has already handled', () => {
    it('answers a delivery id once and returns nothing for its redelivery, message or click', async () => {
      const questions = fakeQuestionLog();
      const { chat } = surface({ questions });
      expect(await chat.handle({ text: 'Question e1?', place: 'dm', delivery: 'ev-1' })).toMatchObject({ kind: 'answer' });
      expect(await chat.handle({ text: 'Question e1?', place: 'dm', delivery: 'ev-1' })).toBeUndefined();
      expect(await chat.act({ action: { kind: 'entry', entryId: 'e3' }, delivery: 'ev-2' })).toMatchObject({ kind: 'answer', answer: { entry: { id: 'e3' } } });
      expect(await chat.act({ action: { kind: 'entry', entryId: 'e3' }, delivery: 'ev-2' })).toBeUndefined();
      expect(questions.records).toHaveLength(1);
    });

    it('answers every message that carries no delivery id', async () => {
      const { chat } = surface();
      expect(await chat.handle({ text: 'Question e1?', place: 'dm' })).toBeDefined();
      expect(await chat.handle({ text: 'Question e1?', place: 'dm' })).toBeDefined();
    });

    it('still answers when the delivery log cannot answer, and logs that error', async () => {
      const { chat, logger } = surface({ deliveries: brokenDeliveries });
      expect(await chat.handle({ text: 'Question e1?', place: 'dm', delivery: 'ev-1' })).toMatchObject({ kind: 'answer' });
      expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/^delivery log unavailable/) })]);
    });
  });

  describe('when the store fails', () => {
    it('answers anyway when the question log refuses the write, and logs a warning once', async () => {
      const { chat, logger } = surface({ questions: fakeQuestionLog(true) });
      expect(await chat.handle({ text: 'Question e1?', place: 'channel', channel: 'chat:C1' })).toMatchObject({ kind: 'answer', answer: { decision: 'answer' } });
      await new Promise((resolve) => setImmediate(resolve));
      expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringMatching(/^question log: write failed/), fields: expect.objectContaining({ platform: 'chat', channel: 'chat:C1' }) })]);
    });

    it('apologises for a digest command the store could not do, never confirming it, and logs it once with its code', async () => {
      const { chat, logger } = surface({ digest: { store: failingDigestStore(), defaults: DEFAULTS } });
      for (const text of ['subscribe 08:30', 'unsubscribe', 'digest']) {
        expect(await chat.handle({ text, place: 'channel', channel: 'chat:C1' })).toEqual({ kind: 'notice', text: DIGEST_FAILED, failed: true });
      }
      expect(logger.lines.map((l) => [l.level, l.message, l.fields?.['command'], l.fields?.['code']])).toEqual([
        ['error', 'digest command failed', 'subscribe', 'store_unavailable'],
        ['error', 'digest command failed', 'unsubscribe', 'store_unavailable'],
        ['error', 'digest command failed', 'digest', 'store_unavailable'],
      ]);
    });

    it("does not subscribe when the platform's step before subscribing fails", async () => {
      const clock = fakeClock('2024-03-31T07:00:00Z');
      const store = tempStore(clock);
      const { chat } = surface({ clock, digest: { store, defaults: DEFAULTS } });
      const refused = await chat.handle({ text: 'subscribe', place: 'channel', channel: 'chat:C1', beforeSubscribe: () => Promise.reject(new Error('reference not saved')) });
      expect(refused).toEqual({ kind: 'notice', text: DIGEST_FAILED, failed: true });
      expect(await store.subscription('chat:C1')).toBeUndefined();
      const done = await chat.handle({ text: 'subscribe 08:30', place: 'channel', channel: 'chat:C1' });
      expect(done).toMatchObject({ kind: 'notice', failed: false, text: expect.stringMatching(/^Subscribed: .*08:30/) });
      expect(await store.subscription('chat:C1')).toMatchObject({ platform: 'chat', time: '08:30', timeZone: 'Europe/Paris' });
      store.close();
    });
  });

  describe('records feedback', () => {
    it('thanks the person and records the click with the platform, the asker and the comment', async () => {
      const feedback = fakeFeedback();
      const { chat } = surface({ feedback });
      expect(await chat.act({ action: { kind: 'feedback', entryId: 'e1', helpful: true }, asker: 'U1' })).toEqual({ kind: 'notice', text: THANKS_HELPFUL, failed: false });
      expect(await chat.act({ action: { kind: 'feedback', entryId: 'e2', helpful: false, comment: 'wrong year' }, asker: 'U2' })).toEqual({ kind: 'notice', text: THANKS_NOT_HELPFUL, failed: false });
      expect(feedback.recorded).toEqual([
        { platform: 'chat', userId: 'U1', entryId: 'e1', helpful: true },
        { platform: 'chat', userId: 'U2', entryId: 'e2', helpful: false, comment: 'wrong year' },
      ]);
    });

    it('says it could not record feedback the store refused, and logs it once', async () => {
      const { chat, logger } = surface({ feedback: fakeFeedback(true) });
      expect(await chat.act({ action: { kind: 'feedback', entryId: 'e1', helpful: true }, asker: 'U1' })).toEqual({ kind: 'notice', text: FEEDBACK_FAILED, failed: true });
      expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', message: 'feedback not recorded', fields: expect.objectContaining({ entryId: 'e1', code: 'store_unavailable' }) })]);
    });

    it('tells the person, with the command to type, that an entry behind an old button is gone', async () => {
      const { chat, logger } = surface();
      expect(await chat.act({ action: { kind: 'entry', entryId: 'removed-entry' } })).toEqual({ kind: 'notice', text: 'That question is no longer in my list. Try /bot topics.', failed: false });
      expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', message: 'button for an unknown entry' })]);
    });
  });
});
