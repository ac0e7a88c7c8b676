import { describe, expect, it } from 'vitest';
import { plainText, toInbound, toRequest } from '../../../src/adapters/teams/inbound.js';
import { parseCommand } from '../../../src/core/conversation/commands.js';
import type { Activity } from 'botbuilder';
import { teamsActivity } from '../../helpers/teams.js';

const ALEX = '6f4a2c1e-93b7-4d2a-8e51-0c7d9b3a5f12';
const BOT = { id: '28:8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'EU-China Bot' };
const PERSONAL = 'a:1Zq8mN3vB7xK2pL9wR4tY6uH0jG5fD1sA8cE3iO7kM2nQ4bV9zX6yT1rW5eU0oP3lJ8hF2gC';

/** What the core's one vocabulary reads in the message an activity carries. */
const commandOf = (activity: Activity) => {
  const inbound = toInbound(activity);
  return inbound ? parseCommand(inbound.text) : undefined;
};

describe('toRequest / toInbound', () => {
  it("treats every personal message as a message for the pipeline, in the person's chat", () => {
    expect(toRequest(teamsActivity('personal_message'))).toEqual({
      kind: 'message',
      message: {
        text: 'Who wrote the paper?',
        asker: ALEX,
        conversation: `teams:${PERSONAL}`,
        channel: `teams:${PERSONAL}`,
        place: 'dm',
        delivery: expect.stringMatching(/^teams:message\|/),
        // The tenant, for pacing the digest per tenant.
        workspace: teamsActivity('personal_message').conversation.tenantId,
        ...(teamsActivity('personal_message').locale ? { locale: teamsActivity('personal_message').locale } : {}),
      },
    });
  });

  it('answers a channel message that mentions the bot, with the mention stripped', () => {
    const message = toInbound(teamsActivity('channel_mention'));
    expect(message?.text).toBe('Who wrote the paper?');
    expect(message?.conversation).toBe('teams:19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2;messageid=1712049605512');
    expect(message?.channel).toBe('teams:19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2');
  });

  it('ignores a channel message that does not mention the bot', () => {
    const activity = teamsActivity('channel_mention', { text: 'Who wrote the paper?', entities: [] });
    expect(toRequest(activity)).toBeUndefined();
    expect(toInbound(activity)).toBeUndefined();
  });

  it('does not take a mention of someone else for a mention of the bot', () => {
    const activity = teamsActivity('group_chat', {
      entities: [{ type: 'mention', text: '<at>Sam Lee</at>', mentioned: { id: '29:1Sam', name: 'Sam Lee' } }],
    });
    expect(toRequest(activity)).toBeUndefined();
  });

  it("strips the bot's mention in a group chat and keeps other people's names as plain text", () => {
    expect(toInbound(teamsActivity('group_chat'))?.text).toBe('Sam Lee see when was the paper published?');
  });

  it('removes every mention of the bot, not only the first', () => {
    const activity = teamsActivity('channel_mention', { text: '<at>EU-China Bot</at> who wrote it <at>EU-China Bot</at>' });
    expect(toInbound(activity)?.text).toBe('who wrote it');
  });

  it('reads the typed commands help, topics and source', () => {
    for (const [text, view] of [['help', 'help'], ['Topics', 'topics'], ['/source', 'source'], ['topics.', 'topics']] as const) {
      expect(commandOf(teamsActivity('personal_message', { text }))).toEqual({ kind: 'view', view });
    }
  });

  it('reads a command after a channel mention', () => {
    expect(commandOf(teamsActivity('channel_mention', { text: '<at>EU-China Bot</at> topics' }))).toEqual({ kind: 'view', view: 'topics' });
  });

  it('reads the digest commands, with or without a slash, in personal chat and after a channel mention', () => {
    expect(commandOf(teamsActivity('personal_message', { text: 'Subscribe 08:30 Europe/Paris' }))).toEqual({ kind: 'subscribe', args: '08:30 Europe/Paris' });
    expect(commandOf(teamsActivity('personal_message', { text: '/unsubscribe' }))).toEqual({ kind: 'unsubscribe' });
    const channel = teamsActivity('channel_mention', { text: '<at>EU-China Bot</at> digest' });
    expect(commandOf(channel)).toEqual({ kind: 'digest' });
    expect(toInbound(channel)?.conversation).toContain(';messageid=');
  });

  it('does not take a question that merely starts like a digest command for one', () => {
    expect(commandOf(teamsActivity('personal_message', { text: 'subscriber numbers in Russia?' }))?.kind).toBe('ask');
    expect(commandOf(teamsActivity('personal_message', { text: 'ask digest' }))?.kind).toBe('ask');
  });

  it('drops the "ask" command word in front of a question', () => {
    expect(commandOf(teamsActivity('personal_message', { text: 'ask who is the author' }))).toMatchObject({ kind: 'ask', text: 'who is the author' });
  });

  it('answers a bare mention with help', () => {
    expect(commandOf(teamsActivity('channel_mention', { text: '<at>EU-China Bot</at>' }))).toEqual({ kind: 'view', view: 'help' });
  });

  it('reads a card button submit as the core action for the related entry, from the person who clicked', () => {
    expect(toRequest(teamsActivity('card_submit'))).toMatchObject({ kind: 'action', action: { asker: ALEX, action: { kind: 'entry', entryId: 'paper-date' } } });
  });

  it('reads a feedback button and a command button', () => {
    expect(toRequest(teamsActivity('card_submit', { value: { action: 'feedback', entryId: 'paper-author', helpful: true } }))).toMatchObject({
      kind: 'action',
      action: { action: { kind: 'feedback', entryId: 'paper-author', helpful: true } },
    });
    expect(toRequest(teamsActivity('card_submit', { value: { action: 'command', command: 'source' } }))).toMatchObject({ kind: 'action', action: { action: { kind: 'view', view: 'source' } } });
  });

  it('ignores submit data it did not write', () => {
    for (const value of [{ action: 'delete-everything' }, { action: 'entry' }, 'entry', 42, [1]]) {
      expect(toRequest(teamsActivity('card_submit', { value }))).toBeUndefined();
    }
  });

  it('ignores its own messages and other bots', () => {
    expect(toRequest(teamsActivity('personal_message', { from: BOT }))).toBeUndefined();
    expect(toRequest(teamsActivity('personal_message', { from: { id: '28:other-bot', name: 'Other', role: 'bot' } }))).toBeUndefined();
  });

  it('ignores activities that are not messages', () => {
    expect(toRequest(teamsActivity('conversation_update_bot_added'))).toBeUndefined();
    expect(toRequest(teamsActivity('compose_extension_query'))).toBeUndefined();
  });

  it('answers a personal message with no text with help', () => {
    expect(commandOf(teamsActivity('personal_message', { text: '   ' }))).toEqual({ kind: 'view', view: 'help' });
  });
});

describe('plainText', () => {
  it('drops markup, decodes common entities and collapses whitespace', () => {
    expect(plainText('<p>Is it&nbsp;an <b>alliance</b>?</p>\n&lt;really&gt; &amp; truly')).toBe('Is it an alliance ? <really> & truly');
  });
});
