/**
 * Digest counts without touching the runner: the ledger and the sinks it is given are wrapped, so
 * whatever path the runner takes (a send that fails and is retried, a claim released after a
 * failure or at shutdown) is counted where it meets the store or the platform. `sent` is a claim
 * marked sent, `failed` a post attempt that threw, `released` a claim handed back unsent.
 */
import type { Metrics } from '../metrics.js';
import type { DigestLedger } from '../store.js';
import type { SinkFor } from './sink.js';

/** `store` with its digest claims counted; every other method is the store's own. */
export function meteredLedger<S extends DigestLedger>(store: S, metrics: Metrics): S {
  return {
    ...store,
    markDigestSent: async (claim, messageId) => {
      const marked = await store.markDigestSent(claim, messageId);
      if (marked) metrics.digest('sent');
      return marked;
    },
    releaseDigest: async (claim) => {
      const released = await store.releaseDigest(claim);
      if (released) metrics.digest('released');
      return released;
    },
  };
}

/** `sinkFor` whose sinks count each post attempt that fails. */
export function meteredSinks(sinkFor: SinkFor, metrics: Metrics): SinkFor {
  return (platform) => {
    const sink = sinkFor(platform);
    if (!sink) return undefined;
    return {
      send: async (target, digest) => {
        try {
          return await sink.send(target, digest);
        } catch (error) {
          metrics.digest('failed');
          throw error;
        }
      },
    };
  };
}
