/**
 * Activity in, core inbound data out (pure). Teams puts the bot's mention *inside* the text
 * (`<at>EU-China Bot</at> who wrote it?`); matching on that would score the bot's own name, so
 * the recipient's mention entities are removed before anything else. In channels and group chats
 * only messages that mention the bot are for us; a card button click arrives as a message whose
 * `value` is the button's data, with no mention and no text. The keys are chosen here, in the one
 * place that knows their format: `teams:<conversation id>` for the conversation, and for the
 * channel the same without a channel reply's thread suffix (`;messageid=`): keyed with it, every
 * thread would be a "channel" of its own and "Asked here yesterday" would find nothing.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { Action, InboundAction, InboundMessage, Place } from '../../core/conversation/inbound.js';
import { TEAMS } from '../profiles.js';

/** The platform name the store records. */
export { TEAMS };

const PREFIX = `${TEAMS}:`;
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

/** What one incoming Teams message asks: a message for the pipeline, or a card button's action. */
export type TeamsRequest = { readonly kind: 'message'; readonly message: InboundMessage } | { readonly kind: 'action'; readonly action: InboundAction };

/** The data carried by the cards' Action.Submit buttons (render.ts writes it, we read it back). */
export const submitDataSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('entry'), entryId: z.string().min(1).max(200) }),
  z.object({ action: z.literal('feedback'), entryId: z.string().min(1).max(200), helpful: z.boolean() }),
  z.object({ action: z.literal('command'), command: z.enum(['help', 'topics', 'source']) }),
]);
export type SubmitData = z.infer<typeof submitDataSchema>;

export type Scope = 'personal' | 'channel' | 'groupChat';

/** Personal chat, a team channel or a group chat (Teams' `conversationType`). */
export function scopeOf(activity: Activity): Scope {
  const type = activity.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || (type !== 'personal' && activity.conversation.isGroup)) return 'groupChat';
  return 'personal';
}

/** Classifies one message Activity; undefined means "not for us, stay silent". */
export function toRequest(activity: Activity): TeamsRequest | undefined {
  if (activity.type !== 'message' || isFromBot(activity)) return undefined;
  const origin = originOf(activity);
  if (activity.value !== undefined && activity.value !== null) {
    const action = fromSubmit(activity.value);
    return action ? { kind: 'action', action: { ...origin, action, ...(activity.locale ? { locale: activity.locale } : {}) } } : undefined;
  }
  const message = toInbound(activity);
  return message ? { kind: 'message', message } : undefined;
}

/** The message for the pipeline: mentions stripped (a bare mention is '', a request for help), or undefined when it is not for the bot. */
export function toInbound(activity: Activity): InboundMessage | undefined {
  if (activity.type !== 'message' || isFromBot(activity) || typeof activity.text !== 'string') return undefined;
  if (scopeOf(activity) !== 'personal' && !mentionsRecipient(activity)) return undefined;
  return {
    ...originOf(activity),
    text: plainText(stripMentions(activity)),
    conversation: `${PREFIX}${activity.conversation.id}`,
    place: placeOf(activity),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** Who, where, and which delivery: the activity id within its conversation, when Teams gave one. */
function originOf(activity: Activity): Pick<InboundMessage, 'asker' | 'channel' | 'delivery' | 'workspace'> {
  const tenant = activity.conversation.tenantId;
  return {
    asker: activity.from.aadObjectId ?? activity.from.id,
    channel: teamsChannelKey(activity.conversation.id),
    ...(tenant ? { workspace: tenant } : {}),
    ...(activity.id ? { delivery: deliveryKey(activity) } : {}),
  };
}

/** The dedupe key of an activity (one per type, conversation and id). */
export function deliveryKey(activity: Activity): string {
  return `${PREFIX}${activity.type}|${activity.conversation.id}|${activity.id ?? ''}`;
}

function placeOf(activity: Activity): Place {
  const scope = scopeOf(activity);
  if (scope === 'personal') return 'dm';
  return activity.conversation.id.includes(THREAD) ? 'thread' : 'channel';
}

function fromSubmit(value: unknown): Action | undefined {
  const data = submitDataSchema.safeParse(value);
  if (!data.success) return undefined;
  const d = data.data;
  if (d.action === 'entry') return { kind: 'entry', entryId: d.entryId };
  if (d.action === 'feedback') return { kind: 'feedback', entryId: d.entryId, helpful: d.helpful };
  return { kind: 'view', view: d.command };
}

function isFromBot(activity: Activity): boolean {
  return activity.from.role === 'bot' || activity.from.id === activity.recipient.id;
}

function recipientMentions(activity: Activity): { text: string }[] {
  return TurnContext.getMentions(activity).filter(
    (m) => m.mentioned.id === activity.recipient.id && typeof m.text === 'string' && m.text !== '',
  );
}

function mentionsRecipient(activity: Activity): boolean {
  return recipientMentions(activity).length > 0;
}

/** Every mention of the bot removed (botbuilder's removeRecipientMention only removes the first and mutates). */
function stripMentions(activity: Activity): string {
  return recipientMentions(activity).reduce((text, m) => text.split(m.text).join(' '), activity.text);
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Other people's `<at>Name</at>` become `Name`; remaining tags go; common entities are decoded. */
export function plainText(text: string): string {
  return text
    .replace(/<at>(.*?)<\/at>/gi, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_m, name: string) => ENTITIES[name] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
