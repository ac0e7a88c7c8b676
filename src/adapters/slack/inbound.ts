/**
 * Slack payload -> the core's `InboundMessage` / `InboundAction`, or `undefined` for what the bot
 * must not answer: bot messages, edits and other subtypes, its own messages, channel messages
 * that do not mention it. Slack sends text in its own markup (`<@U1>`, `<!here>`, `<url|label>`,
 * `&lt;`); the core gets plain words, so mentions are stripped and the rest turned back into what
 * the person saw. The renderer escapes it again on the way out. The keys are chosen here, in the
 * one place that knows their format: conversation `slack:<channel>:<thread ts>` (follow-ups are
 * read per thread; a DM outside a thread is one conversation, `slack:<channel>:dm`), channel `slack:<channel>` (subscriptions, the question log: keyed with the
 * thread, every thread would be a "channel" and "Asked here yesterday" would find nothing).
 */
import type { NewSubscription } from '../../core/store.js';
import type { Action, InboundAction, InboundMessage } from '../../core/conversation/inbound.js';

/** The platform name the store records. */
export const SLACK = 'slack';
const PREFIX = `${SLACK}:`;

/** The channel key of a Slack channel id (`slack:C123`). */
export const slackChannelKey = (channelId: string): string => `${PREFIX}${channelId}`;

/** The channel id in a Slack channel key (`C123` for `slack:C123`); undefined for another platform's key. */
export function slackChannelIdOf(channelKey: string): string | undefined {
  if (!channelKey.startsWith(PREFIX)) return undefined;
  const [id] = channelKey.slice(PREFIX.length).split(':');
  return id ? id : undefined;
}

/** Subscriptions for DIGEST_SLACK_CHANNELS at the DIGEST_TIME / DIGEST_TZ / DIGEST_LANGUAGE defaults. */
export function configuredSubscriptions(digest: Pick<NewSubscription, 'time' | 'timeZone' | 'language'> & { readonly slackChannels: readonly string[] }): NewSubscription[] {
  return digest.slackChannels.map((id) => ({ platform: SLACK, channel: slackChannelKey(id), time: digest.time, timeZone: digest.timeZone, ...(digest.language ? { language: digest.language } : {}) }));
}

/** The fields of an `app_mention` or `message` event this adapter reads (Bolt's event types fit). */
export interface SlackMessageEvent {
  readonly type: string;
  readonly subtype?: string;
  readonly text?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly ts: string;
  readonly thread_ts?: string;
}

/** The fields of a slash-command payload this adapter reads. */
export interface SlackCommandPayload {
  readonly command: string;
  readonly text: string;
  readonly user_id: string;
  readonly channel_id: string;
  readonly team_id?: string;
}

/** The bot's own identity (from `auth.test`), to ignore its own messages. */
export interface SlackSelf {
  readonly userId?: string;
  readonly botId?: string;
}

/** Where a reply goes: the channel, and the thread when there is one. */
export interface ReplyTarget {
  readonly channel: string;
  readonly threadTs?: string;
}

/** The fields of a `block_actions` payload (a button click) this adapter reads. */
export interface SlackBlockActionPayload {
  readonly user: { readonly id: string; readonly team_id?: string };
  readonly team: { readonly id: string } | null;
  readonly channel?: { readonly id: string };
  readonly container: Readonly<Record<string, unknown>>;
  readonly message?: { readonly ts: string; readonly thread_ts?: unknown };
  readonly actions: readonly { readonly action_id: string; readonly value?: string }[];
}

/** A button click as the listeners need it. */
export interface Click {
  readonly actionId: string;
  readonly value: string;
  readonly userId: string;
  readonly teamId?: string;
  /** The clicked message was ephemeral (a slash-command reply): update it through `response_url`. */
  readonly ephemeral: boolean;
  /** Where a public follow-up goes: the clicked message's thread (or the DM), if there is a message. */
  readonly target?: ReplyTarget;
}

/** Message subtypes that are still a person writing to the bot; every other subtype is ignored. */
const ANSWERED_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** The message in a mention or DM, or undefined when the event must be ignored (a bare mention is a request for help). */
export function toInbound(event: SlackMessageEvent, self: SlackSelf = {}): InboundMessage | undefined {
  const user = personOf(event, self);
  const text = slackToPlain(event.text ?? '');
  if (user === undefined || (text === '' && event.type !== 'app_mention')) return undefined;
  const place = event.channel_type === 'im' ? 'dm' : event.thread_ts ? 'thread' : 'channel';
  return {
    text,
    asker: user,
    conversation: conversationKey(event),
    channel: slackChannelKey(event.channel),
    place,
  };
}

