/**
 * The Bot Framework channel's signing keys, fetched the way the protocol asks and no more often:
 * botbuilder's own fetch has no deadline (a login host that accepts and never answers held every
 * request for minutes) and every request started its own. Here one fetch of the OpenID metadata
 * and its keys is shared by all waiting requests and bounded by `deadlineMs`; keys are kept for
 * the Cache-Control max-age (24 h without one) and refetched early only for an unknown key id, at
 * most once per `minRefreshMs`. A failed refresh keeps serving the keys already known.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AuthUnavailableError } from '../../core/errors.js';

export interface SigningKey {
  readonly key: KeyObject;
  /** Channels the key may sign for (empty: any). */
  readonly endorsements: readonly string[];
}

export interface SigningKeyOptions {
  readonly metadataUrl: string;
  /** Longest wait for the metadata and the keys together. */
  readonly deadlineMs: number;
  /** How long keys are kept when the key document sends no max-age. */
  readonly maxAgeMs: number;
  /** Shortest time between two refreshes caused by an unknown key id. */
  readonly minRefreshMs: number;
  readonly now?: () => number;
}

const MAX_AGE_CAP_MS = 5 * 24 * 3600_000;
const metadataSchema = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });
const keysSchema = z.object({
  keys: z.array(z.object({ kid: z.string(), kty: z.string(), n: z.string().optional(), e: z.string().optional(), endorsements: z.array(z.string()).optional() })),
});

interface KeySet {
  readonly keys: ReadonlyMap<string, SigningKey>;
  readonly fetchedAt: number;
  readonly expiresAt: number;
}

export class SigningKeys {
  private current: KeySet | undefined;
  private inFlight: Promise<KeySet> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SigningKeyOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The key `kid`, undefined when the channel does not publish it; AuthUnavailableError when no keys can be had. */
  async key(kid: string): Promise<SigningKey | undefined> {
    const now = this.now();
    const known = this.current;
    if (known && known.expiresAt > now) {
      const key = known.keys.get(kid);
      if (key || now - known.fetchedAt < this.options.minRefreshMs) return key;
    }
    try {
      return (await this.refresh()).keys.get(kid);
    } catch (error) {
      if (known) return known.keys.get(kid); // stale keys beat no keys while the login host is down
      throw error;
    }
  }

  private refresh(): Promise<KeySet> {
    this.inFlight ??= this.fetchKeys().then(
      (set) => {
        this.current = set;
        this.inFlight = undefined;
        return set;
      },
      (error: unknown) => {
        this.inFlight = undefined;
        throw error;
      },
    );
    return this.inFlight;
  }

  private async fetchKeys(): Promise<KeySet> {
    const signal = AbortSignal.timeout(this.options.deadlineMs);
    const what = `the Bot Framework signing keys (${this.options.metadataUrl})`;
    try {
      const metadata = metadataSchema.parse(await getJson(this.options.metadataUrl, signal));
      const res = await fetch(metadata.jwks_uri, { signal });
      if (!res.ok) throw new Error(`keys: HTTP ${res.status}`);
      const body = keysSchema.parse(await res.json());
      const fetchedAt = this.now();
      return { keys: toKeys(body), fetchedAt, expiresAt: fetchedAt + maxAgeOf(res.headers.get('cache-control'), this.options) };
    } catch (cause) {
      const reason = signal.aborted ? `no answer within ${this.options.deadlineMs} ms` : cause instanceof Error ? cause.message : String(cause);
      throw new AuthUnavailableError(`could not fetch ${what}: ${reason}`, { cause });
    }
  }
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`metadata: HTTP ${res.status}`);
  return res.json();
}

function toKeys(body: z.infer<typeof keysSchema>): Map<string, SigningKey> {
  const keys = new Map<string, SigningKey>();
  for (const k of body.keys) {
    if (k.kty !== 'RSA' || !k.n || !k.e) continue; // only RSA keys sign channel tokens
    keys.set(k.kid, { key: createPublicKey({ key: { kty: 'RSA', n: k.n, e: k.e }, format: 'jwk' }), endorsements: k.endorsements ?? [] });
  }
  return keys;
}

function maxAgeOf(cacheControl: string | null, o: SigningKeyOptions): number {
  const seconds = /max-age=(\d+)/i.exec(cacheControl ?? '')?.[1];
  if (seconds === undefined) return o.maxAgeMs;
  return Math.min(MAX_AGE_CAP_MS, Math.max(o.minRefreshMs, Number(seconds) * 1000));
}
