/**
 * The port the core and the adapters count what happens through: questions and how they were
 * decided, how long an answer took, replies delivered or not, redeliveries dropped, digests.
 * A plain interface, so the core names no metrics library; `npm start` injects the Prometheus
 * implementation (src/server/metrics.ts), everything else the no-op below.
 */
import type { Decision } from './types.js';

/** How a digest's claim ended: posted and recorded, a post attempt that failed, or handed back unsent. */
export type DigestOutcome = 'sent' | 'failed' | 'released';

/** One question answered by the pipeline. */
export interface QuestionMeasure {
  readonly platform: string;
  /** The bot's decision (`answer`, `suggest`, `decline`, `smalltalk`). */
  readonly decision: Decision;
  /** The language of the answer (`en`, `fr`, `de`). */
  readonly language: string;
  /** From the message reaching the pipeline to its reply being ready, in seconds. */
  readonly seconds: number;
}

export interface Metrics {
  question(measure: QuestionMeasure): void;
  /** A reply handed to the platform (`ok`), or one that could not be delivered after retries. */
  delivery(platform: string, ok: boolean): void;
  /** A delivery already handled, dropped by the dedupe. */
  dedupeHit(platform: string): void;
  digest(outcome: DigestOutcome): void;
}

/** Counts nothing: the default wherever no metrics are wanted (tests, the CLI). */
export const NO_METRICS: Metrics = {
  question: () => undefined,
  delivery: () => undefined,
  dedupeHit: () => undefined,
  digest: () => undefined,
};
