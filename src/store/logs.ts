/**
 * The question log, feedback clicks and Teams conversation references in SQLite. Askers' and
 * clickers' ids are replaced by a salted hash before they reach a statement, and questions and
 * feedback comments are cut to MAX_LOGGED_QUESTION_CHARS: the log is for the curator's report, not for profiling people.
 */
import type { SqliteDatabase } from './sqliteDriver.js';
import type { Decision } from '../core/types.js';
import type { Logger } from '../core/ports.js';
import type { ConversationRefStore, FeedbackLog, LogQuery, LoggedQuestion, QuestionLog, QuestionRecord } from '../core/store.js';
import { cutComment, cutText } from './shared.js';
import { createWriteQueue, type WriteQueue, type WriteQueueOptions } from './writeQueue.js';

type Hash = (platform: string, id: string) => string;

/** How the question log batches its writes, and who hears of a batch that failed. */
export type QuestionLogOptions = WriteQueueOptions & { readonly logger?: Logger };

interface QuestionRow {
  at: number;
  platform: string;
  channel: string | null;
  asker_hash: string | null;
  question: string;
  decision: Decision;
  entry_id: string | null;
  confidence: number;
}

const toQuestion = (r: QuestionRow): LoggedQuestion => ({
  at: new Date(r.at),
  platform: r.platform,
  question: r.question,
  decision: r.decision,
  confidence: r.confidence,
  ...(r.channel !== null ? { channel: r.channel } : {}),
  ...(r.asker_hash !== null ? { askerHash: r.asker_hash } : {}),
  ...(r.entry_id !== null ? { entryId: r.entry_id } : {}),
});

/** [since, until) as bind parameters; an open end is the widest integer range. */
const range = (q: LogQuery) => ({ since: q.since?.getTime() ?? Number.MIN_SAFE_INTEGER, until: q.until?.getTime() ?? Number.MAX_SAFE_INTEGER });

/**
 * The QuestionLog part of the SQLite store: records wait in a write-behind queue (writeQueue.ts)
 * and each batch is one IMMEDIATE transaction, followed by the file identity `check`. Reads
 * write what is waiting first, so this process always reads its own questions.
 */
export function sqliteQuestions(db: SqliteDatabase, hash: Hash, check: () => void, options: QuestionLogOptions = {}): QuestionLog & { readonly queue: WriteQueue<QuestionRecord> } {
  const insert = db.prepare<[number, string, string | null, string | null, string, Decision, string | null, number]>(`
    INSERT INTO questions (at, platform, channel, asker_hash, question, decision, entry_id, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const select = db.prepare<{ since: number; until: number; channel: string | null }, QuestionRow>(`
    SELECT at, platform, channel, asker_hash, question, decision, entry_id, confidence FROM questions
    WHERE at >= :since AND at < :until AND (:channel IS NULL OR channel = :channel) ORDER BY at, id`);
  const insertAll = db.immediateTransaction((batch: readonly QuestionRecord[]) => {
    for (const r of batch) {
      const asker = r.askerId ? hash(r.platform, r.askerId) : null;
      insert.run(r.at.getTime(), r.platform, r.channel ?? null, asker, cutText(r.question), r.decision, r.entryId ?? null, r.confidence);
    }
  });
  const queue = createWriteQueue<QuestionRecord>('question log', (batch) => {
    insertAll(batch);
    check();
  }, options);
  return {
    queue,
    logQuestion: (r) => queue.push(r),
    questions: async (q) => {
      await queue.flush();
      return select.all({ ...range(q), channel: q.channel ?? null }).map(toQuestion);
    },
  };
}

interface FeedbackRow {
  at: number;
  platform: string;
  user_hash: string;
  entry_id: string;
  helpful: number;
  comment: string | null;
}

/** The FeedbackLog part (FeedbackSink included) of the SQLite store. */
export function sqliteFeedback(db: SqliteDatabase, hash: Hash, now: () => number): FeedbackLog {
  const insert = db.prepare<[number, string, string, string, number, string | null]>(
    'INSERT INTO feedback (at, platform, user_hash, entry_id, helpful, comment) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<{ since: number; until: number }, FeedbackRow>(
    'SELECT at, platform, user_hash, entry_id, helpful, comment FROM feedback WHERE at >= :since AND at < :until ORDER BY at, id',
  );
  return {
    record: async (f) => void insert.run(now(), f.platform, hash(f.platform, f.userId), f.entryId, f.helpful ? 1 : 0, cutComment(f.comment)),
    feedback: async (q) =>
      select.all(range(q)).map((r) => ({
        at: new Date(r.at),
        platform: r.platform,
        userHash: r.user_hash,
        entryId: r.entry_id,
        helpful: r.helpful === 1,
        ...(r.comment !== null ? { comment: r.comment } : {}),
      })),
  };
}

/** The ConversationRefStore part of the SQLite store. */
export function sqliteConversationRefs(db: SqliteDatabase, now: () => number): ConversationRefStore {
  const put = db.prepare<[string, string, number]>(
    'INSERT INTO conversation_refs (id, ref, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET ref = excluded.ref, updated_at = excluded.updated_at',
  );
  const get = db.prepare<[string], { ref: string }>('SELECT ref FROM conversation_refs WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM conversation_refs WHERE id = ?');
  const all = db.prepare<[], { id: string; ref: string }>('SELECT id, ref FROM conversation_refs ORDER BY id');
  return {
    saveConversationRef: async (id, json) => void put.run(id, json, now()),
    conversationRef: async (id) => get.get(id)?.ref,
    removeConversationRef: async (id) => remove.run(id).changes === 1,
    conversationRefs: async () => all.all().map((r) => ({ conversationId: r.id, json: r.ref })),
  };
}
