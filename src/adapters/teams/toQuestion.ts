/**
 * Activity in, core request out (pure). Teams puts the bot's mention *inside* the text
 * (`<at>EU-China Bot</at> who wrote it?`); matching on that would score the bot's own name, so
 * the recipient's mention entities are removed before anything else. In channels and group chats
 * only messages that mention the bot are for us; a card button click arrives as a message whose
 * `value` is the button's data, with no mention and no text.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { Question } from '../../core/types.js';

export type Command = 'help' | 'topics' | 'source';

/** The digest commands typed to the bot (handled by the core's createDigestCommands). */
export type DigestVerb = 'subscribe' | 'unsubscribe' | 'digest';

/** What one incoming Teams message asks the bot to do. */
export type TeamsRequest =
  | { readonly kind: 'ask'; readonly question: Question }
  | { readonly kind: 'command'; readonly command: Command }
  /** `subscribe …`, `unsubscribe` or `digest`; `question` is what to answer if it is not a valid command after all. */
  | { readonly kind: 'digest'; readonly verb: DigestVerb; readonly text: string; readonly question: Question }
  | { readonly kind: 'entry'; readonly entryId: string }
  | { readonly kind: 'feedback'; readonly entryId: string; readonly helpful: boolean };

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
  if (activity.value !== undefined && activity.value !== null) return fromSubmit(activity.value);
  if (scopeOf(activity) !== 'personal' && !mentionsRecipient(activity)) return undefined;
  const question = toQuestion(activity);
  if (!question) return { kind: 'command', command: 'help' }; // a bare "@bot": say what it does
  const command = commandOf(question.text);
  if (command) return { kind: 'command', command };
  const verb = digestVerbOf(question.text);
  if (verb) return { kind: 'digest', verb, text: question.text.replace(/^\//, ''), question };
  return { kind: 'ask', question: { ...question, text: question.text.replace(/^\/?ask\s+/i, '') } };
}

/** The core question in a message: mentions stripped, or undefined when it is not for the bot. */
export function toQuestion(activity: Activity): Question | undefined {
  if (activity.type !== 'message' || isFromBot(activity) || typeof activity.text !== 'string') return undefined;
  if (scopeOf(activity) !== 'personal' && !mentionsRecipient(activity)) return undefined;
  const text = plainText(stripMentions(activity));
  if (text === '') return undefined;
  return {
    text,
    asker: { platform: 'teams', id: activity.from.aadObjectId ?? activity.from.id },
    conversation: `teams:${activity.conversation.id}`,
  };
}

/** `help`, `topics` or `source` typed alone (with or without a leading slash). */
export function commandOf(text: string): Command | undefined {
  const word = text.trim().toLowerCase().replace(/^\//, '').replace(/[.!?]+$/, '');
  return word === 'help' || word === 'topics' || word === 'source' ? word : undefined;
}

/** The digest command `text` starts with (with or without a leading slash), if any. */
export function digestVerbOf(text: string): DigestVerb | undefined {
  const word = /^\/?(subscribe|unsubscribe|digest)(?:\s|$)/i.exec(text.trim())?.[1]?.toLowerCase();
  return word === 'subscribe' || word === 'unsubscribe' || word === 'digest' ? word : undefined;
}

function fromSubmit(value: unknown): TeamsRequest | undefined {
  const data = submitDataSchema.safeParse(value);
  if (!data.success) return undefined;
  const d = data.data;
  if (d.action === 'entry') return { kind: 'entry', entryId: d.entryId };
  if (d.action === 'feedback') return { kind: 'feedback', entryId: d.entryId, helpful: d.helpful };
  return { kind: 'command', command: d.command };
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
