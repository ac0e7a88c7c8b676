/** What every Slack listener needs; built once in app.ts. */
import type { Bot } from '../../core/bot.js';
import type { FeedbackSink, Logger } from '../../core/ports.js';

export interface ListenerDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly feedback: FeedbackSink;
}
