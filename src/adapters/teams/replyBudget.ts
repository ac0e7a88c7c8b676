/**
 * The deadline of one Teams reply, carried to the connector client's HTTP pipeline. The pipeline
 * retries 5xx and honours Retry-After by itself, and botbuilder gives no way to pass it an abort
 * signal per call, so a connector that never answered held a turn for minutes and throttling
 * stacked the pipeline's retries on ours. `withReplyDeadline` runs a send under an AbortSignal kept
 * in AsyncLocalStorage; `deadlinePolicy`, placed in every connector client, puts that signal on
 * each request, which ends the attempt in flight and every wait the pipeline would still make.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConnectorClientOptions } from 'botframework-connector';

const current = new AsyncLocalStorage<AbortSignal>();

/** Runs `send` so that every connector request it makes is aborted by `signal`. */
export function withReplyDeadline<T>(signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  return current.run(signal, send);
}

type PolicyFactories = Extract<NonNullable<ConnectorClientOptions['requestPolicyFactories']>, readonly unknown[]>;
type PolicyFactory = PolicyFactories[number];

/**
 * A connector client request policy that applies the deadline of the reply being sent, if any:
 * the attempt in flight is abandoned when the deadline passes (the reply's retries then stop).
 * It is raced, not aborted: the HTTP client destroys a request when its signal fires, and on a
 * request that already failed (its one error listener used) that abort escapes as an uncaught
 * error, which ended the process (seen with a connector that accepts and never answers). The
 * abandoned request keeps its socket until the connector closes it.
 */
export const deadlinePolicy: PolicyFactory = {
  create: (next) => ({
    sendRequest: async (request) => {
      const deadline = current.getStore();
      if (!deadline) return next.sendRequest(request);
      if (deadline.aborted) throw deadlineError();
      let onAbort: (() => void) | undefined;
      const reached = new Promise<never>((_, reject) => {
        onAbort = () => reject(deadlineError());
        deadline.addEventListener('abort', onAbort, { once: true });
      });
      try {
        return await Promise.race([next.sendRequest(request), reached]);
      } finally {
        if (onAbort) deadline.removeEventListener('abort', onAbort);
      }
    },
  }),
};

function deadlineError(): Error {
  const error = new Error('the reply deadline passed before the connector answered');
  error.name = 'AbortError';
  return error;
}

/** Teams' connector wants `accept` (what botbuilder's own connector factory adds). */
export const acceptPolicy: PolicyFactory = {
  create: (next) => ({
    sendRequest: (request) => {
      if (!request.headers.contains('accept')) request.headers.set('accept', '*/*');
      return next.sendRequest(request);
    },
  }),
};

