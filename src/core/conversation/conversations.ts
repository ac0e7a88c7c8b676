/**
 * One conversation step for every front end: read the conversation's context from the store,
 * resolve the question against it (followUp.ts), remember the new context. A context store that
 * fails costs the follow-up, never the answer: the question is answered on its own and the
 * failure is logged once with the conversation's platform, never its key or text.
 */
import type { Bot } from '../bot.js';
import type { Clock, Logger } from '../ports.js';
import type { Answer, Question } from '../types.js';
import { contextAfter, resolveFollowUp, type ContextStore, type Reply } from './followUp.js';

export interface Conversations {
  /**
   * Answers `question` in its conversation (`question.conversation`, an opaque key such as
   * `slack:C1:1712.1`; without one, on its own).
   */
  reply(question: Question | string): Promise<Reply>;
}

export interface ConversationDeps {
  /** The core bot, not wrapped by withQuestionLog: `record` logs each question once. */
  readonly bot: Bot;
  readonly contexts: ContextStore;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Called once per answered question (the question log). */
  readonly record?: (question: Question | string, answer: Answer) => void;
}

/** The conversation service over one context store. */
export function createConversations(deps: ConversationDeps): Conversations {
  const warn = (what: string, error: unknown): void =>
    deps.logger?.warn(`conversation context ${what} failed; answering without it`, { error: error instanceof Error ? error.message : String(error) });
  return {
    async reply(question) {
      const now = deps.clock.now();
      const key = typeof question === 'string' ? undefined : question.conversation;
      if (key === undefined) {
        const answer = deps.bot.ask(question);
        deps.record?.(question, answer);
        return { answer, followUp: false };
      }
      const context = await deps.contexts.context(key).catch((error: unknown) => {
        warn('read', error);
        return undefined;
      });
      const reply = resolveFollowUp(deps.bot, question, context, now);
      deps.record?.(question, reply.answer);
      await deps.contexts.saveContext(key, contextAfter(reply.answer, now)).catch((error: unknown) => warn('write', error));
      return reply;
    },
  };
}
