/**
 * Button clicks (`block_actions`): "Related" and "Did you mean" answer the chosen entry, "Share
 * in channel" re-posts an ephemeral reply for everyone, "Helpful / Not helpful" and Slack's
 * native feedback buttons go to the `FeedbackSink`. A click on an ephemeral reply is answered in place through its `response_url`;
 * on a public message the answer goes to the same thread, so one person's click never rewrites
 * what everyone else is reading.
 */
import { createHash } from 'node:crypto';
import type { App, BlockAction, ButtonAction, FeedbackButtonsAction, RespondFn } from '@slack/bolt';
import type { Answer } from '../../core/types.js';
import { ACTION, decodeFeedback, decodeShare, numbered, type ShareValue } from './actionIds.js';
import type { SlackMessage } from './blocks.js';
import type { ListenerDeps } from './deps.js';
import { deliver } from './deliver.js';
import { userMention } from './mrkdwn.js';
import { notice, renderAnswer, shareValueOf } from './render.js';
import { postPrivately, postReply, type WebClient } from './send.js';
import { toClick, type Click } from './toQuestion.js';
import { renderView } from './views.js';

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
  on(numbered(ACTION.related), answerEntryClick);
  on(numbered(ACTION.didYouMean), answerEntryClick);
  on(ACTION.share, shareClick);
  on(ACTION.helpful, feedbackClick);
  on(ACTION.notHelpful, feedbackClick);
  on(ACTION.feedbackButtons, nativeFeedbackClick);
}

const answerEntryClick: Handler = async (deps, click, respond, client) => {
  const answer = deps.bot.answerEntry(click.value);
  if (!answer) {
    deps.logger.warn('slack button for an unknown entry', { entryId: click.value, action: click.actionId });
    await tellPrivately(deps, click, respond, client, notice('That question is no longer in my list. Try `/eu-china topics`.'));
    return;
  }
  if (click.ephemeral && respond) {
    const message = renderAnswer(answer, { share: shareValueOf(answer) });
    await deliver(deps.logger, {
      what: 'response_url',
      fields: { action: click.actionId, entryId: click.value },
      send: () => respond({ response_type: 'ephemeral', replace_original: true, ...message }),
    });
  } else if (click.target) {
    await postReply(deps.logger, client, click.target, renderAnswer(answer, { nativeFeedback: true }));
  }
};

const shareClick: Handler = async (deps, click, respond) => {
  const share = decodeShare(click.value);
  if (!share || !respond) return;
  const message = sharedMessage(deps, share, `Shared by ${userMention(click.userId)}`);
  if (!message) return;
  await deliver(deps.logger, {
    what: 'response_url',
    fields: { action: click.actionId, share: share.kind },
    send: async () => {
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
      await respond({ delete_original: true });
    },
  });
};

function sharedMessage(deps: ListenerDeps, share: ShareValue, note: string): SlackMessage | undefined {
  if (share.kind === 'view') return renderView(deps.bot, share.view, { note });
  // A shared question was logged when it was first asked: ask the unlogged bot again.
  const answer: Answer | undefined = share.kind === 'entry' ? deps.bot.answerEntry(share.id) : deps.shareBot.ask(share.text);
  return answer ? renderAnswer(answer, { note, nativeFeedback: true }) : undefined;
}

const feedbackClick: Handler = (deps, click, respond, client) => recordFeedback(deps, click, respond, client, click.value, click.actionId === ACTION.helpful);

/** A click on Slack's native thumbs up / down: the value carries the direction and the entry. */
const nativeFeedbackClick: Handler = async (deps, click, respond, client) => {
  const vote = decodeFeedback(click.value);
  if (!vote) {
    deps.logger.warn('slack feedback buttons with an unknown value', { action: click.actionId });
    return;
  }
  await recordFeedback(deps, click, respond, client, vote.entryId, vote.helpful);
};

async function recordFeedback(deps: ListenerDeps, click: Click, respond: RespondFn | undefined, client: WebClient, entryId: string, helpful: boolean): Promise<void> {
  let thanks = helpful ? 'Thanks, glad it helped!' : 'Thanks for telling me. The curators review answers marked not helpful.';
  try {
    await deps.feedback.record({ platform: 'slack', userId: pseudonym(click), entryId, helpful });
  } catch (error) {
    deps.logger.error('slack feedback not recorded', { entryId, helpful, error });
    thanks = "Sorry, I couldn't record your feedback just now.";
  }
  await tellPrivately(deps, click, respond, client, notice(thanks));
}

/** Feedback is keyed by a stable pseudonym, not the Slack user id itself. */
function pseudonym(click: Click): string {
  return createHash('sha256').update(`${click.teamId ?? ''}:${click.userId}`).digest('hex').slice(0, 16);
}

async function tellPrivately(deps: ListenerDeps, click: Click, respond: RespondFn | undefined, client: WebClient, message: SlackMessage): Promise<void> {
  if (click.target && !click.ephemeral) {
    await postPrivately(deps.logger, client, click.target, click.userId, message);
  } else if (respond) {
    await deliver(deps.logger, {
      what: 'response_url',
      fields: { action: click.actionId },
      send: () => respond({ response_type: 'ephemeral', replace_original: false, ...message }),
    });
  }
}
