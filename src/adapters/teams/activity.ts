/**
 * The HTTP seam: a POSTed body becomes a botbuilder `Activity` only through this schema. It checks
 * what the adapter relies on (type, serviceUrl, conversation id, accounts), fills the fields the
 * `Activity` type calls required but real Teams payloads omit, and keeps every other field as is
 * (channelData, value, entities...) for botbuilder. No cast: the parsed value *is* an Activity.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';

const account = z.looseObject({
  id: z.string(),
  name: z.string().default(''),
  aadObjectId: z.string().optional(),
  role: z.string().optional(),
});

const conversation = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  isGroup: z.boolean().default(false),
  conversationType: z.string().default(''),
  tenantId: z.string().optional(),
});

const activitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().default(''),
  from: account,
  recipient: account,
  conversation,
  text: z.string().default(''),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  replyToId: z.string().optional(),
  name: z.string().optional(),
  localTimezone: z.string().default(''),
  callerId: z.string().default(''),
  label: z.string().default(''),
  valueType: z.string().default(''),
  listenFor: z.array(z.string()).default([]),
});

export type ParsedActivity = { readonly ok: true; readonly activity: Activity } | { readonly ok: false; readonly reason: string };

/** Parses a request body (already JSON-decoded) into an Activity, or says what is wrong. */
export function parseActivity(body: unknown): ParsedActivity {
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid activity' };
}
