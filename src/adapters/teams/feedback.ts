/**
 * Teams' native feedback (the thumbs under a bot message, `channelData.feedbackLoopEnabled`).
 * The `message/submitAction` invoke that a click sends names only the bot message
 * (`replyToId`), not the entry, so each answer's entry is remembered by a key of (conversation,
 * message id) when it is sent; the key is hashed, since a personal chat's id names a person.
 * The form's free text arrives as a JSON string (`{"feedbackText":"…"}`) or, in older clients and
 * custom forms, as plain text or an object: all three are read, nothing else is trusted.
 */
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { AnsweredMessages } from '../../core/store.js';
import { baseConversationId } from './inbound.js';

/** The invoke Teams sends when a feedback button's form is submitted. */
export const SUBMIT_ACTION = 'message/submitAction';

/** The key an answer is remembered by: its conversation (without the thread suffix) and message id, hashed. */
export function answeredMessageKey(conversationId: string, messageId: string): string {
  return createHash('sha256').update(`teams:${baseConversationId(conversationId)}|${messageId}`).digest('hex');
}

const feedbackValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
});

export interface FeedbackLoopClick {
  readonly helpful: boolean;
  /** The bot message the feedback is about. */
  readonly messageId: string;
  readonly comment?: string;
}

export type SubmitAction = { readonly kind: 'feedback'; readonly click: FeedbackLoopClick } | { readonly kind: 'other' } | { readonly kind: 'invalid'; readonly reason: string };

/** Reads a `message/submitAction` invoke. Pure. */
export function toSubmitAction(activity: Pick<Activity, 'value' | 'replyToId'>): SubmitAction {
  const value: unknown = activity.value;
  if (typeof value === 'object' && value !== null && 'actionName' in value && value.actionName !== 'feedback') return { kind: 'other' };
  const parsed = feedbackValue.safeParse(value);
  if (!parsed.success) return { kind: 'invalid', reason: parsed.error.issues[0]?.message ?? 'invalid value' };
  if (!activity.replyToId) return { kind: 'invalid', reason: 'no replyToId' };
  const { reaction, feedback } = parsed.data.actionValue;
  const comment = commentOf(feedback);
  return { kind: 'feedback', click: { helpful: reaction === 'like', messageId: activity.replyToId, ...(comment ? { comment } : {}) } };
}

/** The free text of the feedback form, or undefined when the person wrote nothing. */
export function commentOf(feedback: string | Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (feedback === undefined) return undefined;
  const object = typeof feedback === 'string' ? parseObject(feedback) : feedback;
  const text = object === undefined ? feedback : object['feedbackText'];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

function parseObject(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
  } catch {
    return undefined;
  }
}

/** Remembered answers in memory, the newest `limit` kept (the default without a store). */
export function memoryAnsweredMessages(limit = 5000): AnsweredMessages {
  const entries = new Map<string, string>();
  return {
    rememberAnswer: async (key, entryId) => {
      entries.delete(key);
      entries.set(key, entryId);
      for (const oldest of entries.keys()) {
        if (entries.size <= limit) break;
        entries.delete(oldest);
      }
    },
    answeredEntry: async (key) => entries.get(key),
  };
}
