/**
 * What an adapter hands the core, and what the core hands back: plain data, no platform ids the
 * core must parse. An adapter fills `InboundMessage` from an event (text with mentions stripped,
 * opaque keys it chose) and renders a `Reply` however its platform shows things. Everything in
 * between (commands, dedupe, follow-ups, the question log, feedback, digest commands) is the
 * pipeline's, once for every platform.
 */
import type { TopicSummary } from '../bot.js';
import type { Digest } from '../digest/compose.js';
import type { Language } from '../lang/languages.js';
import type { Answer, Source } from '../types.js';
import type { Help, ViewName } from './commands.js';

/** The kind of place a message was written in; `command` is a platform's own command surface. */
export type Place = 'dm' | 'thread' | 'channel' | 'command';

/** Who sent something and from where, as every inbound item carries it. */
export interface Origin {
  /** The platform user id; the store pseudonymises it (salted once), adapters never hash it. */
  readonly asker?: string;
  /** Opaque channel key (the one subscriptions and the question log use); none outside a channel. */
  readonly channel?: string;
  /** Opaque id of this delivery, for dropping a redelivery; none when the platform gives none. */
  readonly delivery?: string;
  /** Opaque key of the workspace / tenant the channel is in (the digest paces posts per workspace). */
  readonly workspace?: string;
}

export interface InboundMessage extends Origin {
  /** What the person wrote, as they saw it: mentions of the bot stripped, platform markup undone. */
  readonly text: string;
  /** Opaque key of the conversation follow-ups are read in (a thread, a DM); none: the message stands alone. */
  readonly conversation?: string;
  readonly place: Place;
  /** The platform's locale hint (`en-GB`), if it gave one. */
  readonly locale?: string;
  /**
   * What the platform must keep before this channel can receive digests (Teams: the conversation
   * reference); run by `subscribe` before the subscription is written, its failure is the command's.
   */
  readonly beforeSubscribe?: () => Promise<void>;
}

/** A button the adapter drew from a core reply, clicked. */
export type Action =
  /** "Related", "Did you mean" or a topic's example question: answer that entry. */
  | { readonly kind: 'entry'; readonly entryId: string }
  /** Helpful / Not helpful, the platform's own thumbs, with the feedback form's text if any. */
  | { readonly kind: 'feedback'; readonly entryId: string; readonly helpful: boolean; readonly comment?: string }
  /** A static view (help, topics, source), in `language` when the button said (a shared French help). */
  | { readonly kind: 'view'; readonly view: ViewName; readonly language?: Language }
  /** A question asked again as it was (a shared reply): answered, never logged a second time. */
  | { readonly kind: 'again'; readonly text: string };

export interface InboundAction extends Origin {
  readonly action: Action;
  /** The platform's locale hint for whoever clicked (Teams `activity.locale`), for words the button does not fix. */
  readonly locale?: string;
}

/** What the core answers; the adapter chooses how it looks. */
export type Reply =
  | { readonly kind: 'answer'; readonly answer: Answer; readonly followUp: boolean }
  /** `unknownCommand`: the word the person typed that is no command (shown above the help, quoted). */
  | { readonly kind: 'help'; readonly help: Help; readonly unknownCommand?: string }
  | { readonly kind: 'topics'; readonly topics: readonly TopicSummary[]; readonly language: Language }
  | { readonly kind: 'source'; readonly source: Source; readonly language: Language }
  /** Today's digest for the channel, for the person who asked only. */
  | { readonly kind: 'digest'; readonly digest: Digest; readonly text: string }
  /**
   * One plain sentence: a digest command's outcome (which may quote what the person typed: render
   * it as plain text), a feedback thanks, or an apology (`failed`: nothing was saved).
   */
  | { readonly kind: 'notice'; readonly text: string; readonly failed: boolean };
