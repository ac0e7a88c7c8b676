/**
 * What both stores do to a value before it is written, so SQLite and PostgreSQL keep exactly the
 * same thing: free text cut to MAX_LOGGED_QUESTION_CHARS code points and without NUL characters
 * (a PostgreSQL text column cannot hold one, and a stray one must not make a write fail), keys
 * that may name a person kept as a SHA-256, and a stored context read back only when well formed.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ConversationContext } from '../core/conversation/followUp.js';
import { isLanguage, type Language } from '../core/lang/languages.js';
import { MAX_LOGGED_QUESTION_CHARS, type RotationState } from '../core/store.js';

/** `text` without NUL characters, cut to MAX_LOGGED_QUESTION_CHARS code points. */
export function cutText(text: string): string {
  return Array.from(text.replaceAll('\0', '')).slice(0, MAX_LOGGED_QUESTION_CHARS).join('');
}

/** A comment is kept like a question: trimmed and cut; empty is none (null). */
export function cutComment(comment: string | undefined): string | null {
  const text = cutText(comment?.trim() ?? '');
  return text === '' ? null : text;
}

/** The hex SHA-256 of a key (a conversation or delivery key can name a person). */
export const sha256Hex = (key: string): string => createHash('sha256').update(key).digest('hex');

const contextSchema = z.object({
  entryId: z.string().optional(),
  suggestions: z.array(z.string()),
  at: z.string(),
  language: z.enum(['fr', 'de']).optional(),
  asked: z.string().max(1000).optional(),
});

/** A stored context (already parsed from JSON), or undefined when it is not one. */
export function toContext(value: unknown): ConversationContext | undefined {
  const parsed = contextSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { entryId, language, asked, ...rest } = parsed.data;
  return { ...rest, ...(entryId === undefined ? {} : { entryId }), ...(language === undefined ? {} : { language }), ...(asked === undefined ? {} : { asked }) };
}

/** A rotation state from its stored columns; throws when the order is not a list of ids. */
export function toRotation(order: unknown, position: number, cycle: number, day: string | null, entryId: string | null): RotationState {
  if (!Array.isArray(order) || !order.every((x) => typeof x === 'string')) throw new Error('rotation entry_order is not a list of ids');
  return { order, position, cycle, ...(day ? { day } : {}), ...(entryId ? { entryId } : {}) };
}

/** A stored digest language; the column's CHECK allows only en / fr / de, anything else reads as English. */
export function storedLanguage(value: string): Language {
  return isLanguage(value) ? value : 'en';
}
