/**
 * Digest claims and per-channel rotation in SQLite. A claim is one upsert whose WHERE clause
 * decides whether this caller gets it; SQLite serialises writers, so of two processes sharing
 * the file exactly one sees `changes === 1`. Only the holder of the random token can mark the
 * claim sent or release it, so a process whose lease was taken over cannot undo the new owner.
 * The claim reads the row it replaces in the same IMMEDIATE transaction, so the new holder knows
 * when it took over an unsettled claim (whose post may have gone out) rather than a released one.
 */
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from './sqliteDriver.js';
import type { DigestClaim, DigestLedger, DigestRecord, DigestStatus, RotationState, RotationStore } from '../core/store.js';
import { toRotation } from './shared.js';

interface DigestRow {
  channel: string;
  day: string;
  status: DigestStatus;
  claimed_at: number;
  updated_at: number;
  message_id: string | null;
}

const toRecord = (r: DigestRow): DigestRecord => ({
  channel: r.channel,
  day: r.day,
  status: r.status,
  claimedAt: new Date(r.claimed_at),
  updatedAt: new Date(r.updated_at),
  ...(r.message_id !== null ? { messageId: r.message_id } : {}),
});

interface ClaimRequest {
  readonly channel: string;
  readonly day: string;
  readonly leaseMs: number;
  readonly at: number;
}

/** The DigestLedger part of the SQLite store. */
export function sqliteLedger(db: SqliteDatabase, now: () => number): DigestLedger {
  const claim = db.prepare<{ channel: string; day: string; token: string; at: number; staleBefore: number }>(`
    INSERT INTO digests (channel, day, status, token, claimed_at, updated_at)
    VALUES (:channel, :day, 'claimed', :token, :at, :at)
    ON CONFLICT (channel, day) DO UPDATE SET status = 'claimed', token = excluded.token,
      claimed_at = excluded.claimed_at, updated_at = excluded.updated_at
    WHERE digests.status = 'released' OR (digests.status = 'claimed' AND digests.claimed_at <= :staleBefore)`);
  const settle = db.prepare<{ channel: string; day: string; token: string; status: DigestStatus; at: number; messageId: string | null }>(`
    UPDATE digests SET status = :status, updated_at = :at, message_id = :messageId
    WHERE channel = :channel AND day = :day AND token = :token AND status = 'claimed'`);
  const get = db.prepare<[string, string], DigestRow>('SELECT * FROM digests WHERE channel = ? AND day = ?');
  const recent = db.prepare<[number], DigestRow>('SELECT * FROM digests ORDER BY updated_at DESC, channel LIMIT ?');
  const finish = (c: DigestClaim, status: DigestStatus, messageId?: string): boolean =>
    settle.run({ channel: c.channel, day: c.day, token: c.token, status, at: now(), messageId: messageId ?? null }).changes === 1;
  const claimOnce = db.immediateTransaction(({ channel, day, leaseMs, at }: ClaimRequest): DigestClaim | undefined => {
    const previous = get.get(channel, day);
    const token = randomUUID();
    if (claim.run({ channel, day, token, at, staleBefore: at - leaseMs }).changes !== 1) return undefined;
    return previous?.status === 'claimed' ? { channel, day, token, takenOver: { claimedAt: new Date(previous.claimed_at) } } : { channel, day, token };
  });

  return {
    claimDigest: async (channel, day, leaseMs) => claimOnce({ channel, day, leaseMs, at: now() }),
    markDigestSent: async (c, messageId) => finish(c, 'sent', messageId),
    releaseDigest: async (c) => finish(c, 'released'),
    digestRecord: async (channel, day) => {
      const row = get.get(channel, day);
      return row ? toRecord(row) : undefined;
    },
    digestRecords: async (limit) => recent.all(limit).map(toRecord),
  };
}

interface RotationRow {
  entry_order: string;
  position: number;
  cycle: number;
  day: string | null;
  entry_id: string | null;
}

const rotationOf = (r: RotationRow): RotationState => toRotation(JSON.parse(r.entry_order), r.position, r.cycle, r.day, r.entry_id);

/** The RotationStore part of the SQLite store. */
export function sqliteRotation(db: SqliteDatabase): RotationStore {
  const get = db.prepare<[string], RotationRow>('SELECT entry_order, position, cycle, day, entry_id FROM rotations WHERE channel = ?');
  const put = db.prepare<[string, string, number, number, string | null, string | null]>(`
    INSERT INTO rotations (channel, entry_order, position, cycle, day, entry_id) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET entry_order = excluded.entry_order, position = excluded.position,
      cycle = excluded.cycle, day = excluded.day, entry_id = excluded.entry_id`);
  const update = db.immediateTransaction((channel: string, fn: (current: RotationState | undefined) => RotationState) => {
    const row = get.get(channel);
    const next = fn(row ? rotationOf(row) : undefined);
    put.run(channel, JSON.stringify(next.order), next.position, next.cycle, next.day ?? null, next.entryId ?? null);
    return next;
  });
  return { updateRotation: async (channel, fn) => update(channel, fn) };
}
