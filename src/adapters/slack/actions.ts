/**
 * Button clicks (`block_actions`), routed to the core's actions: "Related" and "Did you mean"
 * answer the chosen entry, "Helpful / Not helpful" and Slack's native feedback buttons record
 * feedback, "Share in channel" (Slack's own) re-posts an ephemeral reply for everyone. A click on
 * an ephemeral reply is answered in place through its `response_url`; on a public message the
 * answer goes to the same thread, so one person's click never rewrites what everyone else reads.
 */
import type { App, BlockAction, ButtonAction, FeedbackButtonsAction, RespondFn } from '@slack/bolt';
import type { Action, Reply } from '../../core/conversation/inbound.js';
import { ACTION, decodeFeedback, decodeShare, numbered, type ShareValue } from './actionIds.js';
import type { SlackMessage } from './blocks.js';
import { deliver } from './deliver.js';
import { clickToInbound, toClick, type Click } from './inbound.js';
import type { ListenerDeps } from './listeners.js';
import { userMention } from './mrkdwn.js';
import { fill } from '../../core/lang/labels.js';
import { renderReply, replyLanguage } from './reply.js';
import { SLACK_STRINGS } from './strings.js';
import { postPrivately, postReply, type WebClient } from './send.js';

type ButtonClick = BlockAction<ButtonAction | FeedbackButtonsAction>;
type Handler = (deps: ListenerDeps, click: Click, respond: RespondFn | undefined, client: WebClient) => Promise<void>;

/** Registers every button listener. */
export function registerActions(app: App, deps: ListenerDeps): void {
  const on = (id: string | RegExp, handler: Handler): void =>
    app.action<ButtonClick>(id, async ({ ack, body, respond, client }) => {
      await ack();
      const click = toClick(body);
      if (click) await handler(deps, click, respond, client);
    });
  on(numbered(ACTION.related), entryClick);
  on(numbered(ACTION.didYouMean), entryClick);
  on(ACTION.share, shareClick);
  on(ACTION.helpful, (deps, click, respond, client) => feedback(deps, click, respond, client, click.value, true));
  on(ACTION.notHelpful, (deps, click, respond, client) => feedback(deps, click, respond, client, click.value, false));
  on(ACTION.feedbackButtons, nativeFeedbackClick);
}

const act = (deps: ListenerDeps, click: Click, action: Action): Promise<Reply | undefined> => deps.surface.act(clickToInbound(click, action));

const entryClick: Handler = async (deps, click, respond, client) => {
  const reply = await act(deps, click, { kind: 'entry', entryId: click.value });
  if (!reply) return;
  if (reply.kind !== 'answer') return tellPrivately(deps, click, respond, client, renderReply(reply, { ephemeral: true }));
  if (click.ephemeral && respond) {
    const message = renderReply(reply, { ephemeral: true });
    await deliver(deps, {
      what: 'response_url',
      fields: { action: click.actionId, entryId: click.value },
      send: () => respond({ response_type: 'ephemeral', replace_original: true, ...message }),
    });
  } else if (click.target) {
    await postReply(deps, client, click.target, renderReply(reply, { ephemeral: false }), replyLanguage(reply));
  }
};

/** What "Share in channel" re-posts, as a core action: an entry, a view, or the question asked again (not logged twice). */
function shareAction(share: ShareValue): Action {
  if (share.kind === 'entry') return { kind: 'entry', entryId: share.id };
  if (share.kind === 'view') return { kind: 'view', view: share.view, ...(share.language ? { language: share.language } : {}) };
  return { kind: 'again', text: share.text };
}

const shareClick: Handler = async (deps, click, respond) => {
  const share = decodeShare(click.value);
  if (!share || !respond) return;
  const reply = await act(deps, click, shareAction(share));
  if (!reply || reply.kind === 'notice') return;
  const message = renderReply(reply, { ephemeral: false, note: fill(SLACK_STRINGS[replyLanguage(reply)].sharedBy, { user: userMention(click.userId) }) });
  await deliver(deps, {
    what: 'response_url',
    fields: { action: click.actionId, share: share.kind },
    send: async () => {
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
      await respond({ delete_original: true });
    },
  });
};

/** A click on Slack's native thumbs up / down: the value carries the direction and the entry. */
const nativeFeedbackClick: Handler = async (deps, click, respond, client) => {
  const vote = decodeFeedback(click.value);
  if (!vote) {
    deps.logger.warn('slack feedback buttons with an unknown value', { action: click.actionId });
    return;
  }
  await feedback(deps, click, respond, client, vote.entryId, vote.helpful);
};

async function feedback(deps: ListenerDeps, click: Click, respond: RespondFn | undefined, client: WebClient, entryId: string, helpful: boolean): Promise<void> {
  const reply = await act(deps, click, { kind: 'feedback', entryId, helpful });
  if (reply) await tellPrivately(deps, click, respond, client, renderReply(reply, { ephemeral: true }));
}

async function tellPrivately(deps: ListenerDeps, click: Click, respond: RespondFn | undefined, client: WebClient, message: SlackMessage): Promise<void> {
  if (click.target && !click.ephemeral) {
    await postPrivately(deps, client, click.target, click.userId, message);
  } else if (respond) {
    await deliver(deps, {
      what: 'response_url',
      fields: { action: click.actionId },
      send: () => respond({ response_type: 'ephemeral', replace_original: false, ...message }),
    });
  }
}
