/**
 * Recording what people ask, for "Asked here yesterday" and the curator's report. `withQuestionLog`
 * wraps a Bot so an adapter needs one line to log every question; the write is fire-and-forget
 * because an answer must never wait for, or fail with, the log, but a failed write is logged.
 */
import type { Bot } from '../bot.js';
import { alreadyReported } from '../errors.js';
import type { Clock, Logger } from '../ports.js';
import type { QuestionLog, QuestionRecord } from '../store.js';
import type { Answer, Question } from '../types.js';

/** The log record for `answer` to `question`; `channel` is the subscription-style channel key. */
export function questionRecord(question: Question | string, answer: Answer, at: Date, channel?: string): QuestionRecord {
  const q = typeof question === 'string' ? { text: question } : question;
  const entryId = answer.entry?.id ?? (answer.decision === 'suggest' ? answer.suggestions[0]?.id : undefined);
  return {
    at,
    platform: q.asker?.platform ?? 'cli',
    question: answer.question,
    decision: answer.decision,
    confidence: answer.confidence,
    ...(channel !== undefined ? { channel } : {}),
    ...(q.asker ? { askerId: q.asker.id } : {}),
    ...(entryId !== undefined ? { entryId } : {}),
  };
}

export interface QuestionLogDeps {
  readonly log: QuestionLog;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * The channel key for a question (the one its channel subscribes with), e.g. `slack:C123` for
   * conversation `slack:C123:1712345678.0001`; undefined for questions outside any channel.
   */
  readonly channelOf: (question: Question) => string | undefined;
}

/** Writes one answered question to the log, fire-and-forget (a failed write is logged, never thrown). */
export function questionLogger(deps: QuestionLogDeps): (question: Question | string, answer: Answer) => void {
  return (question, answer) => {
    const channel = typeof question === 'string' ? undefined : deps.channelOf(question);
    deps.log.logQuestion(questionRecord(question, answer, deps.clock.now(), channel)).catch((error: unknown) => {
      if (!alreadyReported(error)) deps.logger.warn('question log: write failed; the answer was sent anyway', { channel, error });
    });
  };
}

/** `bot` with every `ask` also written to the question log. */
export function withQuestionLog(bot: Bot, deps: QuestionLogDeps): Bot {
  const record = questionLogger(deps);
  return {
    ...bot,
    ask(question) {
      const answer = bot.ask(question);
      record(question, answer);
      return answer;
    },
  };
}
