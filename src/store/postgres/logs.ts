/**
 * The question log, feedback and Teams conversation references in PostgreSQL. As in SQLite,
 * askers' and clickers' ids are replaced by a salted hash before they reach a statement, and
 * questions and comments are cut (src/store/shared.ts). The salt comes from PSEUDONYM_SALT, never
 * from the database, so a dump of the database alone cannot test a guessed id against the hashes.
 */
import type pg from 'pg';
import type { ConversationRefStore, FeedbackLog, LogQuery, LoggedQuestion, QuestionLog, QuestionRecord } from '../../core/store.js';
import type { Decision } from '../../core/types.js';
import type { QuestionLogOptions } from '../logs.js';
import { cutComment, cutText } from '../shared.js';
import { createWriteQueue, type WriteQueue } from '../writeQueue.js';

type Hash = (platform: string, id: string) => string;

interface QuestionRow {
  at: Date;
  platform: string;
  channel: string | null;
  asker_hash: string | null;
  question: string;
  decision: Decision;
  entry_id: string | null;
  confidence: number;
}

const toQuestion = (r: QuestionRow): LoggedQuestion => ({
  at: r.at,
  platform: r.platform,
  question: r.question,
  decision: r.decision,
  confidence: r.confidence,
  ...(r.channel !== null ? { channel: r.channel } : {}),
  ...(r.asker_hash !== null ? { askerHash: r.asker_hash } : {}),
  ...(r.entry_id !== null ? { entryId: r.entry_id } : {}),
});

/** [since, until) as $1, $2 (null: open end). */
const IN_RANGE = '($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)';
const range = (q: LogQuery): (Date | null)[] => [q.since ?? null, q.until ?? null];

const QUESTION_COLUMNS = 8;

/** One INSERT of every record in `batch`: ($1, ..., $8), ($9, ..., $16), ... */
function insertQuestions(batch: readonly QuestionRecord[], hash: Hash): { text: string; values: unknown[] } {
  const rows: string[] = [];
  const values: unknown[] = [];
  for (const r of batch) {
    const at = values.length;
    rows.push(`(${Array.from({ length: QUESTION_COLUMNS }, (_, i) => `$${at + i + 1}`).join(', ')})`);
    values.push(r.at, r.platform, r.channel ?? null, r.askerId ? hash(r.platform, r.askerId) : null, cutText(r.question), r.decision, r.entryId ?? null, r.confidence);
  }
  return { text: `INSERT INTO questions (at, platform, channel, asker_hash, question, decision, entry_id, confidence) VALUES ${rows.join(', ')}`, values };
}

/**
 * The QuestionLog part of the PostgreSQL store: records wait in a write-behind queue
 * (../writeQueue.ts) and each batch is one multi-row INSERT (one statement, so all or none).
 * Reads write what is waiting first, so this replica always reads its own questions.
 */
export function pgQuestions(pool: pg.Pool, hash: Hash, options: QuestionLogOptions = {}): QuestionLog & { readonly queue: WriteQueue<QuestionRecord> } {
  const queue = createWriteQueue<QuestionRecord>('question log', async (batch) => {
    const { text, values } = insertQuestions(batch, hash);
    await pool.query(text, values);
  }, options);
  return {
    queue,
    logQuestion: (r) => queue.push(r),
    questions: async (q) => {
      await queue.flush();
      const { rows } = await pool.query<QuestionRow>(
        `SELECT at, platform, channel, asker_hash, question, decision, entry_id, confidence FROM questions
         WHERE ${IN_RANGE} AND ($3::text IS NULL OR channel = $3) ORDER BY at, id`,
        [...range(q), q.channel ?? null],
      );
      return rows.map(toQuestion);
    },
  };
}

interface FeedbackRow {
  at: Date;
  platform: string;
  user_hash: string;
  entry_id: string;
  helpful: boolean;
  comment: string | null;
}

/** The FeedbackLog part (FeedbackSink included) of the PostgreSQL store. */
export function pgFeedback(pool: pg.Pool, hash: Hash, now: () => number): FeedbackLog {
  return {
    record: async (f) => {
      await pool.query('INSERT INTO feedback (at, platform, user_hash, entry_id, helpful, comment) VALUES ($1, $2, $3, $4, $5, $6)', [
        new Date(now()),
        f.platform,
        hash(f.platform, f.userId),
        f.entryId,
        f.helpful,
        cutComment(f.comment),
      ]);
    },
    feedback: async (q) => {
      const { rows } = await pool.query<FeedbackRow>(`SELECT at, platform, user_hash, entry_id, helpful, comment FROM feedback WHERE ${IN_RANGE} ORDER BY at, id`, range(q));
      return rows.map((r) => ({
        at: r.at,
        platform: r.platform,
        userHash: r.user_hash,
        entryId: r.entry_id,
        helpful: r.helpful,
        ...(r.comment !== null ? { comment: r.comment } : {}),
      }));
    },
  };
}

/** The ConversationRefStore part of the PostgreSQL store. */
export function pgConversationRefs(pool: pg.Pool, now: () => number): ConversationRefStore {
  return {
    saveConversationRef: async (id, json) => {
      await pool.query(
        'INSERT INTO conversation_refs (id, ref, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET ref = EXCLUDED.ref, updated_at = EXCLUDED.updated_at',
        [id, json, new Date(now())],
      );
    },
    conversationRef: async (id) => (await pool.query<{ ref: string }>('SELECT ref FROM conversation_refs WHERE id = $1', [id])).rows[0]?.ref,
    removeConversationRef: async (id) => (await pool.query('DELETE FROM conversation_refs WHERE id = $1', [id])).rowCount === 1,
    conversationRefs: async () =>
      (await pool.query<{ id: string; ref: string }>('SELECT id, ref FROM conversation_refs ORDER BY id')).rows.map((r) => ({ conversationId: r.id, json: r.ref })),
  };
}
