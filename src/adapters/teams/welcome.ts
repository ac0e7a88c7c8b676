/**
 * Installation: when the bot itself is among `membersAdded` (a team, a group chat or a personal
 * scope), it says once what it does and keeps the conversation reference, which the digest will
 * need to post proactively. Other people joining a team must not trigger a welcome each time, so
 * only the bot's own arrival counts. The store is a port: production keeps references in the
 * Store (conversationRefs.ts), tests may use the in-memory one there.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import { fill, LABELS } from '../../core/lang/labels.js';
import type { Language } from '../../core/lang/languages.js';
import { attachment, card, label, plain } from './cards.js';
import { baseConversationId } from './inbound.js';
import { minimalReference } from './conversationRefs.js';

export { memoryConversationRefStore, type ConversationRefStore } from './conversationRefs.js';
import type { Reply } from './render.js';
import type { Scope } from './inbound.js';
import { TEAMS_STRINGS } from './strings.js';

/** True when this conversationUpdate adds the bot itself. */
export function botWasAdded(activity: Activity): boolean {
  return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
}

/** True when this conversationUpdate removes the bot itself. */
export function botWasRemoved(activity: Activity): boolean {
  return (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient.id);
}

/** The reference to keep for later proactive messages: no user, channel thread suffix dropped. */
export function referenceOf(activity: Activity): Partial<ConversationReference> {
  const ref = minimalReference(TurnContext.getConversationReference(activity));
  return { ...ref, conversation: { isGroup: false, conversationType: '', name: '', ...ref.conversation, id: baseConversationId(activity.conversation.id) } };
}

/** The short welcome for `scope` in `language` (the installer's `activity.locale`), built from the core's one-line description (in that language); `digest` mentions subscribing. */
export function renderWelcome(about: string, scope: Scope, digest = false, language: Language = 'en'): Reply {
  const t = TEAMS_STRINGS[language];
  const l = LABELS[language];
  const personal = scope === 'personal';
  const how = fill(personal ? t.welcomePersonal : t.welcomeChannel, { help: l.wordHelp, topics: l.wordTopics, source: l.wordSource });
  const body = [label(t.welcomeHello, { weight: 'Bolder', size: 'Medium' }), plain(about, 600), label(how)];
  if (digest) body.push(label(fill(personal ? t.welcomeSubscribePersonal : t.welcomeSubscribeChannel, { example: 'subscribe 08:30 Europe/Paris' })));
  return { type: 'message', attachments: [attachment(card(body))] };
}

