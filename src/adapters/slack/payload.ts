/**
 * Which signed bodies are Slack payloads at all. Bolt reads fields such as `event.channel`,
 * `user.id` or `view.app_installed_team_id` without checking them, and the listeners read a few
 * more, so a signed but malformed body (a leaked signing secret, a buggy proxy) made Bolt throw
 * and the request end in a 500. Each kind of payload is checked here for the fields Bolt and the
 * listeners read, before anything is dispatched; whatever fails is answered 400.
 */
import { z } from 'zod';

const id = z.string().min(1);
const userRef = z.looseObject({ id, team_id: z.string().optional() });
const teamRef = z.looseObject({ id }).nullable().optional();

/** `app_mention` and `message`: the fields `toQuestion` and `replyTarget` read. */
const messageEvent = z.looseObject({
  type: z.enum(['app_mention', 'message']),
  subtype: z.string().optional(),
  channel: id,
  channel_type: z.string().optional(),
  ts: id,
  thread_ts: z.string().optional(),
  text: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
});

/** Any other event: the fields Bolt uses to find the conversation and the user. */
const otherEvent = z.looseObject({
  type: z.string().min(1).refine((t) => t !== 'app_mention' && t !== 'message'),
  channel: z.union([z.string(), z.looseObject({ id: z.string().optional(), creator: z.string().optional() })]).optional(),
  channel_id: z.string().optional(),
  user: z.union([z.string(), z.looseObject({ id: z.string().optional() })]).optional(),
  item: z.looseObject({ channel: z.string().optional() }).optional(),
  subteam: z.looseObject({}).optional(),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().optional(),
  team_id: z.string().optional(),
  authorizations: z.array(z.looseObject({ team_id: z.string().nullable().optional() })).optional(),
  event: z.union([messageEvent, otherEvent]),
});

/** Events API notices without an event (`app_rate_limited`): acknowledged, nothing to do. */
const eventsNotice = z.looseObject({ type: z.literal('app_rate_limited') });

const command = z.looseObject({ command: id, text: z.string(), user_id: id, channel_id: id, team_id: z.string().optional(), response_url: z.string().optional() });

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: userRef,
  team: teamRef,
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({}),
  message: z.looseObject({ ts: id }).optional(),
  actions: z.array(z.looseObject({ action_id: id, value: z.string().optional() })).min(1),
});

/** Interactions this app has no listener for: well-formed enough for Bolt to ignore them. */
const otherInteraction = z.looseObject({
  type: z.enum(['view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion']),
  user: userRef,
  team: teamRef,
  view: z.looseObject({ app_installed_team_id: z.string().optional() }).optional(),
}).refine((p) => !p.type.startsWith('view_') || p.view !== undefined, 'a view payload without its view');

const slackPayload = z.union([eventCallback, eventsNotice, command, blockActions, otherInteraction]);

/** True when `body` is one of the payloads Slack sends, with the fields the app reads. */
export function isSlackPayload(body: Readonly<Record<string, unknown>>): boolean {
  return slackPayload.safeParse(body).success;
}
