/**
 * Small interfaces the core depends on and the edges implement (adapters, store, tests). Tests
 * pass hand-written fakes of these, never module mocks.
 */

export type LogFields = Readonly<Record<string, unknown>>;

/** Structured logging; implementations must never print secrets passed in fields. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A "Helpful / Not helpful" click on an answer. */
export interface Feedback {
  readonly platform: string;
  /** Opaque id of the person who clicked (adapters may hash it). */
  readonly userId: string;
  readonly entryId: string;
  readonly helpful: boolean;
  /** What the person wrote with it (Teams' feedback form), if anything; stored cut, never with their id. */
  readonly comment?: string;
}

/** Where feedback clicks go (logged for now; persisted by the store when it exists). */
export interface FeedbackSink {
  record(feedback: Feedback): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Feedback sink that only logs; the default until persistence exists. */
export function loggingFeedbackSink(logger: Logger): FeedbackSink {
  return {
    record: async (f) => logger.info('feedback', { platform: f.platform, entryId: f.entryId, helpful: f.helpful }),
  };
}
