import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LOGGED_QUESTION_CHARS, type RotationState } from '../../src/core/store.js';
import { ANSWER_TTL_MS } from '../../src/store/answers.js';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { SALT_FILE } from '../../src/store/salt.js';
import { fakeClock, tempDir, tempStore } from '../core/digest/fakes.js';

const opened: { close(): void }[] = [];
const track = <T extends { close(): void }>(s: T): T => (opened.push(s), s);
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const sub = (channel: string, time = '09:00', timeZone = 'Europe/Paris') => ({ platform: 'slack', channel, time, timeZone });

describe('opening the store', () => {
  it('creates DATA_DIR, the database in WAL mode and every migration, from empty', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const store = track(openSqliteStore({ dataDir: dir }));
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['conversation_refs', 'digests', 'feedback', 'questions', 'rotations', 'schema_migrations', 'subscriptions']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    db.close();
  });

  it('applies no migration twice when reopened', () => {
    const dir = tempDir();
    openSqliteStore({ dataDir: dir }).close();
    const again = track(openSqliteStore({ dataDir: dir }));
    expect(again.schemaVersion).toBe(MIGRATIONS.length);
    const db = track(new Database(join(dir, DB_FILE), { readonly: true }));
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('refuses a database written by a newer release, saying what to do', () => {
    const dir = tempDir();
    openSqliteStore({ dataDir: dir }).close();
    const db = new Database(join(dir, DB_FILE));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)").run();
    db.close();
    expect(() => openSqliteStore({ dataDir: dir })).toThrow(/schema version 99.*upgrade eu-china-bot/);
  });

  it('creates one private salt file and keeps using it', () => {
    const dir = tempDir();
    const first = openSqliteStore({ dataDir: dir });
    first.close();
    const salt = readFileSync(join(dir, SALT_FILE), 'utf8');
    expect(salt.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, SALT_FILE)).mode & 0o777).toBe(0o600);
    track(openSqliteStore({ dataDir: dir }));
    expect(readFileSync(join(dir, SALT_FILE), 'utf8')).toBe(salt);
  });
});

describe('subscriptions', () => {
  it('adds, updates (keeping the creation time), lists, reads and removes a subscription', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    const added = await store.subscribe(sub('slack:C1'));
    expect(added.created).toBe(true);
    clock.advance(60_000);
    const updated = await store.subscribe(sub('slack:C1', '08:30', 'America/New_York'));
    expect(updated).toMatchObject({ created: false, subscription: { time: '08:30', timeZone: 'America/New_York' } });
    expect(updated.subscription.createdAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(updated.subscription.updatedAt.toISOString()).toBe('2024-03-01T10:01:00.000Z');
    await store.subscribe({ ...sub('teams:19:abc@thread.tacv2'), platform: 'teams' });
    expect((await store.subscriptions()).map((s) => s.channel)).toEqual(['slack:C1', 'teams:19:abc@thread.tacv2']);
    expect(await store.subscription('slack:C1')).toMatchObject({ platform: 'slack', time: '08:30' });
    expect(await store.unsubscribe('slack:C1')).toBe(true);
    expect(await store.unsubscribe('slack:C1')).toBe(false);
    expect(await store.subscription('slack:C1')).toBeUndefined();
  });

  it('rejects a malformed time at the database level too', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    await expect(store.subscribe(sub('slack:C1', '9am'))).rejects.toThrow(/CHECK constraint/);
  });

  it('seeds configured channels once, and never re-adds one that was unsubscribed', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    await store.subscribe(sub('slack:C2', '07:00'));
    const seeded = await store.seedSubscriptions([sub('slack:C1'), sub('slack:C2')]);
    expect(seeded.map((s) => s.channel)).toEqual(['slack:C1']);
    expect((await store.subscription('slack:C2'))?.time).toBe('07:00');
    await store.unsubscribe('slack:C1');
    expect(await store.seedSubscriptions([sub('slack:C1')])).toEqual([]);
    expect(await store.subscription('slack:C1')).toBeUndefined();
  });
});

