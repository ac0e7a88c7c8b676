/**
 * Conversation references kept in the Store, so the digest can still post proactively after a
 * restart. The store holds them as opaque JSON; what comes back is checked with a schema before
 * it becomes a ConversationReference again (a row written by an older version, or edited by
 * hand, is logged and treated as missing rather than sent to the connector half-formed).
 */
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../core/ports.js';
import type { ConversationRefStore as StoredRefs } from '../../core/store.js';
import { baseConversationId } from './channelKey.js';
import type { ConversationRefStore } from './welcome.js';

const account = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  aadObjectId: z.string().optional(),
  role: z.string().optional(),
});

const referenceSchema = z.looseObject({
  activityId: z.string().optional(),
  user: account.optional(),
  locale: z.string().optional(),
  bot: account,
  conversation: z.looseObject({
    id: z.string().min(1),
    name: z.string().default(''),
    isGroup: z.boolean().default(false),
    conversationType: z.string().default(''),
    tenantId: z.string().optional(),
  }),
  channelId: z.string().default('msteams'),
  serviceUrl: z.url({ protocol: /^https?$/ }),
});

export type ParsedReference = { readonly ok: true; readonly reference: ConversationReference } | { readonly ok: false; readonly reason: string };

/** A stored reference's JSON back to a ConversationReference, or what is wrong with it. */
export function parseReference(json: string): ParsedReference {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = referenceSchema.safeParse(value);
  if (parsed.success) return { ok: true, reference: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.') || 'reference'}: ${first.message}` : 'invalid reference' };
}

/** The Teams port over the Store's conversation references, keyed by conversation id (no thread). */
export function storeConversationRefs(store: StoredRefs, logger: Logger): ConversationRefStore {
  const decode = (conversationId: string, json: string): ConversationReference | undefined => {
    const parsed = parseReference(json);
    if (parsed.ok) return parsed.reference;
    logger.warn('teams: ignoring an unreadable stored conversation reference', { conversation: conversationId, reason: parsed.reason });
    return undefined;
  };
  return {
    save: async (ref) => {
      const id = ref.conversation?.id;
      if (!id) return;
      const base = baseConversationId(id);
      await store.saveConversationRef(base, JSON.stringify({ ...ref, conversation: { ...ref.conversation, id: base } }));
    },
    remove: async (conversationId) => void (await store.removeConversationRef(baseConversationId(conversationId))),
    get: async (conversationId) => {
      const id = baseConversationId(conversationId);
      const json = await store.conversationRef(id);
      return json === undefined ? undefined : decode(id, json);
    },
    list: async () => (await store.conversationRefs()).flatMap((r) => decode(r.conversationId, r.json) ?? []),
  };
}
