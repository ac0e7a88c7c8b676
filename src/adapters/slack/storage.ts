/**
 * The persistent half of the Slack adapter's dependencies, built from the Store in one call so
 * main.ts stays wiring only: questions logged under the Slack channel key (`slack:<channel id>`,
 * the key the channel subscribes with), feedback clicks in the store, the digest commands.
 * "Share in channel" re-asks a question that was already logged, so it goes to the unwrapped bot.
 */
import type { Bot } from '../../core/bot.js';
import { createDigestCommands, type SubscribeDefaults } from '../../core/digest/commands.js';
import { createConversations } from '../../core/conversation/conversations.js';
import { questionLogger, withQuestionLog } from '../../core/digest/questionLog.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { Store } from '../../core/store.js';
import type { SlackAppDeps } from './app.js';
import { slackChannelOf } from './channelKey.js';

export interface SlackStorageOptions {
  /** The core bot, not yet wrapped by withQuestionLog. */
  readonly bot: Bot;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  /** DIGEST_TIME / DIGEST_TZ, for `subscribe` without a time or zone. */
  readonly defaults: SubscribeDefaults;
}

/** `bot`, `shareBot`, `feedback`, `digest`, `deliveries` and `followUps` for createSlackApp, all backed by `store`. */
export function slackStorageDeps(o: SlackStorageOptions): Pick<SlackAppDeps, 'bot' | 'shareBot' | 'feedback' | 'digest' | 'deliveries' | 'followUps'> {
  const log = { log: o.store, clock: o.clock, logger: o.logger, channelOf: slackChannelOf };
  return {
    bot: withQuestionLog(o.bot, log),
    followUps: createConversations({ bot: o.bot, contexts: o.store, clock: o.clock, logger: o.logger, record: questionLogger(log) }),
    shareBot: o.bot,
    feedback: o.store,
    digest: createDigestCommands({ bot: o.bot, store: o.store, clock: o.clock, defaults: o.defaults }),
    deliveries: o.store,
  };
}
