/**
 * Block Kit building blocks with Slack's limits applied in one place, so no caller can build a
 * message Slack rejects (`invalid_blocks`) whatever the entry or the question: 3000 characters
 * per section, 75 per button label, 2000 per button value, 10 elements per context block, 25
 * buttons per actions block, 50 blocks per message (100 in a Home tab).
 */
import type { types } from '@slack/bolt';
import type { Language } from '../../core/lang/languages.js';
import { safeMrkdwn, splitText, truncate } from './mrkdwn.js';
import { SLACK_STRINGS } from './strings.js';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** Slack's documented limits for the blocks used here. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  contextText: 2000,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  headerText: 150,
  fallbackText: 3000,
} as const;

/** A message as this adapter sends it: blocks plus the plain `text` used in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** One or more mrkdwn sections for already-safe text (split at Slack's 3000-character limit). */
export function sections(mrkdwn: string, maxSections = 5): KnownBlock[] {
  return splitText(mrkdwn || ' ', LIMITS.sectionText, maxSections).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text, verbatim: true },
  }));
}

/** Text someone else wrote, for a plain_text element: Slack never formats, links or mentions it. */
export interface Plain {
  readonly plain: string;
}

/** A context block of already-safe mrkdwn snippets, and of plain text (escaped here). */
export function context(snippets: readonly (string | Plain)[]): KnownBlock {
  return {
    type: 'context',
    elements: snippets.slice(0, LIMITS.contextElements).map((s) =>
      typeof s === 'string'
        ? { type: 'mrkdwn', text: truncate(s || ' ', LIMITS.contextText), verbatim: true }
        : { type: 'plain_text', text: truncate(safeMrkdwn(s.plain) || ' ', LIMITS.contextText), emoji: false },
    ),
  };
}

/** One section of plain text (escaped here), e.g. a core message that quotes what the user typed. */
export function plainSection(text: string): KnownBlock {
  return { type: 'section', text: { type: 'plain_text', text: truncate(safeMrkdwn(text) || ' ', LIMITS.sectionText), emoji: false } };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

export const divider = (): KnownBlock => ({ type: 'divider' });

/** A button; label and value are cut to Slack's limits. */
export function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: actionId.slice(0, LIMITS.actionId),
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** An actions block, or nothing when there are no buttons. */
export function actions(blockId: string, buttons: readonly Button[]): KnownBlock[] {
  if (buttons.length === 0) return [];
  return [{ type: 'actions', block_id: blockId, elements: buttons.slice(0, LIMITS.actionElements) }];
}

/** At most `max` blocks: when there are more, the last kept block says (in `language`) that something was left out. */
export function capBlocks(blocks: readonly KnownBlock[], max: number = LIMITS.messageBlocks, language: Language = 'en'): KnownBlock[] {
  if (blocks.length <= max) return [...blocks];
  return [...blocks.slice(0, max - 1), context([SLACK_STRINGS[language].tooLong])];
}

/** The notification text: plain words, escaped, within Slack's recommended length. */
export function fallback(text: string): string {
  return truncate(safeMrkdwn(text), LIMITS.fallbackText) || ' ';
}