/**
 * The conversation a message belongs to, for follow-ups: its thread; in a DM outside a thread, the
 * DM itself (the bot answers there, not in a thread, so the next message continues the exchange);
 * a channel mention outside a thread starts the thread the bot answers in.
 */
function conversationKey(event: SlackMessageEvent): string {
  if (event.thread_ts) return `${PREFIX}${event.channel}:${event.thread_ts}`;
  return event.channel_type === 'im' ? `${PREFIX}${event.channel}:dm` : `${PREFIX}${event.channel}:${event.ts}`;
}

/** The person who wrote a mention or DM to the bot; undefined for anything else (bots, edits, other channels' messages). */
function personOf(event: SlackMessageEvent, self: SlackSelf): string | undefined {
  if (event.type !== 'app_mention' && !(event.type === 'message' && event.channel_type === 'im')) return undefined;
  if (event.subtype !== undefined && !ANSWERED_SUBTYPES.has(event.subtype)) return undefined;
  if (event.bot_id !== undefined || !event.user || event.user === 'USLACKBOT' || event.user === self.userId) return undefined;
  return event.user;
}

/** `/eu-china <text>`: the command surface; no conversation, each command stands alone. */
export function commandToInbound(command: SlackCommandPayload): InboundMessage {
  return { text: slackToPlain(command.text), asker: command.user_id, channel: slackChannelKey(command.channel_id), place: 'command', ...(command.team_id ? { workspace: command.team_id } : {}) };
}

/** The message a shortcut was used on, asked alone (not as a follow-up); undefined when it has no text. */
export function shortcutToInbound(shortcut: { readonly message: { readonly text?: unknown }; readonly user: { readonly id: string }; readonly channel: { readonly id: string } }): InboundMessage | undefined {
  const raw = shortcut.message.text;
  const text = typeof raw === 'string' ? slackToPlain(raw) : '';
  if (text === '') return undefined;
  return { text, asker: shortcut.user.id, channel: slackChannelKey(shortcut.channel.id), place: 'channel' };
}

/** A click as the core's action, from whoever clicked, in the clicked message's channel. */
export function clickToInbound(click: Click, action: Action): InboundAction {
  const channel = click.target?.channel;
  return { action, asker: click.userId, ...(channel ? { channel: slackChannelKey(channel) } : {}) };
}

/** Mentions are answered in their thread (a new one under the question); DMs in the DM. */
export function replyTarget(event: SlackMessageEvent): ReplyTarget {
  if (event.type === 'app_mention') return { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
  return event.thread_ts ? { channel: event.channel, threadTs: event.thread_ts } : { channel: event.channel };
}

/** Slack markup -> the plain text a person saw, user mentions removed. */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => readableToken(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function readableToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) return ' ';
  if (target.startsWith('#')) return `#${label ?? 'channel'}`;
  if (target.startsWith('!')) return specialToken(target.slice(1), label);
  return label ?? target.replace(/^mailto:/, '');
}

function specialToken(name: string, label: string | undefined): string {
  if (name === 'channel' || name === 'here' || name === 'everyone') return `@${name}`;
  if (name.startsWith('subteam^')) return label ?? '@group';
  return label ?? '';
}

/** The click in a `block_actions` payload, or undefined when it carries no button value. */
export function toClick(body: SlackBlockActionPayload): Click | undefined {
  const action = body.actions[0];
  if (!action?.value) return undefined;
  const teamId = body.team?.id ?? body.user.team_id;
  const target = clickTarget(body);
  return {
    actionId: action.action_id,
    value: action.value,
    userId: body.user.id,
    ...(teamId ? { teamId } : {}),
    ephemeral: body.container['is_ephemeral'] === true,
    ...(target ? { target } : {}),
  };
}

function clickTarget(body: SlackBlockActionPayload): ReplyTarget | undefined {
  const channel = body.channel?.id;
  if (!channel || !body.message) return undefined;
  const threadTs = typeof body.message.thread_ts === 'string' ? body.message.thread_ts : undefined;
  if (threadTs) return { channel, threadTs };
  return channel.startsWith('D') ? { channel } : { channel, threadTs: body.message.ts };
}