describe('digest claims', () => {
  it('lets one store claim a (channel, day), and no one else until it is released', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const a = track(tempStore(clock));
    const b = track(openSqliteStore({ dataDir: a.dataDir, clock }));
    const claim = await a.claimDigest('slack:C1', '2024-03-01', 60_000);
    expect(claim).toBeDefined();
    expect(await b.claimDigest('slack:C1', '2024-03-01', 60_000)).toBeUndefined();
    expect(await b.claimDigest('slack:C1', '2024-03-02', 60_000)).toBeDefined();
    expect(await a.releaseDigest(claim!)).toBe(true);
    expect((await b.digestRecord('slack:C1', '2024-03-01'))?.status).toBe('released');
    const again = await b.claimDigest('slack:C1', '2024-03-01', 60_000);
    expect(again).toBeDefined();
    expect(again?.takenOver).toBeUndefined();
    expect(await a.markDigestSent(claim!)).toBe(false);
    expect(await b.markDigestSent(again!, '1712400000.000001')).toBe(true);
    expect(await a.claimDigest('slack:C1', '2024-03-01', 0)).toBeUndefined();
    expect(await a.digestRecord('slack:C1', '2024-03-01')).toMatchObject({ status: 'sent', day: '2024-03-01', messageId: '1712400000.000001' });
  });

  it('takes over a claim left by a dead process once its lease has expired, and only then', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    const dead = await store.claimDigest('slack:C1', '2024-03-01', 60_000);
    clock.advance(59_000);
    expect(await store.claimDigest('slack:C1', '2024-03-01', 60_000)).toBeUndefined();
    clock.advance(1_000);
    const fresh = await store.claimDigest('slack:C1', '2024-03-01', 60_000);
    expect(fresh?.token).not.toBe(dead?.token);
    expect(fresh?.takenOver).toEqual({ claimedAt: new Date('2024-03-01T10:00:00Z') });
    expect(await store.releaseDigest(dead!)).toBe(false);
    expect((await store.digestRecord('slack:C1', '2024-03-01'))?.status).toBe('claimed');
  });

  it('lists the most recent records first', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    for (const day of ['2024-03-01', '2024-03-02', '2024-03-03']) {
      await store.markDigestSent((await store.claimDigest('slack:C1', day, 1000))!);
      clock.advance(86_400_000);
    }
    expect((await store.digestRecords(2)).map((r) => r.day)).toEqual(['2024-03-03', '2024-03-02']);
  });
});

describe('rotation state', () => {
  it('is absent at first, then read and written in one step', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    const seen: (RotationState | undefined)[] = [];
    const first: RotationState = { order: ['b', 'a'], position: 1, cycle: 0, day: '2024-03-01', entryId: 'b' };
    await store.updateRotation('slack:C1', (s) => (seen.push(s), first));
    const next = await store.updateRotation('slack:C1', (s) => (seen.push(s), { ...first, position: 2, day: '2024-03-02', entryId: 'a' }));
    expect(seen).toEqual([undefined, first]);
    expect(next.entryId).toBe('a');
  });

  it('writes nothing when the update throws', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    await expect(store.updateRotation('slack:C1', () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await store.updateRotation('slack:C1', (s) => (expect(s).toBeUndefined(), { order: ['a'], position: 0, cycle: 0 }));
  });
});

describe('Teams conversation references', () => {
  it('saves, replaces, reads, lists and removes them as opaque JSON', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    await store.saveConversationRef('19:a@thread', '{"v":1}');
    await store.saveConversationRef('19:a@thread', '{"v":2}');
    await store.saveConversationRef('a:personal', '{"v":3}');
    expect(await store.conversationRef('19:a@thread')).toBe('{"v":2}');
    expect(await store.conversationRefs()).toEqual([
      { conversationId: '19:a@thread', json: '{"v":2}' },
      { conversationId: 'a:personal', json: '{"v":3}' },
    ]);
    expect(await store.removeConversationRef('a:personal')).toBe(true);
    expect(await store.conversationRef('a:personal')).toBeUndefined();
  });
});

