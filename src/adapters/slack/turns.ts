/**
 * Starts queued work one job per event-loop turn. Answering a question is synchronous CPU work
 * (matching, rendering) run inside the job's first microtasks; started straight from the request
 * handler, a burst of deliveries made each acknowledgement wait for the answers of every delivery
 * read before it, and under load acks passed Slack's 3 s and Slack retried. One job per turn
 * (`setImmediate`) lets the poll phase read and acknowledge new requests between two answers.
 */

export interface TurnQueue {
  /** Queues `job`; it starts in a later turn, after the requests waiting to be read. */
  push(job: () => Promise<void>): void;
}

/** A FIFO whose jobs start one per turn; a job that rejects goes to `onError`. */
export function createTurnQueue(onError: (error: unknown) => void): TurnQueue {
  const jobs: (() => Promise<void>)[] = [];
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled || jobs.length === 0) return;
    scheduled = true;
    setImmediate(runOne);
  };
  const runOne = (): void => {
    scheduled = false;
    const job = jobs.shift();
    schedule();
    job?.().catch(onError);
  };
  return {
    push: (job) => {
      jobs.push(job);
      schedule();
    },
  };
}
