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

/** A connector client request policy that applies the deadline of the reply being sent, if any. */
export const deadlinePolicy: PolicyFactory = {
  create: (next) => ({
    sendRequest: (request) => {
      const deadline = current.getStore();
      if (deadline) request.abortSignal = request.abortSignal ? AbortSignal.any([deadline, toSignal(request.abortSignal)]) : deadline;
      return next.sendRequest(request);
    },
  }),
};

/** Teams' connector wants `accept` (what botbuilder's own connector factory adds). */
export const acceptPolicy: PolicyFactory = {
  create: (next) => ({
    sendRequest: (request) => {
      if (!request.headers.contains('accept')) request.headers.set('accept', '*/*');
      return next.sendRequest(request);
    },
  }),
};

type SignalLike = NonNullable<Parameters<ReturnType<PolicyFactory['create']>['sendRequest']>[0]['abortSignal']>;

function toSignal(like: SignalLike): AbortSignal {
  if (like instanceof AbortSignal) return like;
  const controller = new AbortController();
  if (like.aborted) controller.abort();
  else like.addEventListener('abort', () => controller.abort());
  return controller.signal;
}
