/**
 * The question log's write-behind queue, shared by both stores. A question is logged after its
 * answer is sent, and each commit of SQLite (synchronous=FULL) is an fsync on the event loop, so
 * one commit per question was a large part of each event's cost. Records wait in memory and are
 * written `maxBatch` at a time, in one transaction (SQLite) or one multi-row INSERT (PostgreSQL),
 * at most `flushMs` after the first of them arrived, as soon as `maxBatch` wait, and on close.
 *
 * - Each record's promise resolves once its batch is committed, and rejects with a StoreError when
 *   its batch failed or it was dropped: an awaited write is still saved when it resolves.
 * - The queue holds at most `maxQueue` records. When full (the database is slower than the flow of
 *   questions, or failing) the OLDEST waiting record is dropped: blocking would put the log back on
 *   the reply's critical path, and the log is for the curator's report, never confirmed to a user.
 * - Failures are logged once: the first failed batch or drop logs one line; later ones are only
 *   counted, and the next successful write (or close) logs the totals lost. A failed batch is not
 *   retried (its rows may have reached a database file that was deleted or replaced).
 * - What a crash (SIGKILL, power loss) may lose: the records still waiting, that is the questions
 *   of the last `flushMs` (at most one batch); more only while the database is too slow to keep up,
 *   up to `maxQueue`. A stop (SIGTERM, `close()`) loses nothing: close writes everything waiting.
 * - While records wait, a timer keeps the process alive, so a program that ends without closing
 *   the store still writes them.
 */
import { StoreError } from '../core/errors.js';
import type { Logger } from '../core/ports.js';

export interface WriteQueueOptions {
  /** Longest a record waits before its batch is written, ms (default 100). */
  readonly flushMs?: number;
  /** Records per batch; a full batch is written at once (default 500). */
  readonly maxBatch?: number;
  /** Records waiting at most; past it the oldest is dropped (default 10,000). */
  readonly maxQueue?: number;
}

export const QUESTION_LOG_DEFAULTS = { flushMs: 100, maxBatch: 500, maxQueue: 10_000 } as const;

export interface WriteQueue<T> {
  /** Queues `item`; resolves once it is committed, rejects with a StoreError if it was not saved. */
  push(item: T): Promise<void>;
  /** Writes everything waiting now; resolves when done (failures go to the records' promises). */
  flush(): Promise<void>;
  /** Writes everything waiting, then refuses new records. A synchronous writer has finished when this returns. */
  close(): Promise<void>;
}

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: StoreError) => void;
}

/** What went wrong since the last successful write (logged once when it starts, totalled when it ends). */
interface Trouble {
  failedBatches: number;
  lost: number;
  dropped: number;
}

/**
 * A queue in front of `write`, which saves one batch (synchronously, like better-sqlite3, or
 * returning a promise) or throws. `what` names the log in messages; `logger` is told of failures.
 */
export function createWriteQueue<T>(what: string, write: (batch: T[]) => void | Promise<void>, options: WriteQueueOptions & { readonly logger?: Logger } = {}): WriteQueue<T> {
  const queue = new WriteBehind(what, write, { ...QUESTION_LOG_DEFAULTS, ...options }, options.logger);
  return { push: (item) => queue.push(item), flush: () => queue.flush(), close: () => queue.close() };
}

class WriteBehind<T> {
  private queue: Waiting<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;
  private trouble: Trouble | undefined;
  private readonly later = (): void => void this.flush();

  constructor(
    private readonly what: string,
    private readonly write: (batch: T[]) => void | Promise<void>,
    private readonly limits: Required<WriteQueueOptions>,
    private readonly logger: Logger | undefined,
  ) {}

  push(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.closed) return reject(new StoreError(`the ${this.what} is closed`));
      this.queue.push({ item, resolve, reject });
      if (this.queue.length > this.limits.maxQueue) this.drop();
      if (this.queue.length >= this.limits.maxBatch) this.immediate ??= setImmediate(this.later);
      else this.timer ??= setTimeout(this.later, this.limits.flushMs);
    });
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = this.immediate = undefined;
    if (this.writing) return this.writing.then(() => this.flush());
    const pending = this.writeAll();
    if (!pending) return Promise.resolve();
    this.writing = pending.finally(() => (this.writing = undefined));
    return this.writing;
  }

  close(): Promise<void> {
    this.closed = true;
    return this.flush().then(() => this.troubleEnds('closed'));
  }

  /** Writes every waiting batch; returns a promise only when the writer is asynchronous. */
  private writeAll(): Promise<void> | undefined {
    const { maxBatch } = this.limits;
    while (this.queue.length > 0) {
      const batch = this.queue.length <= maxBatch ? this.queue : this.queue.slice(0, maxBatch);
      this.queue = this.queue.length <= maxBatch ? [] : this.queue.slice(maxBatch);
      let pending;
      try {
        pending = this.write(batch.map((w) => w.item));
      } catch (error) {
        this.failed(batch, error);
        continue;
      }
      if (pending) return pending.then(() => this.saved(batch), (error: unknown) => this.failed(batch, error)).then(() => this.writeAll());
      this.saved(batch);
    }
    return undefined;
  }

  private saved(batch: Waiting<T>[]): void {
    this.troubleEnds('saving again');
    for (const w of batch) w.resolve();
  }

  private failed(batch: Waiting<T>[], cause: unknown): void {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const error = new StoreError(cause instanceof StoreError ? cause.message : `the ${this.what} could not be saved (${reason})`, { cause, reported: this.logger !== undefined });
    const trouble = (this.trouble ??= this.troubleStarts('error', `a batch of ${batch.length} questions could not be saved`, { questions: batch.length, error }));
    trouble.failedBatches += 1;
    trouble.lost += batch.length;
    for (const w of batch) w.reject(error);
  }

  private drop(): void {
    const oldest = this.queue.shift();
    if (!oldest) return;
    const { maxQueue } = this.limits;
    const trouble = (this.trouble ??= this.troubleStarts('warn', `more than ${maxQueue} questions are waiting to be saved; dropping the oldest`, { maxQueue }));
    trouble.dropped += 1;
    oldest.reject(new StoreError(`the ${this.what} dropped a question: more than ${maxQueue} were waiting to be saved`, { reported: this.logger !== undefined }));
  }

  private troubleStarts(level: 'warn' | 'error', message: string, fields: Record<string, unknown>): Trouble {
    this.logger?.[level](`${this.what}: ${message}; the answers were sent. Further failures are counted until a write succeeds`, fields);
    return { failedBatches: 0, lost: 0, dropped: 0 };
  }

  private troubleEnds(how: string): void {
    const t = this.trouble;
    if (t) this.logger?.warn(`${this.what}: ${how}`, { failedBatches: t.failedBatches, questionsLost: t.lost, questionsDropped: t.dropped });
    this.trouble = undefined;
  }
}
