/**
 * Pacing digest posts within what a platform allows: a least interval between two posts to one
 * channel and between two posts in one workspace (a Slack team, a Teams tenant: whatever opaque
 * key the adapter gives), and how many posts one workspace may have in flight. The trap it avoids
 * is the old single queue (one post a second across every channel of every workspace, 1,000
 * channels in 17 minutes): limits are per workspace, so workspaces run side by side and each one
 * goes as fast as its own allowance. Slots are reserved synchronously, so concurrent workers never
 * share one; a Retry-After pushes the workspace's next slot back for everyone in it.
 */

/** How fast one platform may be posted to (the adapter's sink declares it from the published limits). */
export interface Pacing {
  /** Least time between two posts to one channel, in ms. */
  readonly channelIntervalMs: number;
  /** Least time between two posts in one workspace / tenant, in ms (60,000 / posts allowed a minute). */
  readonly workspaceIntervalMs: number;
  /** Posts in flight at once in one workspace (covers the platform's latency at that rate). */
  readonly concurrency: number;
}

/** For a sink that declares nothing: one post a second in each workspace, one at a time (the old pacing, per workspace). */
export const DEFAULT_PACING: Pacing = { channelIntervalMs: 1000, workspaceIntervalMs: 1000, concurrency: 1 };

/** No pacing at all (tests, a console sink). */
export const NO_PACING: Pacing = { channelIntervalMs: 0, workspaceIntervalMs: 0, concurrency: 1 };

/** Time as the pacer sees it (tests pass a virtual one). */
export interface PaceTimer {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Waits `ms`; rejects with an AbortError when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The error an aborted wait rejects with. */
export function abortError(): Error {
  return new DOMException('the digest run was stopped', 'AbortError');
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** `waiting`, or an AbortError as soon as `signal` aborts. */
export function abortable<T>(waiting: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return waiting;
  if (signal.aborted) return Promise.reject(abortError());
  let stop = (): void => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    stop = () => reject(abortError());
    signal.addEventListener('abort', stop, { once: true });
  });
  return Promise.race([waiting, aborted]).finally(() => signal.removeEventListener('abort', stop));
}

export const REAL_TIMER: PaceTimer = {
  now: () => performance.now(),
  sleep: (ms, signal) => {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const slept = new Promise<void>((resolve) => (handle = setTimeout(resolve, ms)));
    return abortable(slept, signal).finally(() => clearTimeout(handle));
  },
};

/** One key's interval: a channel's or a workspace's. */
export type Spacing = readonly [key: string, intervalMs: number];

/** Reserves the earliest instant that respects every key's interval, and waits for it. */
export class Pacer {
  private readonly next = new Map<string, number>();
  private readonly paused = new Map<string, number>();

  constructor(private readonly timer: PaceTimer) {}

  /**
   * Waits for the next slot free under every key, reserving it at once (rejects with AbortError
   * when stopped). A slot reserved before a pause is not used during it: the waiter takes a new one.
   */
  async slot(keys: readonly Spacing[], signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.timer.now();
      const at = Math.max(now, ...keys.map(([key]) => Math.max(this.next.get(key) ?? 0, this.paused.get(key) ?? 0)));
      for (const [key, interval] of keys) this.next.set(key, at + interval);
      if (at > now) await this.timer.sleep(at - now, signal);
      else if (signal?.aborted) throw abortError();
      const woke = this.timer.now();
      if (!keys.some(([key]) => (this.paused.get(key) ?? 0) > woke)) return;
    }
  }

  /** Nothing under `key` for `ms` from now (the platform's Retry-After). */
  pause(key: string, ms: number): void {
    const until = this.timer.now() + ms;
    this.paused.set(key, Math.max(this.paused.get(key) ?? 0, until));
    this.next.set(key, Math.max(this.next.get(key) ?? 0, until));
  }
}

export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** At most `limit` tasks at once, the others waiting in order. */
export function semaphore(limit: number): Semaphore {
  let free = Math.max(1, limit);
  const waiting: (() => void)[] = [];
  return {
    run: async (task) => {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}
