// Hand-written fakes of the digest's ports (clock, logger, message sink) and builders for a real
// SQLite store in a temp dir and a tiny knowledge set, shared by the digest and store tests.
import { createBot, type Bot } from '../../../src/core/bot.js';
import type { Digest } from '../../../src/core/digest/compose.js';
import type { DigestRunnerDeps } from '../../../src/core/digest/scheduler.js';
import { abortable, type PaceTimer } from '../../../src/core/digest/pacing.js';
import type { DigestTarget, MessageSink } from '../../../src/core/digest/sink.js';
import type { Clock, LogFields, Logger } from '../../../src/core/ports.js';
import type { Knowledge } from '../../../src/core/types.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { testTempDir } from '../../helpers/tmp.js';

export interface FakeClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function fakeClock(iso: string): FakeClock {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (s) => void (t = new Date(s).getTime()), advance: (ms) => void (t += ms) };
}

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly fields?: LogFields;
}

export function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, fields?: LogFields) => void lines.push({ level, message, ...(fields ? { fields } : {}) });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A sink that records what it was asked to send and answers like a platform, with a message id
 * (`m1`, `m2`…); `failures` are thrown, one per call, first; `beforePost` runs at each call.
 */
export function fakeSink(
  failures: Error[] = [],
  beforePost?: (target: DigestTarget) => Promise<void>,
): MessageSink & { readonly sent: { target: DigestTarget; digest: Digest }[]; calls: number } {
  const sink = {
    sent: [] as { target: DigestTarget; digest: Digest }[],
    calls: 0,
    send: async (target: DigestTarget, digest: Digest) => {
      sink.calls++;
      await beforePost?.(target);
      const failure = failures.shift();
      if (failure) throw failure;
      sink.sent.push({ target, digest });
      return { messageId: `m${sink.sent.length}` };
    },
  };
  return sink;
}

export const tempDir = (): string => testTempDir('store-');

export function tempStore(clock: Clock, dataDir: string = tempDir()): SqliteStore & { readonly dataDir: string } {
  return { ...openSqliteStore({ dataDir, clock }), dataDir };
}

/** A knowledge set of `n` entries `e1`..`en`, each citing its own paragraph. */
export function tinyKnowledge(n: number): Knowledge {
  const ids = Array.from({ length: n }, (_, i) => `e${i + 1}`);
  return {
    source: { title: 'T', series: 'S', number: 1, date: '2024-03-26', author: 'A', authorRole: 'R', publisher: 'P', publishingDirector: 'D', issn: 'I', url: 'https://example.org/paper' },
    sections: [{ id: 's1', title: 'Section one' }],
    paragraphs: ids.map((id) => ({ id: `p-${id}`, sectionId: 's1', text: `Quote for ${id}. More text.` })),
    topics: [{ id: 't', title: 'Topic' }],
    entries: ids.map((id) => ({ id, question: `Question ${id}?`, alternates: [], answer: `Answer ${id}.`, citations: [{ paragraphId: `p-${id}`, quote: `Quote for ${id}` }], topic: 't', related: [], file: 'qa/tiny.yaml' })),
    aliases: [],
    stopwords: ['the', 'is', 'what'],
  };
}

export const tinyBot = (n = 5): Bot => createBot({ knowledge: tinyKnowledge(n) });

/**
 * Virtual time for the pacer: `sleep(ms)` waits until the clock reaches now + ms, and the clock
 * jumps to the earliest sleeper's instant whenever everything else is waiting (nothing left but
 * timers: checked with setImmediate, after pending I/O and promise jobs). So concurrent lanes
 * wait side by side as with real time, instantly, and `now()` says when each post was made.
 */
export function virtualTimer(): PaceTimer & { readonly sleeps: number[] } {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  let scheduled = false;
  const advance = (): void => {
    scheduled = false;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    schedule();
  };
  const schedule = (): void => {
    if (scheduled || sleepers.length === 0) return;
    scheduled = true;
    setImmediate(advance);
  };
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      const slept = new Promise<void>((resolve) => sleepers.push({ at: now + ms, wake: resolve }));
      schedule();
      return abortable(slept, signal);
    },
  };
}

/** Runner deps with instant retries and virtual pacing (one post a second, one at a time), recording every delay in `sleeps`. */
export function runnerDeps(bot: Bot, store: DigestRunnerDeps['store'], sink: MessageSink, logger: Logger = recordingLogger()) {
  const timer = virtualTimer();
  const sleeps = timer.sleeps;
  const deps: DigestRunnerDeps = {
    bot,
    store,
    logger,
    sinkFor: () => sink,
    retry: { delaysMs: [1000, 4000, 16000], sleep: (ms) => timer.sleep(ms) },
    timer,
  };
  return { deps, sleeps, timer };
}
