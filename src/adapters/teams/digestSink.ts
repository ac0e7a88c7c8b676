/**
 * The Teams MessageSink: posts the digest card proactively to the conversation reference kept
 * when the channel subscribed. Three traps: botbuilder routes an error thrown in a proactive turn
 * to `onTurnError` (which only logs), so the send is caught inside the turn and rethrown here for
 * the scheduler; a continuation turn would send the card as a reply to its own made-up activity
 * id, so `replyToId` is removed and the digest is a new post; and the connector's 403 / 404 mean
 * the bot was removed (PermanentDeliveryError: the scheduler unsubscribes), while 429 / 5xx are
 * transient (retried). A 429 whose Retry-After outlasted the connector's own retries becomes a
 * DeferredDeliveryError carrying it: the scheduler pauses the tenant that long and posts again.
 * Pacing follows Microsoft's published bot limits: per conversation 7 operations a second (we post
 * one digest, and at most one a second), per app per tenant 50 requests a second across every
 * conversation, answers included (digests take 20 a second, one every 50 ms).
 */
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Digest } from '../../core/digest/compose.js';
import type { Pacing } from '../../core/digest/pacing.js';
import { DeferredDeliveryError, PermanentDeliveryError, type DigestTarget, type MessageSink, type PostedDigest } from '../../core/digest/sink.js';
import { DeliveryError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import type { ConversationRefStore as StoredRefs } from '../../core/store.js';
import { conversationIdOf } from './inbound.js';
import { createCloudAdapter, teamsAppId, teamsEnabled, type TeamsAdapterConfig } from './cloudAdapter.js';
import { storeConversationRefs } from './conversationRefs.js';
import { retryAfterMs, statusOf } from './delivery.js';

export { retryAfterMs } from './delivery.js';
import { renderDigest } from './digestCard.js';
import type { ConversationRefStore } from './welcome.js';

/** What the sink needs of botbuilder's CloudAdapter. */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface TeamsDigestSinkDeps {
  readonly adapter: ProactiveAdapter;
  /** The bot's app id ('' in TEAMS_LOCAL mode). */
  readonly appId: string;
  readonly conversations: ConversationRefStore;
}

const PERMANENT = new Set([403, 404]);

/** One digest a second per conversation; 20 a second per tenant (of the 50 a bot may make there). */
export const TEAMS_DIGEST_PACING: Pacing = { channelIntervalMs: 1000, workspaceIntervalMs: 50, concurrency: 4 };

export class TeamsDigestSink implements MessageSink {
  readonly pacing = TEAMS_DIGEST_PACING;

  constructor(private readonly deps: TeamsDigestSinkDeps) {}

  /** The tenant of a conversation subscribed without one: the stored conversation reference's. */
  async workspaceOf(target: DigestTarget): Promise<string | undefined> {
    const id = conversationIdOf(target.channel);
    return id === undefined ? undefined : (await this.deps.conversations.get(id))?.conversation?.tenantId;
  }

  /** Posts `digest` as a new message in the conversation of `target`; the connector's activity id is the message id. */
  async send(target: DigestTarget, digest: Digest): Promise<PostedDigest> {
    const reference = await this.reference(target);
    const errors: unknown[] = [];
    let messageId: string | undefined;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        await context.sendActivity(renderDigest(digest)).then(
          (sent) => void (messageId = sent?.id),
          (error: unknown) => void errors.push(error),
        );
      });
    } catch (error) {
      errors.push(error); // creating the connector client (a token request) failed
    }
    if (errors.length > 0) throw this.failure(target, errors[0]);
    return messageId ? { messageId } : {};
  }

  private async reference(target: DigestTarget): Promise<Partial<ConversationReference>> {
    const id = conversationIdOf(target.channel);
    if (id === undefined) throw new PermanentDeliveryError(`${target.channel} is not a Teams channel key`);
    const reference = await this.deps.conversations.get(id);
    if (!reference?.serviceUrl || !reference.conversation?.id) {
      throw new PermanentDeliveryError(`no conversation reference for ${target.channel}: the bot was removed from it (subscribe again there after adding it back)`);
    }
    return reference;
  }

  private failure(target: DigestTarget, error: unknown): Error {
    const status = statusOf(error);
    const detail = status === undefined ? 'no HTTP status' : `HTTP ${status}`;
    if (status !== undefined && PERMANENT.has(status)) {
      return new PermanentDeliveryError(`teams digest to ${target.channel} refused (${detail}): the bot is no longer in that conversation`, { cause: error });
    }
    const wait = retryAfterMs(error);
    if (wait !== undefined) {
      return new DeferredDeliveryError(`teams digest to ${target.channel} rate limited (${detail}, Retry-After ${wait} ms)`, { cause: error, retryAfterMs: wait });
    }
    return new DeliveryError(`teams digest to ${target.channel} failed (${detail})`, { cause: error });
  }
}

/**
 * The Teams sink for `npm run digest -- run-due` (no HTTP server): its own CloudAdapter, the
 * references from `store`. Undefined when Teams is not configured.
 */
export function createTeamsDigestSink(config: TeamsAdapterConfig, store: StoredRefs, logger: Logger): TeamsDigestSink | undefined {
  if (!teamsEnabled(config)) return undefined;
  return new TeamsDigestSink({ adapter: createCloudAdapter(config), appId: teamsAppId(config), conversations: storeConversationRefs(store, logger) });
}
