/**
 * Conversation references kept in the Store, so the digest can still post proactively after a
 * restart. The store holds them as opaque JSON; what comes back is checked with a schema before
 * it becomes a ConversationReference again (a row written by an older version, or edited by
 * hand, is logged and treated as missing rather than sent to the connector half-formed).
 * Only what a proactive post needs is kept (`minimalReference`): no user id, name or AAD object
 * id, which the docs promise are never stored raw; rows an older version wrote with them are
 * scrubbed when read and by `scrubStoredConversationRefs` at start-up.
 */
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../core/ports.js';
import type { ConversationRefStore as StoredRefs } from '../../core/store.js';
import { baseConversationId } from './inbound.js';

// z.object (not looseObject) drops every other field, the user's among them.
const referenceSchema = z.object({
  locale: z.string().optional(),
  bot: z.object({ id: z.string().min(1), name: z.string().default('') }),
  conversation: z.object({
    id: z.string().min(1),
    name: z.string().default(''),
    isGroup: z.boolean().default(false),
    conversationType: z.string().default(''),
    tenantId: z.string().optional(),
  }),
  channelId: z.string().default('msteams'),
  serviceUrl: z.url({ protocol: /^https?$/ }),
});

/** Where conversation references are kept, keyed by conversation id. */
export interface ConversationRefStore {
  save(ref: Partial<ConversationReference>): Promise<void>;
  remove(conversationId: string): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  list(): Promise<Partial<ConversationReference>[]>;
}

/** A store in process memory (lost at restart). */
export function memoryConversationRefStore(): ConversationRefStore {
  const refs = new Map<string, Partial<ConversationReference>>();
  return {
    save: async (ref) => {
      if (ref.conversation?.id) refs.set(ref.conversation.id, ref);
    },
    remove: async (id) => void refs.delete(id),
    get: async (id) => refs.get(id),
    list: async () => [...refs.values()],
  };
}

/** A reference without a user: `continueConversationAsync` needs the bot, the conversation and where to post. */
export type MinimalReference = z.infer<typeof referenceSchema> & Partial<ConversationReference>;

export type ParsedReference = { readonly ok: true; readonly reference: MinimalReference } | { readonly ok: false; readonly reason: string };

/** `ref` reduced to what a proactive post needs (no user, no activity id, no conversation name). */
export function minimalReference(ref: Partial<ConversationReference>): Partial<ConversationReference> {
  const c = ref.conversation;
  return {
    ...(ref.channelId ? { channelId: ref.channelId } : {}),
    ...(ref.serviceUrl ? { serviceUrl: ref.serviceUrl } : {}),
    ...(ref.locale ? { locale: ref.locale } : {}),
    ...(ref.bot ? { bot: { id: ref.bot.id, name: ref.bot.name } } : {}),
    ...(c
      ? {
          conversation: {
            id: c.id,
            name: '',
            isGroup: c.isGroup,
            conversationType: c.conversationType,
            ...(c.tenantId ? { tenantId: c.tenantId } : {}),
          },
        }
      : {}),
  };
}

/** A stored reference's JSON back to a ConversationReference, or what is wrong with it. */
export function parseReference(json: string): ParsedReference {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = referenceSchema.safeParse(value);
  if (parsed.success) return { ok: true, reference: { ...parsed.data, conversation: { ...parsed.data.conversation, name: '' } } };
  const first = parsed.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.') || 'reference'}: ${first.message}` : 'invalid reference' };
}

/** The Teams port over the Store's conversation references, keyed by conversation id (no thread). */
export function storeConversationRefs(store: StoredRefs, logger: Logger): ConversationRefStore {
  const decode = async (conversationId: string, json: string): Promise<MinimalReference | undefined> => {
    const parsed = parseReference(json);
    if (!parsed.ok) {
      logger.warn('teams: ignoring an unreadable stored conversation reference', { conversation: conversationId, reason: parsed.reason });
      return undefined;
    }
    const scrubbed = JSON.stringify(parsed.reference);
    if (scrubbed !== json) await store.saveConversationRef(conversationId, scrubbed); // a row from an older version
    return parsed.reference;
  };
  return {
    save: async (ref) => {
      const id = ref.conversation?.id;
      if (!id) return;
      const base = baseConversationId(id);
      const minimal = minimalReference(ref);
      await store.saveConversationRef(base, JSON.stringify({ ...minimal, conversation: { ...minimal.conversation, id: base } }));
    },
    remove: async (conversationId) => void (await store.removeConversationRef(baseConversationId(conversationId))),
    get: async (conversationId) => {
      const id = baseConversationId(conversationId);
      const json = await store.conversationRef(id);
      return json === undefined ? undefined : decode(id, json);
    },
    list: async () => {
      const decoded = await Promise.all((await store.conversationRefs()).map((r) => decode(r.conversationId, r.json)));
      return decoded.flatMap((r) => r ?? []);
    },
  };
}

/** Rewrites every stored reference without what it must not keep; resolves with how many rows changed. */
export async function scrubStoredConversationRefs(store: StoredRefs, logger: Logger): Promise<number> {
  const before = await store.conversationRefs();
  await storeConversationRefs(store, logger).list();
  const after = new Map((await store.conversationRefs()).map((r) => [r.conversationId, r.json]));
  const changed = before.filter((r) => after.get(r.conversationId) !== r.json).length;
  if (changed > 0) logger.info('teams: removed user details from stored conversation references', { rows: changed });
  return changed;
}
