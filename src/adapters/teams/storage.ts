/**
 * The persistent half of the Teams adapter's dependencies, built from the Store in one call so
 * main.ts stays wiring only: questions logged under the Teams channel key, feedback clicks and
 * conversation references in the store, the digest commands. Compose-box searches go to the
 * unwrapped bot: Teams queries on every keystroke, and the curator's report must not count
 * "who w", "who wr"… as unanswered questions.
 */
import type { Bot } from '../../core/bot.js';
import { createDigestCommands, type SubscribeDefaults } from '../../core/digest/commands.js';
import { createConversations } from '../../core/conversation/conversations.js';
import { questionLogger, withQuestionLog } from '../../core/digest/questionLog.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { Store } from '../../core/store.js';
import type { TeamsAdapterDeps } from './app.js';
import { teamsChannelOf } from './channelKey.js';
import { storeConversationRefs } from './conversationRefs.js';

export interface TeamsStorageOptions {
  /** The core bot, not yet wrapped by withQuestionLog. */
  readonly bot: Bot;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  /** DIGEST_TIME / DIGEST_TZ, for `subscribe` without a time or zone. */
  readonly defaults: SubscribeDefaults;
}

/** `bot`, `searchBot`, `feedback`, `conversations`, `digest`, `deliveries`, `followUps` and `answers` for registerTeams, all backed by `store`. */
export function teamsStorageDeps(
  o: TeamsStorageOptions,
): Pick<TeamsAdapterDeps, 'bot' | 'searchBot' | 'feedback' | 'conversations' | 'digest' | 'deliveries' | 'followUps' | 'answers'> {
  const log = { log: o.store, clock: o.clock, logger: o.logger, channelOf: teamsChannelOf };
  return {
    bot: withQuestionLog(o.bot, log),
    followUps: createConversations({ bot: o.bot, contexts: o.store, clock: o.clock, logger: o.logger, record: questionLogger(log) }),
    searchBot: o.bot,
    feedback: o.store,
    conversations: storeConversationRefs(o.store, o.logger),
    digest: createDigestCommands({ bot: o.bot, store: o.store, clock: o.clock, defaults: o.defaults }),
    deliveries: o.store,
    answers: o.store,
  };
}
