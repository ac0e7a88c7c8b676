/**
 * Reading Block Kit in tests: every string or element of a type however deeply nested, what a
 * person would see of a posted message, its buttons, and the limits this adapter promises.
 */
import { expect } from 'vitest';
import { LIMITS, type KnownBlock } from '../../src/adapters/slack/blocks.js';
import type { ApiCall } from './slackFakeApi.js';

/** Every string anywhere in `value` (texts, values, action ids). */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Every element of a given type, however deeply nested. */
export function elements(blocks: unknown, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const record = Object.fromEntries(Object.entries(v));
    if (record['type'] === type) found.push(record);
    Object.values(record).forEach(walk);
  };
  walk(blocks);
  return found;
}

/** The buttons' action ids and values, in order. */
export const buttonValues = (blocks: unknown): { action_id: unknown; value: unknown }[] =>
  elements(blocks, 'button').map((b) => ({ action_id: b['action_id'], value: b['value'] }));

/** The displayed texts of a posted message: every mrkdwn/plain_text string, and the fallback. */
export function shownText(call: Pick<ApiCall, 'body'> | undefined): string {
  if (!call) return '';
  const texts = [...elements(call.body['blocks'], 'mrkdwn'), ...elements(call.body['blocks'], 'plain_text')].map((t) => String(t['text']));
  return [String(call.body['text'] ?? ''), ...texts].join('\n');
}

/** The buttons of a posted message. */
export const buttons = (call: Pick<ApiCall, 'body'> | undefined): { action_id: unknown; value: unknown }[] => buttonValues(call?.body['blocks']);

/** Asserts the Block Kit limits this adapter promises, for any message. */
export function expectWithinLimits(blocks: readonly KnownBlock[], maxBlocks: number = LIMITS.messageBlocks): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const block of blocks) {
    if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'actions') expect(block.elements.length).toBeLessThanOrEqual(LIMITS.actionElements);
  }
  for (const b of elements(blocks, 'button')) {
    expect(String(b['value']).length).toBeLessThanOrEqual(LIMITS.buttonValue);
    const label = b['text'];
    expect(typeof label === 'object' && label !== null && 'text' in label ? String(label.text).length : 0).toBeLessThanOrEqual(LIMITS.buttonText);
  }
  for (const t of elements(blocks, 'plain_text')) expect(String(t['text']).length).toBeLessThanOrEqual(LIMITS.sectionText);
  for (const t of elements(blocks, 'mrkdwn')) expect(String(t['text']).length).toBeLessThanOrEqual(LIMITS.sectionText);
}
