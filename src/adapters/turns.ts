/**
 * Starts queued work one job per event-loop turn. Answering a question is synchronous CPU work
 * (matching, rendering) run inside the job's first microtasks; started straight from the request
 * handler, a burst of deliveries made each acknowledgement wait for the answers of every delivery
 * read before it, and under load acks passed Slack's 3 s and Slack retried (Teams acks likewise
 * took over a second at 300 activities/s). Slack events and Teams messages share it. One job per turn
 * (`setImmediate`) lets the poll phase read and acknowledge new requests between two answers.
 * The queue also knows when its work is done (`idle`): a request is acknowledged before it is
 * answered, so shutting down must wait for the queue, not only for the HTTP requests.
 */

export interface TurnQueue {
  /** Queues `job`; it starts in a later turn, after the requests waiting to be read. */
  push(job: () => Promise<void>): void;
  /** Resolves once every job pushed so far (and any pushed meanwhile) has settled. */
  idle(): Promise<void>;
}

/** A FIFO whose jobs start one per turn; a job that rejects goes to `onError`. */
export function createTurnQueue(onError: (error: unknown) => void): TurnQueue {
  const jobs: (() => Promise<void>)[] = [];
  let scheduled = false;
  let pending = 0;
  let waiters: (() => void)[] = [];
  const settled = (): void => {
    if (--pending > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  const schedule = (): void => {
    if (scheduled || jobs.length === 0) return;
    scheduled = true;
    setImmediate(runOne);
  };
  const runOne = (): void => {
    scheduled = false;
    const job = jobs.shift();
    schedule();
    job?.().catch(onError).finally(settled);
  };
  return {
    push: (job) => {
      pending++;
      jobs.push(job);
      schedule();
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
