/**
 * `GET /readyz`: whether this process can serve requests, as opposed to `/healthz`, which only
 * says it is alive (a restart is the fix for a dead process, not for a missing database). Ready
 * means the knowledge is loaded (entries to answer from) and the store answers and its file is
 * still the one opened, so a load balancer stops sending users to a process that would lose what
 * they save. The log says when readiness changes, not at every probe.
 */
import { BotError } from '../core/errors.js';
import type { Logger } from '../core/ports.js';
import type { StoreHealth } from '../core/store.js';
import type { HttpServer } from './http.js';

export const READY_PATH = '/readyz';

/** The loaded knowledge, as readiness sees it: no entries means nothing to answer from. */
export interface LoadedKnowledge {
  readonly entries: readonly unknown[];
}

/** Registers `GET /readyz` on `server`, answering 200 or 503 from the knowledge and `store.ping()`. */
export function registerReadiness(server: HttpServer, store: StoreHealth, logger: Logger, knowledge?: LoadedKnowledge): void {
  let ready = true;
  server.route('GET', READY_PATH, async (_req, res) => {
    if (knowledge && knowledge.entries.length === 0) {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, reason: 'knowledge_missing' }));
      return;
    }
    try {
      await store.ping();
      if (!ready) logger.info('ready again: the store answers');
      ready = true;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } catch (error) {
      if (ready) logger.warn('not ready: the store is unavailable', { error });
      ready = false;
      const reason = error instanceof BotError ? error.code : 'store_unavailable';
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, reason }));
    }
  });
}
