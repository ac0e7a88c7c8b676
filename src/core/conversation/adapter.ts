/**
 * The port every platform implements (vercel/chat's `Adapter` is the model): an adapter receives
 * its platform's events, translates each into an `InboundMessage` / `InboundAction`, lets its
 * `Surface` (the pipeline, bound to the platform) decide, renders the `Reply` and sends it; it
 * also posts digests (`sink`). The wiring builds a list of these and treats them alike, so
 * adding a platform touches its folder and one line of the list.
 */
import type { MessageSink } from '../digest/sink.js';
import type { NewSubscription } from '../store.js';

/** What the core needs to know of a platform to speak about it. */
export interface PlatformProfile {
  /** Opaque name the store records with subscriptions, questions and feedback. */
  readonly platform: string;
  /** How a person types the command `words` there (`/eu-china topics`, or just `topics`). */
  command(words: string): string;
}

export interface PlatformAdapter extends PlatformProfile {
  /** Posts a digest to one of this platform's channels. */
  readonly sink: MessageSink;
  /** Channels its configuration subscribes (seeded once, never re-added after an unsubscribe). */
  readonly seeds: readonly NewSubscription[];
  /** How it receives, for the start-up log line (`socket`, `http`, `authenticated`, `local`). */
  readonly mode: string;
  /** It accepts unauthenticated requests: the server must listen on this machine only. */
  readonly loopbackOnly: boolean;
  /** Starts receiving (routes on the shared server are registered when the adapter is built). */
  start(): Promise<void>;
  stop(): Promise<void>;
}
