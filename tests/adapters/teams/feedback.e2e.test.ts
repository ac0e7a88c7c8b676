/**
 * Teams' native feedback end to end: an answer POSTed through the real CloudAdapter goes out with
 * `channelData.feedbackLoopEnabled`, and the `message/submitAction` invoke a thumbs sends (fixture
 * shaped as in Teams' "feedback buttons" docs) is answered 200 with an empty body and stored as
 * feedback against the answered entry, pseudonymised, with the form's comment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commentOf } from '../../../src/adapters/teams/feedback.js';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { startFakeConnector, startTeamsServer, teamsFixture, type FakeConnector, type Json, type TeamsServer } from '../../helpers/teams.js';
import { startDigestHarness, type DigestHarness } from '../../helpers/teamsDigest.js';

loopbackOnly();
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
const AAD = '6f4a2c1e-93b7-4d2a-8e51-0c7d9b3a5f12';
const COMMENT = 'The quote is right but I wanted the date of the meeting.';

describe('Teams native feedback (real CloudAdapter, fake connector, in-memory answers)', () => {
  let connector: FakeConnector;
  let server: TeamsServer;
  const start = async (): Promise<void> => {
    connector = await startFakeConnector();
    server = await startTeamsServer({ bot });
  };
  afterEach(async () => {
    await server.close();
    await connector.close();
  });
  const fixture = (name: string, overrides: Json = {}): Json => teamsFixture(name, { serviceUrl: connector.url, ...overrides });
  const invoke = (overrides: Json = {}): Json => fixture('message_submit_action_feedback', overrides);

  it('switches the feedback buttons on for an answer, and off for a decline', async () => {
    await start();
    await server.post(fixture('personal_message'));
    await server.post(fixture('personal_message', { id: 'p-decline', text: 'What is the best ratatouille recipe with aubergines?' }));
    const [answer, decline] = connector.requests;
    expect(answer?.activity['channelData']).toEqual({ feedbackLoopEnabled: true });
    expect(decline?.activity['channelData']).toBeUndefined();
  });

  it('answers the submitAction invoke 200 with an empty body and stores a dislike with its comment', async () => {
    await start();
    await server.post(fixture('personal_message'));
    const sentId = 'reply-1'; // the id the connector gave the answer
    const res = await server.post(invoke({ replyToId: sentId }));
    expect(res).toEqual({ status: 200, body: '' });
    expect(server.feedback.records).toEqual([{ platform: 'teams', userId: AAD, entryId: 'paper-author', helpful: false, comment: COMMENT }]);
    // The port gets the platform id, the store keeps only its salted hash (below); adapters no longer hash.
    expect(connector.requests).toHaveLength(1); // Teams shows its own "feedback sent"; the bot says nothing
  });

  it('stores a like without a comment, once, however often the invoke is redelivered', async () => {
    await start();
    await server.post(fixture('personal_message'));
    const like = invoke({ id: 'f:like-1', replyToId: 'reply-1', value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } } });
    expect((await server.post(like)).status).toBe(200);
    expect((await server.post(like)).status).toBe(200);
    expect(server.feedback.records).toEqual([{ platform: 'teams', userId: AAD, entryId: 'paper-author', helpful: true }]);
  });

  it('answers 200 but stores nothing for feedback on a message it has no answer for', async () => {
    await start();
    const res = await server.post(invoke({ replyToId: 'never-sent' }));
    expect(res).toEqual({ status: 200, body: '' });
    expect(server.feedback.records).toEqual([]);
    expect(server.logger.entries.map((e) => e.message)).toContain('teams: feedback on a message whose entry is unknown, not stored');
    expect(JSON.stringify(server.logger.entries)).not.toContain(COMMENT);
  });

  it('answers 400 to a submitAction whose value is not feedback it understands', async () => {
    await start();
    const res = await server.post(invoke({ value: { actionName: 'feedback', actionValue: { reaction: 'meh' } } }));
    expect(res.status).toBe(400);
    expect(server.feedback.records).toEqual([]);
  });
});

describe('Teams native feedback with the real SQLite store (migration 5)', () => {
  let h: DigestHarness;
  afterEach(async () => h.close());

  it('keeps the answered entry and the comment in the store, across a restart', async () => {
    h = await startDigestHarness(bot, '2024-04-02T09:00:00Z');
    await h.personal('Who wrote the paper?');
    const dataDir = h.dataDir;
    await h.close();
    h = await startDigestHarness(bot, '2024-04-02T09:05:00Z', dataDir);
    // The first connector answered `reply-1`; the restarted bot must still know which entry that was.
    await h.activity('message_submit_action_feedback', { replyToId: 'reply-1' });
    expect(await h.store.feedback({})).toEqual([
      { at: new Date('2024-04-02T09:05:00Z'), platform: 'teams', userHash: expect.stringMatching(/^[0-9a-f]{64}$/), entryId: 'paper-author', helpful: false, comment: COMMENT },
    ]);
  });
});

describe('commentOf', () => {
  it('reads the default form (a JSON string), plain text and an object, and treats blank as none', () => {
    expect(commentOf('{"feedbackText":"too long"}')).toBe('too long');
    expect(commentOf('test feedback')).toBe('test feedback');
    expect(commentOf({ feedbackText: ' ok ' })).toBe('ok');
    expect(commentOf('{"feedbackText":"  "}')).toBeUndefined();
    expect(commentOf(undefined)).toBeUndefined();
  });
});
