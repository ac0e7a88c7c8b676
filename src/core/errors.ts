/**
 * Coded errors. Every failure the bot reports carries a stable `code` (for logs and tests) and
 * the underlying `cause`, so the top level can log once with context and tell the user
 * something friendly instead of swallowing or re-wrapping errors ad hoc.
 */

export type ErrorCode =
  | 'config_invalid'
  | 'knowledge_invalid'
  | 'knowledge_unreadable'
  | 'delivery_failed'
  | 'store_unavailable'
  | 'native_binding_missing'
  | 'wordlists_missing'
  | 'unauthenticated'
  | 'auth_unavailable';

export class BotError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Missing or contradictory configuration; the message names the variable and how to fix it. */
export class ConfigError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
  }
}

/** One problem in the knowledge set, located by file and (when there is one) entry id. */
export interface KnowledgeIssue {
  readonly file: string;
  readonly entry?: string;
  readonly message: string;
}

/** The knowledge set is invalid; `issues` lists every problem found, not only the first. */
export class KnowledgeError extends BotError {
  readonly issues: readonly KnowledgeIssue[];
  constructor(issues: readonly KnowledgeIssue[], options?: { cause?: unknown }) {
    super('knowledge_invalid', formatKnowledgeIssues(issues), options);
    this.issues = issues;
  }
}

/** A message could not be delivered to a platform after retries. */
export class DeliveryError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('delivery_failed', message, options);
  }
}

/** The store could not do what was asked (its file is gone, the disk refused a write): nothing was saved. */
export class StoreError extends BotError {
  /** True when the store has already logged this failure (the question log's queue does), so a caller need not log it again. */
  readonly reported: boolean;
  constructor(message: string, options?: { cause?: unknown; reported?: boolean }) {
    super('store_unavailable', message, options);
    this.reported = options?.reported ?? false;
  }
}

/** True for an error the store has already logged (see StoreError.reported). */
export const alreadyReported = (error: unknown): boolean => error instanceof StoreError && error.reported;

/** One line per issue: `knowledge/qa/eu.yaml [entry-id]: message`. */
export function formatKnowledgeIssues(issues: readonly KnowledgeIssue[]): string {
  const lines = issues.map((i) => `${i.file}${i.entry ? ` [${i.entry}]` : ''}: ${i.message}`);
  return `The knowledge set has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** A request whose credentials do not hold (HTTP 401); the message says why and never holds the token. */
export class UnauthenticatedError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unauthenticated', message, options);
  }
}

/** What authenticates requests (a login host, its keys) did not answer in time (HTTP 503). */
export class AuthUnavailableError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('auth_unavailable', message, options);
  }
}

/** better-sqlite3 (the SQLite driver on Node.js 20) is not installed, or its native binding is not built for this Node.js; the message says how to fix it. */
export class NativeBindingError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('native_binding_missing', message, options);
  }
}

/** A word list under build/wordlists/ is missing or unreadable; the message names the file and the command that builds it. */
export class WordListError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('wordlists_missing', message, options);
  }
}
