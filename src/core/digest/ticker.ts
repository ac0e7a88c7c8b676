/**
 * The in-process scheduler: runs the digest once at start (to catch up after a restart) and then
 * just after every minute boundary of the injected clock, never two runs at once. A minute tick
 * rather than one timer per subscription keeps it right when subscriptions change, the clock
 * jumps or the machine sleeps: each tick simply asks what is due now. `stop()` aborts the run in
 * progress (its AbortSignal): the posts in flight finish, the claims not posted yet are released.
 */
import type { Clock, Logger } from '../ports.js';

/** The timer functions used (tests pass fakes). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TickerDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  /** The work of one tick, e.g. `(now, signal) => runDue(deps, now, { signal })`; `signal` aborts on stop(). */
  readonly run: (now: Date, signal: AbortSignal) => Promise<unknown>;
  /** Tick period in ms (default one minute). */
  readonly intervalMs?: number;
  readonly timers?: Timers;
}

export interface Ticker {
  /** Stops ticking, aborts a run in progress between two posts and waits for it to wind up. */
  stop(): Promise<void>;
}

const SYSTEM_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Past the boundary by this much, so a slightly early timer still lands in the new minute. */
const SLACK_MS = 500;

/** Starts ticking at once; call `stop()` on shutdown. */
export function startTicker(deps: TickerDeps): Ticker {
  const interval = deps.intervalMs ?? 60_000;
  const timers = deps.timers ?? SYSTEM_TIMERS;
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const tick = (): void => {
    running = deps
      .run(deps.clock.now(), stopping.signal)
      .then(
        () => undefined,
        (error: unknown) => deps.logger.error('digest scheduler: run failed; trying again at the next tick', { error }),
      )
      .finally(schedule);
  };
  const schedule = (): void => {
    if (stopped) return;
    const now = deps.clock.now().getTime();
    handle = timers.setTimeout(tick, interval - (now % interval) + SLACK_MS);
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      timers.clearTimeout(handle);
      stopping.abort();
      await running;
    },
  };
}
