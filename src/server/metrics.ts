/**
 * `GET /metrics`: the core's `Metrics` port counted with prom-client into a registry of its own
 * (not the library's global one, so two servers in one test process never share counters) and
 * served in the Prometheus text exposition format, with Node's process metrics (memory, CPU,
 * event-loop lag) beside the bot's. Label values are only platform names, decisions, languages
 * and outcomes: bounded sets, never a user, channel or question, so the series cannot grow.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { DigestOutcome, Metrics } from '../core/metrics.js';
import type { Logger } from '../core/ports.js';
import type { HttpServer } from './http.js';

export const METRICS_PATH = '/metrics';
const PREFIX = 'eu_china_bot_';

/** Answer latency buckets, in seconds: answers take milliseconds; the tail shows a slow store. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface PrometheusMetrics {
  /** The port to inject into the pipeline and the digest wiring. */
  readonly metrics: Metrics;
  readonly registry: Registry;
}

/** A fresh registry with the bot's series (and the process's, unless `processMetrics` is false). */
export function createPrometheusMetrics(options: { readonly processMetrics?: boolean } = {}): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  const questions = new Counter({ name: `${PREFIX}questions_total`, help: 'Questions answered, by platform, decision and language of the answer.', labelNames: ['platform', 'decision', 'language'] as const, registers });
  const latency = new Histogram({ name: `${PREFIX}answer_latency_seconds`, help: 'From a question reaching the pipeline to its reply being ready.', labelNames: ['platform'] as const, buckets: LATENCY_BUCKETS, registers });
  const deliveries = new Counter({ name: `${PREFIX}deliveries_total`, help: 'Replies handed to the platform.', labelNames: ['platform'] as const, registers });
  const deliveryErrors = new Counter({ name: `${PREFIX}delivery_errors_total`, help: 'Replies that could not be delivered to the platform after retries.', labelNames: ['platform'] as const, registers });
  const dedupe = new Counter({ name: `${PREFIX}dedupe_hits_total`, help: 'Deliveries already handled (platform retries, another replica), dropped without a reply.', labelNames: ['platform'] as const, registers });
  const digests = new Counter({ name: `${PREFIX}digests_total`, help: 'Digest claims: sent (posted and recorded), failed (a post attempt that failed), released (handed back unsent, for the next run).', labelNames: ['outcome'] as const, registers });
  for (const outcome of ['sent', 'failed', 'released'] satisfies DigestOutcome[]) digests.inc({ outcome }, 0);
  return {
    registry,
    metrics: {
      question: (m) => {
        questions.inc({ platform: m.platform, decision: m.decision, language: m.language });
        latency.observe({ platform: m.platform }, m.seconds);
      },
      delivery: (platform, ok) => (ok ? deliveries : deliveryErrors).inc({ platform }),
      dedupeHit: (platform) => dedupe.inc({ platform }),
      digest: (outcome) => digests.inc({ outcome }),
    },
  };
}

/** Registers `GET /metrics` on `server`, serving `registry` as Prometheus text. */
export function registerMetrics(server: HttpServer, registry: Registry, logger: Logger): void {
  server.route('GET', METRICS_PATH, async (_req, res) => {
    try {
      const text = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType }).end(text);
    } catch (error) {
      logger.error('metrics: collecting failed', { error });
      res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
    }
  });
}
