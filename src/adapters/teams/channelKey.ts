/**
 * The Teams channel key the digest, the question log and the conversation references share:
 * `teams:<conversation id>`. A channel reply's conversation id carries the thread
 * (`19:…@thread.tacv2;messageid=1712…`); keyed with it, every thread would be a "channel" of its
 * own and "Asked here yesterday" would never find the channel's questions, so it is dropped here,
 * in the one place that knows the format.
 */
import type { Question } from '../../core/types.js';

const PREFIX = 'teams:';
const THREAD = ';messageid=';

/** The conversation itself, without the thread suffix of a channel reply. */
export function baseConversationId(conversationId: string): string {
  const at = conversationId.indexOf(THREAD);
  return at === -1 ? conversationId : conversationId.slice(0, at);
}

/** `teams:19:abc@thread.tacv2` for `19:abc@thread.tacv2;messageid=123` (or for the id alone). */
export function teamsChannelKey(conversationId: string): string {
  return `${PREFIX}${baseConversationId(conversationId)}`;
}

/** The conversation id in a Teams channel key; undefined for another platform's key. */
export function conversationIdOf(channelKey: string): string | undefined {
  return channelKey.startsWith(PREFIX) && channelKey.length > PREFIX.length ? channelKey.slice(PREFIX.length) : undefined;
}

/** `channelOf` for withQuestionLog: the channel key of a question the Teams adapter built. */
export function teamsChannelOf(question: Question): string | undefined {
  if (question.asker?.platform !== 'teams') return undefined;
  const id = question.conversation === undefined ? undefined : conversationIdOf(question.conversation);
  return id === undefined ? undefined : teamsChannelKey(id);
}
