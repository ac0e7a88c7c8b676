/**
 * Digest claims and per-channel rotation in PostgreSQL, shared by every replica. A claim is one
 * upsert whose WHERE clause only lets a released claim or an expired lease be overwritten, and
 * RETURNING says whether this caller got it: a competing upsert waits on the row and re-checks
 * the clause against the winner's row, so exactly one replica wins. The row it replaces is read
 * first with FOR UPDATE in the same transaction, so the winner knows when it took over an
 * unsettled claim (whose post may have gone out) rather than a released one. Rotation is a
 * read-modify-write under SELECT ... FOR UPDATE; for a channel with no row yet, a placeholder
 * row is inserted first so there is a row to lock (a second replica waits on that insert).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DigestClaim, DigestLedger, DigestRecord, DigestStatus, RotationState, RotationStore } from '../../core/store.js';
import { toRotation } from '../shared.js';
import { inTransaction } from './pool.js';

interface DigestRow {
  channel: string;
  day: string;
  status: DigestStatus;
  claimed_at: Date;
  updated_at: Date;
  message_id: string | null;
}

const COLUMNS = 'channel, day, status, claimed_at, updated_at, message_id';

const toRecord = (r: DigestRow): DigestRecord => ({
  channel: r.channel,
  day: r.day,
  status: r.status,
  claimedAt: r.claimed_at,
  updatedAt: r.updated_at,
  ...(r.message_id !== null ? { messageId: r.message_id } : {}),
});

const CLAIM = `
  INSERT INTO digests (channel, day, status, token, claimed_at, updated_at)
  VALUES ($1, $2, 'claimed', $3, $4, $4)
  ON CONFLICT (channel, day) DO UPDATE SET status = 'claimed', token = EXCLUDED.token,
    claimed_at = EXCLUDED.claimed_at, updated_at = EXCLUDED.updated_at, message_id = NULL
  WHERE digests.status = 'released' OR (digests.status = 'claimed' AND digests.claimed_at <= $5)
  RETURNING token`;

const SETTLE = `
  UPDATE digests SET status = $4, updated_at = $5, message_id = $6
  WHERE channel = $1 AND day = $2 AND token = $3 AND status = 'claimed'`;

/** The DigestLedger part of the PostgreSQL store. */
export function pgLedger(pool: pg.Pool, now: () => number): DigestLedger {
  const finish = async (c: DigestClaim, status: DigestStatus, messageId?: string): Promise<boolean> =>
    (await pool.query(SETTLE, [c.channel, c.day, c.token, status, new Date(now()), messageId ?? null])).rowCount === 1;
  return {
    claimDigest: (channel, day, leaseMs) =>
      inTransaction(pool, async (client): Promise<DigestClaim | undefined> => {
        const at = now();
        const before = await client.query<{ status: DigestStatus; claimed_at: Date }>(
          'SELECT status, claimed_at FROM digests WHERE channel = $1 AND day = $2 FOR UPDATE',
          [channel, day],
        );
        const token = randomUUID();
        const won = await client.query(CLAIM, [channel, day, token, new Date(at), new Date(at - leaseMs)]);
        if (won.rowCount !== 1) return undefined;
        const previous = before.rows[0];
        return previous?.status === 'claimed' ? { channel, day, token, takenOver: { claimedAt: previous.claimed_at } } : { channel, day, token };
      }),
    markDigestSent: (c, messageId) => finish(c, 'sent', messageId),
    releaseDigest: (c) => finish(c, 'released'),
    digestRecord: async (channel, day) => {
      const { rows } = await pool.query<DigestRow>(`SELECT ${COLUMNS} FROM digests WHERE channel = $1 AND day = $2`, [channel, day]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    digestRecords: async (limit) =>
      (await pool.query<DigestRow>(`SELECT ${COLUMNS} FROM digests ORDER BY updated_at DESC, channel LIMIT $1`, [limit])).rows.map(toRecord),
  };
}

interface RotationRow {
  entry_order: unknown;
  position: number;
  cycle: number;
  day: string | null;
  entry_id: string | null;
}

async function updateRotation(client: pg.PoolClient, channel: string, update: (current: RotationState | undefined) => RotationState): Promise<RotationState> {
  await client.query('INSERT INTO rotations (channel) VALUES ($1) ON CONFLICT (channel) DO NOTHING', [channel]);
  const { rows } = await client.query<RotationRow>('SELECT entry_order, position, cycle, day, entry_id FROM rotations WHERE channel = $1 FOR UPDATE', [channel]);
  const row = rows[0];
  const current = row && row.entry_order !== null ? toRotation(row.entry_order, row.position, row.cycle, row.day, row.entry_id) : undefined;
  const next = update(current);
  await client.query('UPDATE rotations SET entry_order = $2, position = $3, cycle = $4, day = $5, entry_id = $6 WHERE channel = $1', [
    channel,
    JSON.stringify(next.order),
    next.position,
    next.cycle,
    next.day ?? null,
    next.entryId ?? null,
  ]);
  return next;
}

/** The RotationStore part of the PostgreSQL store. */
export function pgRotation(pool: pg.Pool): RotationStore {
  return { updateRotation: (channel, update) => inTransaction(pool, (client) => updateRotation(client, channel, update)) };
}
