/**
 * The digest commands (`subscribe [HH:MM] [zone]`, `unsubscribe`, `digest`) as Slack replies, the
 * same for the slash command, mentions and DMs: the core runs them against the channel's key and
 * returns text, or a Digest for the preview, which is rendered exactly as it will be posted. A
 * store failure is logged once and answered with an apology, never left to Bolt's error path.
 */
import type { SlackMessage } from './blocks.js';
import { slackChannelKey } from './channelKey.js';
import type { ListenerDeps } from './deps.js';
import { renderDigest } from './digestBlocks.js';
import { COMMAND, notice, plainNotice } from './render.js';

export interface DigestReply {
  readonly message: SlackMessage;
  /** The reply is today's digest: show it only to the person who asked. */
  readonly preview: boolean;
}

const PREVIEW_NOTE = `_Preview of today's digest: only you can see this. \`${COMMAND} subscribe\` posts it here every day._`;
const FAILED = "Sorry, I couldn't reach the digest settings just now. Please try again in a moment.";

/** The reply to a digest command typed in `channelId`, or undefined when `text` is not one (or the digest is not wired). */
export async function digestReply(deps: ListenerDeps, channelId: string, text: string): Promise<DigestReply | undefined> {
  if (!deps.digest) return undefined;
  const target = { platform: 'slack', channel: slackChannelKey(channelId) };
  try {
    const result = await deps.digest.handle(target, text);
    if (!result) return undefined;
    if (result.digest) return { message: renderDigest(result.digest, { note: PREVIEW_NOTE }), preview: true };
    return { message: plainNotice(result.text), preview: false };
  } catch (error) {
    deps.logger.error('slack digest command failed', { channel: target.channel, command: text.trim().split(/\s+/)[0], error });
    return { message: notice(FAILED), preview: false };
  }
}
