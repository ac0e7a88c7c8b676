/**
 * The small subset of Adaptive Cards 1.5 the bot uses, typed, with the neutralising helpers.
 * Any text that is not a fixed label goes into a `TextRun`, which Adaptive Cards never parse as
 * markdown, after `neutralize` has removed tags (so no forged `<at>` mention) and control
 * characters and capped its length: nothing a user types can format, link or mention in a card.
 */
import type { SubmitData } from './inbound.js';

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly weight?: 'Bolder';
  readonly italic?: boolean;
  readonly isSubtle?: boolean;
  readonly size?: 'Small' | 'Medium';
  readonly selectAction?: OpenUrlAction;
}
export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: 'Small' | 'Medium';
}
export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'Bolder';
  readonly size?: 'Medium';
  readonly spacing?: 'Medium';
  readonly separator?: boolean;
}
export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: SubmitData;
}
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}
export type CardAction = SubmitAction | OpenUrlAction;
export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}
export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly spacing?: 'Small' | 'Medium';
}
export type CardElement = RichTextBlock | TextBlock | ActionSet | Container;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

export interface CardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: AdaptiveCard;
}

/** A card with `body` and optional card-level actions. */
export function card(body: readonly CardElement[], actions: readonly CardAction[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, ...(actions.length > 0 ? { actions } : {}) };
}

/** The attachment wrapper a message carries. */
export function attachment(content: AdaptiveCard): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** A fixed label (our own words; TextBlock markdown is fine here). */
export function label(text: string, extra: Partial<Omit<TextBlock, 'type' | 'text' | 'wrap'>> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/** Untrusted or data text: neutralised and placed in a TextRun, never parsed as markdown. */
export function plain(text: string, max: number, style: Omit<TextRun, 'type' | 'text'> = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [run(text, max, style)] };
}

/** One neutralised TextRun. */
export function run(text: string, max: number, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text: neutralize(text, max), ...style };
}

/** A button that answers a knowledge entry. */
export function entryButton(id: string, question: string): SubmitAction {
  return { type: 'Action.Submit', title: neutralize(question, 80), data: { action: 'entry', entryId: id } };
}

/** Tags (and so forged `<at>` mentions) and control characters removed, whitespace collapsed, capped with an ellipsis. */
export function neutralize(text: string, max: number): string {
  const clean = text
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(clean, max);
}

/** At most `max` characters, cut at a word boundary when one is near, with "…". */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
