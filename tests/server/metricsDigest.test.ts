/**
 * Digest counts on /metrics' registry: the real runner over a real SQLite store, its ledger and
 * sink wrapped as `npm start` wraps them (src/core/digest/metered.ts). One channel posts, one
 * fails every attempt: sent 1, failed = the failed attempts, released 1 (its claim handed back).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { meteredLedger, meteredSinks } from '../../src/core/digest/metered.js';
import { runDue } from '../../src/core/digest/scheduler.js';
import { DeliveryError } from '../../src/core/errors.js';
import { createPrometheusMetrics } from '../../src/server/metrics.js';
import { fakeClock, fakeSink, runnerDeps, tempStore, tinyBot } from '../core/digest/fakes.js';
import { parsePrometheusText, sampleValue } from '../helpers/prometheusText.js';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('digest metrics', () => {
  it('count a digest sent, each failed post attempt, and the claim released after the failure', async () => {
    const clock = fakeClock('2024-03-01T00:00:00Z');
    const store = tempStore(clock);
    opened.push(store);
    await store.subscribe({ platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'UTC' });
    await store.subscribe({ platform: 'slack', channel: 'slack:C2', time: '09:00', timeZone: 'UTC' });
    const failures = Array.from({ length: 10 }, () => new DeliveryError('refused'));
    const sink = fakeSink([], async (target) => {
      if (target.channel === 'slack:C2') throw failures.shift() ?? new Error('no more failures');
    });
    const { registry, metrics } = createPrometheusMetrics({ processMetrics: false });
    const { deps } = runnerDeps(tinyBot(), meteredLedger(store, metrics), sink);
    clock.set('2024-03-01T09:00:00Z');
    const report = await runDue({ ...deps, sinkFor: meteredSinks(deps.sinkFor, metrics) }, clock.now());
    expect(report).toMatchObject({ sent: ['slack:C1'], failed: ['slack:C2'] });

    const m = parsePrometheusText(await registry.metrics());
    const digests = (outcome: string): number => sampleValue(m, 'eu_china_bot_digests_total', 'eu_china_bot_digests_total', { outcome });
    expect(digests('sent')).toBe(1);
    expect(digests('failed')).toBe(sink.calls - 1);
    expect(digests('failed')).toBeGreaterThan(1);
    expect(digests('released')).toBe(1);
    expect(await store.digestRecord('slack:C2', '2024-03-01')).toMatchObject({ status: 'released' });
  });
});
