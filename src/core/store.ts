/**
 * The persistence port: small interfaces the core and the adapters depend on, and `Store`, all of
 * them at once, which the SQLite and PostgreSQL implementations in src/store provide. Everything
 * is keyed by an opaque channel key that the adapter chooses and the core never parses
 * (`slack:C123`, `teams:19:abc@thread.tacv2`): subscriptions, digest claims, rotation and the
 * question log must use the same key for "Asked here yesterday" to find a channel's questions.
 */
import type { ContextStore } from './conversation/followUp.js';
import type { Language } from './lang/languages.js';
import type { Decision } from './types.js';
import type { Feedback, FeedbackSink } from './ports.js';

/** A channel that receives the daily digest at `time` in `timeZone`. */
export interface Subscription {
  readonly platform: string;
  /** Opaque channel key, the same one the question log records. */
  readonly channel: string;
  /** Local wall-clock time `HH:MM`. */
  readonly time: string;
  /** IANA time zone name, canonical (`Europe/Paris`). */
  readonly timeZone: string;
  /** The language the digest is posted in. */
  readonly language: Language;
  /** Opaque key of the channel's workspace / tenant (digest pacing), when the platform said. */
  readonly workspace?: string;
  readonly createdAt: Date;
  /** Last subscribe or change of time; slots before this instant are never posted. */
  readonly updatedAt: Date;
}

/** A subscription to write; without `language` it is English, without `workspace` none is recorded (an update keeps the one known). */
export type NewSubscription = Pick<Subscription, 'platform' | 'channel' | 'time' | 'timeZone'> & Partial<Pick<Subscription, 'language' | 'workspace'>>;

export interface SubscriptionStore {
  /** Adds or updates the channel's subscription; `created` is false for an update. */
  subscribe(sub: NewSubscription): Promise<{ readonly subscription: Subscription; readonly created: boolean }>;
  /** Removes it; false when the channel was not subscribed. */
  unsubscribe(channel: string): Promise<boolean>;
  subscription(channel: string): Promise<Subscription | undefined>;
  subscriptions(): Promise<Subscription[]>;
  /**
   * Subscribes each channel never seeded before (configuration such as DIGEST_SLACK_CHANNELS), so
   * a channel unsubscribed later stays unsubscribed. Returns the subscriptions it created.
   */
  seedSubscriptions(subs: readonly NewSubscription[]): Promise<Subscription[]>;
}

export type DigestStatus = 'claimed' | 'sent' | 'released';

/** Proof of a claim on (channel, local day); only its holder can mark it sent or release it. */
export interface DigestClaim {
  readonly channel: string;
  readonly day: string;
  readonly token: string;
  /**
   * Set when this claim replaced one whose lease had expired without being settled: a process
   * died after claiming, possibly after the platform had accepted its post.
   */
  readonly takenOver?: { readonly claimedAt: Date };
}

export interface DigestRecord {
  readonly channel: string;
  readonly day: string;
  readonly status: DigestStatus;
  readonly claimedAt: Date;
  readonly updatedAt: Date;
  /** The platform's id of the posted message, once sent (when the platform gave one). */
  readonly messageId?: string;
}

export interface DigestLedger {
  /**
   * Atomically claims (channel, day): succeeds when nobody holds it, when it was released, or
   * when a claim older than `leaseMs` was left by a process that died. Undefined otherwise.
   */
  claimDigest(channel: string, day: string, leaseMs: number): Promise<DigestClaim | undefined>;
  /** Marks the claim sent, with the platform's message id; false when the claim is no longer this one's (lease taken over). */
  markDigestSent(claim: DigestClaim, messageId?: string): Promise<boolean>;
  /** Gives the claim up so a later run tries again; false when it is no longer this one's. */
  releaseDigest(claim: DigestClaim): Promise<boolean>;
  digestRecord(channel: string, day: string): Promise<DigestRecord | undefined>;
  /** The most recent records first, at most `limit`. */
  digestRecords(limit: number): Promise<DigestRecord[]>;
}

