/**
 * The Teams activity handler: inbound -> the core's `Surface` -> render -> send, nothing more.
 * Each turn is translated by `toRequest`, decided by the pipeline (which also drops a
 * redelivered activity) and rendered by `renderReply`, then sent in the same turn (so a channel
 * reply lands in the thread of the message that asked, whose conversation id carries
 * `;messageid=`); sending goes through `withRetry`. Before `subscribe` is written the
 * conversation reference the digest will post to is kept. Answers carry Teams' native feedback
 * buttons; the `message/submitAction` invoke they send names only the message, so the entry
 * remembered for it is looked up here (feedback.ts) and the feedback routed to the core.
 */
import { TeamsActivityHandler, type Activity, type InvokeResponse, type MessagingExtensionQuery, type MessagingExtensionResponse, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { Surface } from '../../core/conversation/pipeline.js';
import { languageOf } from '../../core/lang/languages.js';
import type { Logger } from '../../core/ports.js';
import type { AnsweredMessages } from '../../core/store.js';
import type { ConversationRefStore } from './conversationRefs.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './delivery.js';
import { answeredMessageKey, memoryAnsweredMessages, SUBMIT_ACTION, toSubmitAction, type FeedbackLoopClick } from './feedback.js';
import { deliveryKey, scopeOf, teamsChannelKey, toRequest } from './inbound.js';
import { searchResponse } from './messageExtension.js';
import { renderReply, type FeedbackReply } from './reply.js';
import { botWasAdded, botWasRemoved, referenceOf, renderWelcome } from './welcome.js';

export interface TeamsBotDeps {
  readonly surface: Surface;
  readonly logger: Logger;
  readonly conversations: ConversationRefStore;
  readonly retry?: RetryOptions;
  /** The entry of each answer sent, for Teams' native feedback (the Store); in memory by default. */
  readonly answers?: AnsweredMessages;
}

export class EuChinaTeamsBot extends TeamsActivityHandler {
  private readonly answers: AnsweredMessages;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.answers = deps.answers ?? memoryAnsweredMessages();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context.activity) && (await this.isNew(context.activity))) await this.welcome(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (botWasRemoved(context.activity)) await this.deps.conversations.remove(referenceOf(context.activity).conversation?.id ?? '');
      await next();
    });
  }

  /** composeExtension/query: the search command of the message extension (not logged: Teams queries on every keystroke), in the searcher's `activity.locale`. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const locale = context.activity.locale;
    return searchResponse((text, max) => this.deps.surface.search(text, max, locale), query);
  }

  /** `message/submitAction` (a native feedback form): recorded, answered 200 with the empty body Teams requires. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== SUBMIT_ACTION) return super.onInvokeActivity(context);
    const action = toSubmitAction(context.activity);
    if (action.kind === 'invalid') {
      this.deps.logger.warn('teams: malformed submitAction ignored', { reason: action.reason, activityId: context.activity.id });
      return { status: 400 };
    }
    if (action.kind === 'other') return { status: 200 };
    return this.recordFeedbackLoop(context.activity, action.click);
  }

  private async recordFeedbackLoop(activity: Activity, click: FeedbackLoopClick): Promise<InvokeResponse> {
    const entryId = await this.answers.answeredEntry(answeredMessageKey(activity.conversation.id, click.messageId));
    if (!entryId) {
      // An answer sent before a restart without a store, or long ago: nothing to file it under.
      this.deps.logger.warn('teams: feedback on a message whose entry is unknown, not stored', { helpful: click.helpful });
      return { status: 200 };
    }
    const comment = click.comment ? { comment: click.comment } : {};
    const reply = await this.deps.surface.act({
      asker: activity.from.aadObjectId ?? activity.from.id,
      channel: teamsChannelKey(activity.conversation.id),
      ...(activity.id ? { delivery: deliveryKey(activity) } : {}),
      action: { kind: 'feedback', entryId, helpful: click.helpful, ...comment },
    });
    return { status: reply?.kind === 'notice' && reply.failed ? 500 : 200 };
  }

  private async isNew(activity: Activity): Promise<boolean> {
    return !activity.id || this.deps.surface.firstDelivery(deliveryKey(activity));
  }

  private async answer(context: TurnContext): Promise<void> {
    const { activity } = context;
    const request = toRequest(activity);
    if (!request) return;
    const reply =
      request.kind === 'action'
        ? await this.deps.surface.act(request.action)
        : await this.deps.surface.handle({ ...request.message, beforeSubscribe: () => this.deps.conversations.save(referenceOf(activity)) });
    if (!reply) return;
    const out = renderReply(reply);
    const sent = await this.send(context, out.reply);
    if (out.feedbackOn && sent?.id) await this.rememberAnswer(activity, sent.id, out.feedbackOn);
  }

  /** Remembers which entry a sent answer was; a failure costs that answer's native feedback only. */
  private async rememberAnswer(activity: Activity, messageId: string, entryId: string): Promise<void> {
    try {
      await this.answers.rememberAnswer(answeredMessageKey(activity.conversation.id, messageId), entryId);
    } catch (error) {
      this.deps.logger.warn('teams: answer not remembered; its native feedback will not be stored', { entryId, error });
    }
  }

  /** Said once when the bot is added, in the installer's `activity.locale`, else English. */
  private async welcome(context: TurnContext): Promise<void> {
    await this.deps.conversations.save(referenceOf(context.activity));
    const language = languageOf(context.activity.locale) ?? 'en';
    const { surface } = this.deps;
    await this.send(context, renderWelcome(surface.about(language), scopeOf(context.activity), surface.help().digest.length > 0, language));
  }

  private async send(context: TurnContext, reply: FeedbackReply): Promise<ResourceResponse | undefined> {
    const where = `teams reply to ${context.activity.type} in ${context.activity.conversation.id}`;
    try {
      const sent = await withRetry(() => context.sendActivity(reply), where, this.deps.retry ?? DEFAULT_RETRY);
      this.deps.surface.delivered(true);
      return sent;
    } catch (error) {
      this.deps.surface.delivered(false);
      throw error;
    }
  }
}
