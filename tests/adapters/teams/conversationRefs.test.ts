import { describe, expect, it } from 'vitest';
import { baseConversationId, conversationIdOf, teamsChannelKey, toInbound } from '../../../src/adapters/teams/inbound.js';
import { parseReference, scrubStoredConversationRefs, storeConversationRefs } from '../../../src/adapters/teams/conversationRefs.js';
import { referenceOf } from '../../../src/adapters/teams/welcome.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../../core/digest/fakes.js';
import { MemoryLogger, teamsActivity } from '../../helpers/teams.js';

const CHANNEL = '19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2';

describe('Teams channel keys', () => {
  it('keys a channel by the channel, not by the thread a message came from', () => {
    expect(baseConversationId(`${CHANNEL};messageid=1712049605512`)).toBe(CHANNEL);
    expect(teamsChannelKey(`${CHANNEL};messageid=1712049605512`)).toBe(`teams:${CHANNEL}`);
    expect(teamsChannelKey('a:1Zq8')).toBe('teams:a:1Zq8');
    expect(conversationIdOf(`teams:${CHANNEL}`)).toBe(CHANNEL);
    expect(conversationIdOf('slack:C123')).toBeUndefined();
    expect(conversationIdOf('teams:')).toBeUndefined();
  });

  it('gives the question log the channel key of a message in a thread, and the thread as its conversation', () => {
    const inbound = toInbound(teamsActivity('channel_mention', { conversation: { id: `${CHANNEL};messageid=1`, conversationType: 'channel', isGroup: true } }));
    expect(inbound).toMatchObject({ channel: `teams:${CHANNEL}`, conversation: `teams:${CHANNEL};messageid=1`, place: 'thread' });
  });
});

describe('conversation references in the Store', () => {
  const open = () => {
    const dataDir = tempDir();
    const logger = new MemoryLogger();
    const store = openSqliteStore({ dataDir, clock: fakeClock('2024-03-31T06:00:00Z') });
    return { dataDir, logger, store, refs: storeConversationRefs(store, logger) };
  };

  it('saves a reference as JSON and reads back the same reference after a reopen', async () => {
    const { dataDir, logger, store, refs } = open();
    const ref = referenceOf(teamsActivity('channel_mention'));
    await refs.save(ref);
    await refs.save(ref);
    store.close();
    const reopened = openSqliteStore({ dataDir });
    const again = storeConversationRefs(reopened, logger);
    expect(await again.get(CHANNEL)).toEqual(JSON.parse(JSON.stringify(ref)));
    expect(await again.get(`${CHANNEL};messageid=99`)).toEqual(await again.get(CHANNEL));
    expect((await again.list()).map((r) => r.conversation?.id)).toEqual([CHANNEL]);
    await again.remove(CHANNEL);
    expect(await again.get(CHANNEL)).toBeUndefined();
    reopened.close();
  });

  it('keys a reference saved from a thread by its channel', async () => {
    const { store, refs } = open();
    const activity = teamsActivity('channel_mention');
    await refs.save({ ...referenceOf(activity), conversation: activity.conversation });
    expect(await store.conversationRef(CHANNEL)).toContain(`"id":"${CHANNEL}"`);
    store.close();
  });

  it('treats an unreadable stored reference as missing, with a warning', async () => {
    const { logger, store, refs } = open();
    await store.saveConversationRef('19:broken', '{"conversation":{"id":"19:broken"}}');
    await store.saveConversationRef('19:garbage', 'not json');
    expect(await refs.get('19:broken')).toBeUndefined();
    expect(await refs.list()).toEqual([]);
    expect(logger.entries.filter((e) => e.level === 'warn').map((e) => e.fields['reason'])).toEqual([
      expect.stringMatching(/^bot: /),
      expect.stringMatching(/^bot: /),
      'not valid JSON',
    ]);
    store.close();
  });

  it('checks the fields a proactive send needs', () => {
    const ok = JSON.stringify(referenceOf(teamsActivity('personal_message')));
    expect(parseReference(ok)).toMatchObject({ ok: true, reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams' } });
    const noUrl: unknown = { ...JSON.parse(ok), serviceUrl: 'ftp://elsewhere' };
    expect(parseReference(JSON.stringify(noUrl))).toMatchObject({ ok: false, reason: expect.stringMatching(/^serviceUrl: /) });
  });
});

describe('what a stored conversation reference may hold', () => {
  const USER = { id: '29:1kx9Xw3Yq-8dHNlRm0Zb6vUjJ3c2F9pQeLsT4aGhBwV7yRzN5oKiMuCdEfA1xS8tPq0', name: 'Alex Martin', aadObjectId: '6f4a2c1e-93b7-4d2a-8e51-0c7d9b3a5f12' };
  const leaks = (json: string | undefined): string[] => [USER.id, USER.name, USER.aadObjectId].filter((value) => json?.includes(value));

  it('keeps neither the user id, nor the name, nor the AAD object id of whoever subscribed', async () => {
    const store = openSqliteStore({ dataDir: tempDir() });
    const refs = storeConversationRefs(store, new MemoryLogger());
    await refs.save(referenceOf(teamsActivity('channel_mention')));
    const json = await store.conversationRef(CHANNEL);
    expect(leaks(json)).toEqual([]);
    expect(await refs.get(CHANNEL)).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams', conversation: { id: CHANNEL, tenantId: '4b1e8c0a-2f3d-4e6a-9b7c-1d2e3f4a5b6c' }, bot: { id: '28:8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' } });
    store.close();
  });

  it('scrubs the user from a row an older version stored, and keeps the row usable', async () => {
    const store = openSqliteStore({ dataDir: tempDir() });
    const old = { ...referenceOf(teamsActivity('channel_mention')), user: USER, conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel', tenantId: 't' } };
    await store.saveConversationRef(CHANNEL, JSON.stringify(old));
    expect(await scrubStoredConversationRefs(store, new MemoryLogger())).toBe(1);
    expect(leaks(await store.conversationRef(CHANNEL))).toEqual([]);
    const ref = await storeConversationRefs(store, new MemoryLogger()).get(CHANNEL);
    expect(ref).toMatchObject({ conversation: { id: CHANNEL }, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(ref?.user).toBeUndefined();
    store.close();
  });
});
