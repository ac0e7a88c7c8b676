import { describe, expect, it } from 'vitest';
import { botWasAdded, botWasRemoved, memoryConversationRefStore, referenceOf, renderWelcome } from '../../../src/adapters/teams/welcome.js';
import { teamsActivity } from '../../helpers/teams.js';

describe('welcome and conversation references', () => {
  it('sees the bot among the members added, and only the bot', () => {
    expect(botWasAdded(teamsActivity('conversation_update_bot_added'))).toBe(true);
    expect(botWasAdded(teamsActivity('conversation_update_bot_added', { membersAdded: [{ id: '29:someone-else' }] }))).toBe(false);
    expect(botWasRemoved(teamsActivity('conversation_update_bot_added', { membersAdded: [], membersRemoved: [{ id: '28:8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' }] }))).toBe(true);
  });

  it('keeps a reference to the channel itself, not to one thread of it', () => {
    const ref = referenceOf(teamsActivity('channel_mention'));
    expect(ref.conversation?.id).toBe('19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2');
    expect(ref.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
    expect(ref.bot?.id).toBe('28:8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b');
  });

  it('stores, lists and removes references by conversation id', async () => {
    const store = memoryConversationRefStore();
    const ref = referenceOf(teamsActivity('conversation_update_bot_added'));
    await store.save(ref);
    await store.save(ref);
    expect(await store.list()).toHaveLength(1);
    expect(await store.get('19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2')).toEqual(ref);
    await store.remove('19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2');
    expect(await store.list()).toEqual([]);
  });

  it('tells how to subscribe to the digest only when the digest commands are wired', () => {
    expect(JSON.stringify(renderWelcome('About.', 'personal', true))).toContain('Type **subscribe**');
    expect(JSON.stringify(renderWelcome('About.', 'channel', true))).toContain('@mention me with **subscribe**');
    expect(JSON.stringify(renderWelcome('About.', 'personal'))).not.toContain('subscribe');
  });
});