/** Where a channel is in its own shuffled order of entries. */
export interface RotationState {
  /** Entry ids in the order this channel sees them in the current cycle. */
  readonly order: readonly string[];
  /** Index in `order` of the next entry to show. */
  readonly position: number;
  /** How many times the whole set was shown before this cycle. */
  readonly cycle: number;
  /** The last local day an entry was picked for, and that entry. */
  readonly day?: string;
  readonly entryId?: string;
}

export interface RotationStore {
  /** Reads, updates and writes the channel's rotation in one transaction; returns what was written. */
  updateRotation(channel: string, update: (current: RotationState | undefined) => RotationState): Promise<RotationState>;
}

/** Teams conversation references, kept as the adapter's own JSON (opaque here). */
export interface ConversationRefStore {
  saveConversationRef(conversationId: string, json: string): Promise<void>;
  conversationRef(conversationId: string): Promise<string | undefined>;
  removeConversationRef(conversationId: string): Promise<boolean>;
  conversationRefs(): Promise<{ readonly conversationId: string; readonly json: string }[]>;
}

/** One question and what the bot did with it. Never holds a token. */
export interface QuestionRecord {
  readonly at: Date;
  readonly platform: string;
  /** Channel key (as subscriptions use) where it was asked, if any. */
  readonly channel?: string;
  /** The asker's platform id; the store keeps only a salted SHA-256 of it. */
  readonly askerId?: string;
  /** The question text; the store keeps the first 500 characters. */
  readonly question: string;
  readonly decision: Decision;
  /** The answered entry, or the first "did you mean" for `suggest`. */
  readonly entryId?: string;
  readonly confidence: number;
}

export interface LoggedQuestion extends Omit<QuestionRecord, 'askerId'> {
  readonly askerHash?: string;
}

/** A time range [since, until) and optionally one channel. */
export interface LogQuery {
  readonly since?: Date;
  readonly until?: Date;
  readonly channel?: string;
}

export interface QuestionLog {
  logQuestion(record: QuestionRecord): Promise<void>;
  /** Oldest first. */
  questions(query: LogQuery): Promise<LoggedQuestion[]>;
}

export interface FeedbackRecord extends Omit<Feedback, 'userId'> {
  readonly at: Date;
  readonly userHash: string;
}

export interface FeedbackLog extends FeedbackSink {
  /** Oldest first. */
  feedback(query: Omit<LogQuery, 'channel'>): Promise<FeedbackRecord[]>;
}

/**
 * Platform delivery ids already handled (Slack `event_id`, Teams activity ids), so a redelivery is
 * dropped even after a restart or by another process. Asynchronous because a shared database
 * (PostgreSQL) answers over the network; each implementation forgets ids after an expiry longer
 * than the platforms retry (Slack about an hour, Teams minutes).
 */
export interface DeliveryLog {
  /** Records `key`; true the first time it is seen within the expiry, false for a redelivery. */
  firstSeen(key: string): Promise<boolean>;
}

/** Whether the store can serve requests at all, for readiness probes. */
export interface StoreHealth {
  /** Resolves when the store is reachable and its data is where it was opened; rejects with a StoreError otherwise. */
  ping(): Promise<void>;
}

/**
 * Everything the bot persists, behind one interface. A write resolves only once it is saved
 * where the next start will find it; otherwise it rejects with a StoreError, so nothing that was
 * not saved is ever confirmed to a user.
 */
/**
 * Which entry a sent answer was, by the platform's message key, for feedback that names only the
 * message (Teams' native feedback invoke carries the bot message's id, not the entry).
 */
export interface AnsweredMessages {
  rememberAnswer(messageKey: string, entryId: string): Promise<void>;
  answeredEntry(messageKey: string): Promise<string | undefined>;
}

export interface Store
  extends SubscriptionStore, DigestLedger, RotationStore, ConversationRefStore, QuestionLog, FeedbackLog, DeliveryLog, ContextStore, AnsweredMessages, StoreHealth {
  /** Closes the database (a network store waits for its connections to end); the store must not be used afterwards. */
  close(): Promise<void> | void;
}

/** Questions are cut to this many characters before they are stored. */
export const MAX_LOGGED_QUESTION_CHARS = 500;
