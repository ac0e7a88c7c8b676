/**
 * The Slack channel key the digest, the question log and the subscriptions share:
 * `slack:<channel id>`. A mention's conversation also carries its thread
 * (`slack:C123:1712345678.0001`); keyed with it, every thread would be a "channel" of its own and
 * "Asked here yesterday" would never find the channel's questions, so the thread is dropped here,
 * in the one place that knows the format.
 */
import { slackChannelKey } from '../../core/digest/service.js';
import type { Question } from '../../core/types.js';

export { slackChannelKey };

const PREFIX = 'slack:';

/** The channel id in a Slack channel key (`C123` for `slack:C123`); undefined for another platform's key. */
export function slackChannelIdOf(channelKey: string): string | undefined {
  if (!channelKey.startsWith(PREFIX)) return undefined;
  const [id] = channelKey.slice(PREFIX.length).split(':');
  return id ? id : undefined;
}

/** `channelOf` for withQuestionLog: the channel key of a question the Slack adapter built. */
export function slackChannelOf(question: Question): string | undefined {
  if (question.asker?.platform !== 'slack' || question.conversation === undefined) return undefined;
  const id = slackChannelIdOf(question.conversation);
  return id === undefined ? undefined : slackChannelKey(id);
}