describe('the question log and feedback', () => {
  it('keeps a salted hash of the asker, never the raw id, and the first 500 characters', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    const long = `why ${'x'.repeat(600)}`;
    await store.logQuestion({ at: clock.now(), platform: 'slack', channel: 'slack:C1', askerId: 'U0SECRETID', question: long, decision: 'decline', confidence: 0.1 });
    await store.logQuestion({ at: clock.now(), platform: 'slack', channel: 'slack:C1', askerId: 'U0SECRETID', question: 'who wrote it', decision: 'answer', entryId: 'paper-author', confidence: 0.9 });
    const [first, second] = await store.questions({});
    expect(first?.question).toHaveLength(500);
    expect(first?.askerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.askerHash).toBe(first?.askerHash);
    expect(second).toMatchObject({ entryId: 'paper-author', decision: 'answer', confidence: 0.9, channel: 'slack:C1' });
    store.close();
    opened.pop();
    expect(readFileSync(join(store.dataDir, DB_FILE)).includes('U0SECRETID')).toBe(false);
  });

  it('hashes the same id differently in another database (another salt)', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const [a, b] = [track(tempStore(clock)), track(tempStore(clock))];
    const q = { at: clock.now(), platform: 'slack', askerId: 'U1', question: 'q', decision: 'answer' as const, confidence: 1 };
    await a.logQuestion(q);
    await b.logQuestion(q);
    expect((await a.questions({}))[0]?.askerHash).not.toBe((await b.questions({}))[0]?.askerHash);
  });

  it('filters questions by time range [since, until) and channel', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    const at = (iso: string, channel?: string) =>
      store.logQuestion({ at: new Date(iso), platform: 'slack', question: iso, decision: 'decline', confidence: 0, ...(channel ? { channel } : {}) });
    await at('2024-03-01T00:00:00Z', 'slack:C1');
    await at('2024-03-01T12:00:00Z', 'slack:C2');
    await at('2024-03-02T00:00:00Z', 'slack:C1');
    await at('2024-03-01T13:00:00Z');
    const day = { since: new Date('2024-03-01T00:00:00Z'), until: new Date('2024-03-02T00:00:00Z') };
    expect((await store.questions(day)).map((q) => q.question)).toEqual(['2024-03-01T00:00:00Z', '2024-03-01T12:00:00Z', '2024-03-01T13:00:00Z']);
    expect((await store.questions({ ...day, channel: 'slack:C1' })).map((q) => q.question)).toEqual(['2024-03-01T00:00:00Z']);
    expect((await store.questions({ since: new Date('2024-03-01T12:30:00Z') })).length).toBe(2);
  });

  it('records feedback clicks as a FeedbackSink, with the clicker hashed', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    await store.record({ platform: 'teams', userId: 'aad-user-1', entryId: 'paper-author', helpful: false });
    clock.advance(1000);
    await store.record({ platform: 'slack', userId: 'U1', entryId: 'paper-author', helpful: true });
    const rows = await store.feedback({ since: new Date('2024-03-01T10:00:00.500Z') });
    expect(rows).toEqual([{ at: new Date('2024-03-01T10:00:01Z'), platform: 'slack', userHash: expect.stringMatching(/^[0-9a-f]{64}$/), entryId: 'paper-author', helpful: true }]);
    expect((await store.feedback({})).map((f) => f.helpful)).toEqual([false, true]);
  });

  it('keeps a feedback comment trimmed and cut like a question, and no comment as none', async () => {
    const store = track(tempStore(fakeClock('2024-03-01T10:00:00Z')));
    await store.record({ platform: 'teams', userId: 'aad-user-1', entryId: 'paper-author', helpful: false, comment: `  ${'x'.repeat(5000)}  ` });
    await store.record({ platform: 'teams', userId: 'aad-user-1', entryId: 'paper-author', helpful: true, comment: '   ' });
    const [long, blank] = await store.feedback({});
    expect(long?.comment).toBe('x'.repeat(MAX_LOGGED_QUESTION_CHARS));
    expect(blank).not.toHaveProperty('comment');
  });

  it('remembers the entry of an answered message for 90 days', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    await store.rememberAnswer('k1', 'paper-author');
    expect(await store.answeredEntry('k1')).toBe('paper-author');
    expect(await store.answeredEntry('k2')).toBeUndefined();
    clock.advance(ANSWER_TTL_MS);
    expect(await store.answeredEntry('k1')).toBeUndefined();
  });
});
