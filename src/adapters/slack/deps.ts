/** What every Slack listener needs; built once in app.ts. */
import type { Bot } from '../../core/bot.js';
import type { Conversations } from '../../core/conversation/conversations.js';
import type { DigestCommands } from '../../core/digest/commands.js';
import type { FeedbackSink, Logger } from '../../core/ports.js';

export interface ListenerDeps {
  /** Answers questions (wrapped by withQuestionLog when there is a store). */
  readonly bot: Bot;
  /** Answers a question again for "Share in channel": the unwrapped bot, so a share is not logged twice. */
  readonly shareBot: Bot;
  readonly logger: Logger;
  readonly feedback: FeedbackSink;
  /** `subscribe`, `unsubscribe` and `digest`; without them those words are plain questions. */
  readonly digest?: DigestCommands;
  /** Follow-up questions from the conversation's context (threads and DMs); without it each question stands alone. */
  readonly followUps?: Conversations;
}
