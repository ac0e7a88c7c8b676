/**
 * The Web API calls the listeners make, each wrapped in `deliver` so a failure is logged with
 * context and, where a reply is still possible, answered with a short apology. Messages are
 * posted with link and media unfurling off and `link_names` off: nothing a user typed can turn
 * into a ping or a preview. A rate limit is waited out only when short (`ANSWER_RATE_LIMIT`).
 */
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './blocks.js';
import { ANSWER_RATE_LIMIT, withRateLimit } from './client.js';
import { LABELS } from '../../core/lang/labels.js';
import type { Language } from '../../core/lang/languages.js';
import { deliver, type Outbox } from './deliver.js';
import { notice } from './render.js';
import type { ReplyTarget } from './inbound.js';

export type WebClient = webApi.WebClient;

/** Link and media previews and `link_names` off, for every post. */
export const QUIET = { unfurl_links: false, unfurl_media: false, link_names: false } as const;

const thread = (t: ReplyTarget): { thread_ts?: string } => (t.threadTs ? { thread_ts: t.threadTs } : {});

/** Posts `message` to the target's channel and thread; apologises there (in `language`) if that fails. */
export function postReply(out: Outbox, client: WebClient, target: ReplyTarget, message: SlackMessage, language: Language = 'en'): Promise<boolean> {
  const apology = notice(LABELS[language].sendFailed);
  return deliver(out, {
    what: 'chat.postMessage',
    fields: { channel: target.channel, threadTs: target.threadTs },
    send: () => withRateLimit(() => client.chat.postMessage({ channel: target.channel, ...thread(target), ...message, ...QUIET }), ANSWER_RATE_LIMIT),
    apologize: () => client.chat.postMessage({ channel: target.channel, ...thread(target), ...apology, ...QUIET }),
  });
}

/** Posts `message` visible only to `user`, in the target's channel and thread. */
export function postPrivately(out: Outbox, client: WebClient, target: ReplyTarget, user: string, message: SlackMessage): Promise<boolean> {
  return deliver(out, {
    what: 'chat.postEphemeral',
    fields: { channel: target.channel, threadTs: target.threadTs },
    send: () => withRateLimit(() => client.chat.postEphemeral({ channel: target.channel, user, ...thread(target), ...message, ...QUIET }), ANSWER_RATE_LIMIT),
  });
}
