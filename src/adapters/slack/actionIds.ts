/**
 * The contract between the buttons `render` draws and the handlers in `actions.ts`: action ids
 * and what a button's `value` carries. Values come back from Slack in a signed request but are
 * still parsed defensively: an unknown or malformed value is ignored, never trusted.
 */
import type { ViewName } from '../../core/conversation/commands.js';
import { isLanguage, type Language } from '../../core/lang/languages.js';

/** Action ids; numbered ones (`related_0`...) because ids must be unique within a block. */
export const ACTION = {
  related: 'related',
  didYouMean: 'did_you_mean',
  helpful: 'feedback_helpful',
  notHelpful: 'feedback_not_helpful',
  /** Slack's native `feedback_buttons` element (one action id, the value says up or down). */
  feedbackButtons: 'feedback_native',
  share: 'share',
} as const;

/** Matches every numbered id of one kind, for Bolt's `app.action(...)`. */
export const numbered = (prefix: string): RegExp => new RegExp(`^${prefix}_\\d+$`);


/** What "Share in channel" re-posts: an entry, a question to ask again, or a static view. */
export type ShareValue =
  | { readonly kind: 'entry'; readonly id: string }
  | { readonly kind: 'ask'; readonly text: string }
  /** `language`: the view was shown in it (`view:help:fr`); absent in English. */
  | { readonly kind: 'view'; readonly view: ViewName; readonly language?: Language };

/** Questions in a share value are cut so the value stays within Slack's 2000 characters. */
const MAX_SHARED_QUESTION = 1900;

export function encodeShare(value: ShareValue): string {
  switch (value.kind) {
    case 'entry':
      return `entry:${value.id}`;
    case 'ask':
      return `ask:${value.text.slice(0, MAX_SHARED_QUESTION)}`;
    case 'view':
      return value.language && value.language !== 'en' ? `view:${value.view}:${value.language}` : `view:${value.view}`;
  }
}

export function decodeShare(raw: string | undefined): ShareValue | undefined {
  if (!raw) return undefined;
  const colon = raw.indexOf(':');
  const kind = raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  if (colon <= 0 || rest === '') return undefined;
  if (kind === 'entry') return { kind, id: rest };
  if (kind === 'ask') return { kind, text: rest };
  return kind === 'view' ? decodeView(rest) : undefined;
}

function decodeView(rest: string): ShareValue | undefined {
  const [view, language, ...more] = rest.split(':');
  if (more.length > 0 || (view !== 'help' && view !== 'topics' && view !== 'source')) return undefined;
  if (language === undefined) return { kind: 'view', view };
  return isLanguage(language) ? { kind: 'view', view, language } : undefined;
}

/** The value of one of the native feedback buttons: which way, and for which entry. */
export function encodeFeedback(helpful: boolean, entryId: string): string {
  return `${helpful ? 'up' : 'down'}:${entryId}`.slice(0, 2000);
}

export function decodeFeedback(raw: string | undefined): { readonly helpful: boolean; readonly entryId: string } | undefined {
  const match = /^(up|down):(.+)$/s.exec(raw ?? '');
  return match?.[1] && match[2] ? { helpful: match[1] === 'up', entryId: match[2] } : undefined;
}
